/**
 * What the policy knows about one customer on one day: their open invoices with any pause on
 * them, what was already done in this overdue episode, their recent contacts, promises and
 * payments. The service gathers it from the ledger; the policy only reads it.
 */
import type { CalendarDate } from '../dates';
import type { CustomerKind } from '../ledger';
import type { Ladder, StepKey } from './ladder';

export interface SituationInvoice {
  id: number;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  /** Open amount in minor units, above zero. */
  open: number;
  /** Paused on its own (a reason and the last day of the pause). */
  pause: { reason: string; until: CalendarDate } | null;
  /** An open dispute covers it (on the invoice or the whole customer). */
  disputed: boolean;
  /** An active payment plan covers it: plan check-ins replace the ladder. */
  inPlan: boolean;
}

/** A step already acted on in this episode: approved, sent, skipped by the owner, or called. */
export interface TakenStep {
  step: StepKey;
  ref: number;
  on: CalendarDate;
}

export interface SituationContact {
  at: Date;
  channel: 'message' | 'call';
}

export interface SituationPromise {
  id: number;
  date: CalendarDate;
  amount: number;
  currency: string;
  /** Paid towards it since it was made (payments dated on or after the day it was made). */
  paid: number;
  /** Set once the owner or the scheduler has closed it. */
  outcome: 'kept' | 'broken' | 'cancelled' | null;
}

export interface CustomerSituation {
  customerId: number;
  customerName: string;
  kind: CustomerKind;
  /** The customer's zone, else the business's. */
  timeZone: string;
  /** The ladder that applies: the business's, the customer's own, or null for none. */
  ladder: Ladder | null;
  doNotContact: { reason: string; until: CalendarDate | null } | null;
  /** Handed to a collection agency (and not taken back): the ladder is theirs now. */
  handedOver?: { agency: string; on: CalendarDate } | null;
  /** Has paid an invoice after its due date before: the courtesy step is only for them. */
  paidLateBefore: boolean;
  /** Open invoices (open amount above zero), whether due or not. */
  invoices: SituationInvoice[];
  /** The current overdue episode's number; the next one's if none is open. */
  episode: number;
  /** Steps taken in the current episode. */
  taken: TakenStep[];
  /** Contacts made, newest first (at least those of the last 7 days and the last one). */
  contacts: SituationContact[];
  promises: SituationPromise[];
  /**
   * A pause (dispute, promise, plan, do-not-contact, invoice pause) was in force after the
   * last step taken and has ended: the ladder resumes where it stopped, never jumps.
   */
  resumingAfterPause: { reason: string } | null;
  /** Received since the last contact, per currency, for the "thank you for" line. */
  paidSinceLastContact: { currency: string; amount: number }[];
}
