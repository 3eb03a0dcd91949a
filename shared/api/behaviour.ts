/**
 * customers.behaviour and customers.behaviours: how a customer pays, from their ledger (see
 * shared/behaviour/figures.ts for what counts), with suggestions the owner may take or leave.
 */
import { z } from 'zod';
import type { Behaviour } from '../behaviour/figures';
import type { Suggestion } from '../behaviour/words';
import type { Columns } from '../columns';
import type { CalendarDate } from '../dates';
import type { Minor } from '../money';
import { id } from './fields';
import { method } from './method';

/** One paid invoice, a point on the chart of days late over time. */
export interface PaidInvoicePoint {
  invoiceId: number;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  paidOn: CalendarDate;
  daysLate: number;
  amount: Minor;
}

export interface CustomerBehaviour {
  customerId: number;
  asOf: CalendarDate;
  figures: Behaviour;
  /** "Usually pays about 9 days late; kept 3 of 4 promises." */
  summary: string;
  suggestions: Suggestion[];
  creditHold: { reason: string } | null;
  /** The most recently paid invoices (up to `chartPoints`), oldest first. */
  points: PaidInvoicePoint[];
}

/** How many paid invoices the chart shows at most. */
export const chartPoints = 60;

/** One customer's row in the batch form, for a table column. */
export interface BehaviourRow {
  customerId: number;
  invoicesPaid: number;
  /** The median days late, rounded; null with nothing paid. */
  usualDaysLate: number | null;
  onTimeShare: number | null;
  /** "9 days late", "On time", "Nothing paid yet". */
  label: string;
  summary: string;
}

export interface BehaviourList {
  asOf: CalendarDate;
  /** Every customer with something billed, a promise, a dispute or a contact; by column. */
  rows: Columns<BehaviourRow>;
}

export const behaviourMethods = {
  'customers.behaviour': method(z.object({ customerId: id }).strict()).returns<CustomerBehaviour>(),
  'customers.behaviours': method(z.object({}).strict().default({})).returns<BehaviourList>(),
};
