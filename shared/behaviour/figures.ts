/**
 * A customer's payment behaviour, worked out from their ledger: how late they usually pay,
 * how often on time, promises kept and broken, disputes, how much chasing it took, and whether
 * they are paying later than they used to. Pure: the rows come from electron/, already read.
 *
 * What counts, and why:
 * - An invoice is **paid** once it is settled in full and at least part of it was paid (not
 *   only credited). Its **paid date** is the date of the last payment allocated to it: the
 *   payment that closed it. A credit note is the business's own correction, so it does not
 *   move that date; an invoice with a write-off was not paid in full and is left out.
 * - **Days late** are the days from the due date to the paid date, never below 0: paying
 *   early is on time, not "negative late" (which would hide lateness in an average).
 * - A **partly paid** invoice still open is not yet paid: it counts in "longest overdue now",
 *   and in the figures once it is closed, by the date of its last payment. A part paid on time
 *   does not make it on time: the money owed arrived when the last of it did.
 * - **Weighted** averages weigh each invoice by its total (in its own currency: a customer
 *   billed in two currencies is rare, and converting needs rates we do not keep).
 * - The **trend** compares the plain average of invoices paid in the last 6 months with those
 *   paid in the 12 months before; a move of more than 3 days either way is a change.
 */
import { addMonths, daysBetween, type CalendarDate } from '../dates';
import type { Minor } from '../money';

/** One paid invoice, as the ledger gives it. */
export interface PaidInvoice {
  paidOn: CalendarDate;
  /** From the due date to `paidOn`, at least 0. */
  daysLate: number;
  /** The invoice's total, in its own currency. */
  amount: Minor;
}

export interface PromiseCounts {
  kept: number;
  broken: number;
  /** Still waiting for their date (and grace). */
  open: number;
}

export interface CurrencyAmount {
  currency: string;
  amount: Minor;
}

/** Everything the figures are made from, for one customer. */
export interface BehaviourInputs {
  /** In the order they were paid (paid date, then invoice). */
  paid: readonly PaidInvoice[];
  promises: PromiseCounts;
  disputes: number;
  /** Emails, letters and calls logged. */
  contacts: number;
  billed: readonly CurrencyAmount[];
  received: readonly CurrencyAmount[];
  /** The due date of their oldest invoice still open and past due, if any. */
  oldestOverdueDue: CalendarDate | null;
}

export type TrendDirection = 'better' | 'worse' | 'steady' | 'unknown';

export interface BehaviourTrend {
  /** Average days late of invoices paid in the last 6 months; null with none. */
  recent: number | null;
  /** The same for the 12 months before those. */
  before: number | null;
  direction: TrendDirection;
}

export interface Behaviour {
  invoicesPaid: number;
  /** Plain average of days late; null with nothing paid. */
  averageDaysLate: number | null;
  /** Average weighted by each invoice's total. */
  weightedDaysLate: number | null;
  medianDaysLate: number | null;
  /** Share (0 to 1) of paid invoices paid by their due date. */
  onTimeShare: number | null;
  /** Share paid no more than 7 days late. */
  within7Share: number | null;
  /** How many of their most recently paid invoices in a row were late. */
  lateStreak: number;
  /** How many of their most recently paid invoices in a row were on time. */
  onTimeStreak: number;
  promises: PromiseCounts;
  disputes: number;
  contacts: number;
  /** Contacts needed per invoice paid; null with nothing paid. */
  contactsPerInvoicePaid: number | null;
  billed: CurrencyAmount[];
  received: CurrencyAmount[];
  /** Days their oldest unpaid invoice is past due today; 0 with nothing overdue. */
  longestOverdueDays: number;
  trend: BehaviourTrend;
}

/** More days than this either way between the two periods is a change in habit. */
export const trendThresholdDays = 3;

/** The middle value of numbers already in order; the mean of the two middle ones if even. */
export function medianOfSorted(values: readonly number[]): number {
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

function trendOf(paid: readonly PaidInvoice[], today: CalendarDate): BehaviourTrend {
  const recentFrom = addMonths(today, -6);
  const beforeFrom = addMonths(today, -18);
  let recentSum = 0;
  let recentCount = 0;
  let beforeSum = 0;
  let beforeCount = 0;
  for (const invoice of paid) {
    if (invoice.paidOn > today) continue;
    if (invoice.paidOn > recentFrom) {
      recentSum += invoice.daysLate;
      recentCount++;
    } else if (invoice.paidOn > beforeFrom) {
      beforeSum += invoice.daysLate;
      beforeCount++;
    }
  }
  const recent = recentCount > 0 ? recentSum / recentCount : null;
  const before = beforeCount > 0 ? beforeSum / beforeCount : null;
  let direction: TrendDirection = 'unknown';
  if (recent !== null && before !== null) {
    const change = recent - before;
    direction =
      change > trendThresholdDays ? 'worse' : change < -trendThresholdDays ? 'better' : 'steady';
  }
  return { recent, before, direction };
}

/** The figures for one customer, as of `today` (the business's today). */
export function behaviourOf(inputs: BehaviourInputs, today: CalendarDate): Behaviour {
  const { paid } = inputs;
  const count = paid.length;
  let sum = 0;
  let weightedSum = 0;
  let weights = 0;
  let onTime = 0;
  let within7 = 0;
  const days = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const invoice = paid[i]!;
    const late = invoice.daysLate;
    days[i] = late;
    sum += late;
    weightedSum += late * invoice.amount;
    weights += invoice.amount;
    if (late === 0) onTime++;
    if (late <= 7) within7++;
  }
  days.sort((a, b) => a - b);
  let lateStreak = 0;
  while (lateStreak < count && paid[count - 1 - lateStreak]!.daysLate > 0) lateStreak++;
  let onTimeStreak = 0;
  while (onTimeStreak < count && paid[count - 1 - onTimeStreak]!.daysLate === 0) onTimeStreak++;
  const longest = inputs.oldestOverdueDue ? daysBetween(inputs.oldestOverdueDue, today) : 0;
  return {
    invoicesPaid: count,
    averageDaysLate: count > 0 ? sum / count : null,
    // Invoices of nothing (a zero total) carry no weight; with only those, the plain average.
    weightedDaysLate: count === 0 ? null : weights > 0 ? weightedSum / weights : sum / count,
    medianDaysLate: count > 0 ? medianOfSorted(days) : null,
    onTimeShare: count > 0 ? onTime / count : null,
    within7Share: count > 0 ? within7 / count : null,
    lateStreak,
    onTimeStreak,
    promises: { ...inputs.promises },
    disputes: inputs.disputes,
    contacts: inputs.contacts,
    contactsPerInvoicePaid: count > 0 ? inputs.contacts / count : null,
    billed: [...inputs.billed],
    received: [...inputs.received],
    longestOverdueDays: Math.max(0, longest),
    trend: trendOf(paid, today),
  };
}
