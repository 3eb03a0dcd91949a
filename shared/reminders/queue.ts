/** What the Today queue shows: one row per proposed step, with its reasons. */
import type { CalendarDate } from '../dates';
import { isPlanStep, type LadderStepKey, type StepChannel, type StepKey } from './ladder';

/** Where a row sits on the Today screen. */
export type QueueGroup = 'send' | 'call' | 'promises' | 'plans' | 'decide';

export function groupOf(step: StepKey, channel: StepChannel): QueueGroup {
  if (step === 'promise_due') return 'promises';
  if (isPlanStep(step)) return 'plans';
  if (channel === 'decision') return 'decide';
  if (channel === 'call') return 'call';
  return 'send';
}

export type QueueStatus = 'ready' | 'waiting' | 'snoozed' | 'blocked';

/** A row lists this many invoices; the customer's screen has the rest. */
export const queueInvoiceLimit = 10;

export interface QueueInvoice {
  id: number;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  open: number;
  daysOverdue: number;
}

export interface QueueItem {
  /** Null for a blocked customer (nothing is stored while a pause holds) and for previews. */
  id: number | null;
  customerId: number;
  customerName: string;
  step: StepKey | null;
  stepName: string;
  group: QueueGroup;
  channel: StepChannel | null;
  episode: number;
  status: QueueStatus;
  /** Which rule made it due and why it is or is not ready, in plain sentences. */
  why: string[];
  /** When a waiting item comes ready by itself (UTC instant), if known. */
  readyAt: string | null;
  snoozedUntil: CalendarDate | null;
  autopilot: boolean;
  /** The most overdue invoices behind the step, at most `queueInvoiceLimit` of them. */
  invoices: QueueInvoice[];
  /** How many invoices the step covers in all. */
  invoiceCount: number;
  /** Open amounts of every invoice the step covers, per currency. */
  openTotals: { currency: string; amount: number }[];
  skipped: LadderStepKey[];
  /** For a promise falling due: what was promised and what came in. */
  promise: {
    id: number;
    date: CalendarDate;
    amount: number;
    currency: string;
    paid: number;
  } | null;
  /** For a payment plan's step (group "plans"): the plan it is about. */
  planId?: number;
}

export interface ReminderQueue {
  date: CalendarDate;
  /** The instant readiness was judged at. */
  now: string;
  /** A date other than today is a preview: nothing is stored and nothing can be acted on. */
  preview: boolean;
  items: QueueItem[];
}
