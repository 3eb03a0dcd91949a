/**
 * Expected cash: what should come in over the next 13 weeks, and from where. Pure: the rows
 * come from electron/, already read.
 *
 * How each kind of money is expected:
 * - an **open invoice** on its due date plus the customer's usual lateness (their median days
 *   late, shared/behaviour/figures.ts; on the due date for a customer with no history);
 * - an invoice in an **active payment plan** not at all: its money comes as the plan's
 *   **instalments**, each on its due date. What has been paid towards the plan's invoices
 *   covers the instalments in order, so only the rest is expected;
 * - an **open promise to pay** on its date; the promised amount is taken off that customer's
 *   invoices in the same currency, oldest due first, so the money is not counted twice;
 * - an invoice in an **open dispute** is left out: it is not expected until the dispute is
 *   settled.
 * Money expected before today (late beyond the customer's usual, an instalment or promise
 * past its date) is its own bar, "Late already", ahead of the weeks: it may still come, but
 * no one can say when. Week 1 is today and the 6 days after it.
 */
import { addDays, type CalendarDate } from '../dates';
import type { Minor } from '../money';

export type CashSource = 'invoice' | 'instalment' | 'promise';

export interface OpenInvoiceForCash {
  id: number;
  number: string;
  customerId: number;
  currency: string;
  dueDate: CalendarDate;
  open: Minor;
  inActivePlan: boolean;
  disputed: boolean;
}

export interface PlanInstalmentForCash {
  id: number;
  planId: number;
  customerId: number;
  currency: string;
  /** 0 is the deposit. */
  number: number;
  dueDate: CalendarDate;
  amount: Minor;
  /** Paid so far towards the plan (its total less what its invoices still owe and less `planReduced`). */
  planPaid: Minor;
  /** Taken off the plan by credit notes and write-offs on its invoices since it was made. */
  planReduced?: Minor;
}

export interface OpenPromiseForCash {
  id: number;
  customerId: number;
  currency: string;
  date: CalendarDate;
  amount: Minor;
}

export interface ExpectedItem {
  source: CashSource;
  /** The invoice's, instalment's or promise's id. */
  id: number;
  customerId: number;
  currency: string;
  /** The invoice number, "Plan 3, payment 2" or "Promise". */
  reference: string;
  /** The date it is due (or promised for). */
  dueDate: CalendarDate;
  expectedOn: CalendarDate;
  amount: Minor;
  /** The customer's usual days late that moved it (invoices only). */
  usualDaysLate: number;
  /** -1: late already; 0 to weeks − 1: the week it is expected in. */
  bar: number;
}

export interface CashBar {
  /** -1: late already; else the week, 0 first. */
  bar: number;
  /** The week's first and last day; null for "late already". */
  from: CalendarDate | null;
  to: CalendarDate | null;
  amount: Minor;
  count: number;
}

export interface CurrencyCash {
  currency: string;
  bars: CashBar[];
  /** Expected over the weeks (the late-already bar not included). */
  total: Minor;
  /** The late-already bar's amount. */
  lateAlready: Minor;
}

export const cashWeeks = 13;
export const lateAlreadyBar = -1;

/** Which bar a date falls in, or null beyond the last week. */
export function barOf(
  expectedOn: CalendarDate,
  today: CalendarDate,
  weekStarts: readonly CalendarDate[],
) {
  if (expectedOn < today) return lateAlreadyBar;
  for (let week = weekStarts.length - 1; week >= 0; week--) {
    if (expectedOn >= weekStarts[week]!) return week;
  }
  return lateAlreadyBar;
}

export function weekStartsFrom(today: CalendarDate, weeks = cashWeeks): CalendarDate[] {
  return Array.from({ length: weeks + 1 }, (_, week) => addDays(today, 7 * week));
}

/** Every item expected by the end of the last week, each with its bar. */
export function expectedItems(
  inputs: {
    invoices: readonly OpenInvoiceForCash[];
    instalments: readonly PlanInstalmentForCash[];
    promises: readonly OpenPromiseForCash[];
    /** Each customer's usual days late; missing is 0. */
    usualDaysLate: (customerId: number) => number;
  },
  today: CalendarDate,
  weeks = cashWeeks,
): ExpectedItem[] {
  const starts = weekStartsFrom(today, weeks);
  const end = starts[weeks]!;
  const weekStarts = starts.slice(0, weeks);
  const items: ExpectedItem[] = [];
  const add = (item: Omit<ExpectedItem, 'bar'>) => {
    if (item.amount <= 0 || item.expectedOn >= end) return;
    items.push({ ...item, bar: barOf(item.expectedOn, today, weekStarts) });
  };

  // Promised money per customer and currency, to take off their invoices oldest due first.
  const promised = new Map<string, Minor>();
  for (const promise of inputs.promises) {
    const key = `${promise.customerId}|${promise.currency}`;
    promised.set(key, (promised.get(key) ?? 0) + promise.amount);
    add({
      source: 'promise',
      id: promise.id,
      customerId: promise.customerId,
      currency: promise.currency,
      reference: 'Promise to pay',
      dueDate: promise.date,
      expectedOn: promise.date,
      amount: promise.amount,
      usualDaysLate: 0,
    });
  }
  const invoices = inputs.invoices
    .filter((invoice) => !invoice.inActivePlan && !invoice.disputed)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  const lateness = new Map<string, CalendarDate>();
  for (const invoice of invoices) {
    let amount = invoice.open;
    if (promised.size > 0) {
      const key = `${invoice.customerId}|${invoice.currency}`;
      const covered = Math.min(promised.get(key) ?? 0, amount);
      if (covered > 0) {
        promised.set(key, (promised.get(key) ?? 0) - covered);
        amount -= covered;
      }
    }
    const usual = inputs.usualDaysLate(invoice.customerId);
    // Many invoices share a due date and a lateness: each date worked out once.
    const dateKey = `${invoice.dueDate}|${usual}`;
    let expectedOn = lateness.get(dateKey);
    if (expectedOn === undefined) {
      expectedOn = addDays(invoice.dueDate, usual);
      lateness.set(dateKey, expectedOn);
    }
    add({
      source: 'invoice',
      id: invoice.id,
      customerId: invoice.customerId,
      currency: invoice.currency,
      reference: invoice.number,
      dueDate: invoice.dueDate,
      expectedOn,
      amount,
      usualDaysLate: usual,
    });
  }

  // Instalments come in plan order, deposit first. What credits and write-offs took off a
  // plan comes off its last payments, as the plan itself counts it (shared/plans/progress.ts);
  // what is paid covers the earliest of the rest.
  const cut = new Map<number, Minor>();
  const reducedLeft = new Map<number, Minor>();
  for (let index = inputs.instalments.length - 1; index >= 0; index -= 1) {
    const instalment = inputs.instalments[index]!;
    const left = reducedLeft.get(instalment.planId) ?? instalment.planReduced ?? 0;
    const taken = Math.min(left, instalment.amount);
    reducedLeft.set(instalment.planId, left - taken);
    cut.set(instalment.id, taken);
  }
  const paidLeft = new Map<number, Minor>();
  for (const instalment of inputs.instalments) {
    const asked = instalment.amount - (cut.get(instalment.id) ?? 0);
    const left = paidLeft.get(instalment.planId) ?? instalment.planPaid;
    const covered = Math.min(left, asked);
    paidLeft.set(instalment.planId, left - covered);
    add({
      source: 'instalment',
      id: instalment.id,
      customerId: instalment.customerId,
      currency: instalment.currency,
      reference:
        instalment.number === 0
          ? `Plan ${instalment.planId}, deposit`
          : `Plan ${instalment.planId}, payment ${instalment.number}`,
      dueDate: instalment.dueDate,
      expectedOn: instalment.dueDate,
      amount: asked - covered,
      usualDaysLate: 0,
    });
  }
  return items;
}

/** The bars of each currency: late already, then each week, every one shown even if empty. */
export function cashBars(
  items: readonly ExpectedItem[],
  today: CalendarDate,
  weeks = cashWeeks,
): CurrencyCash[] {
  const starts = weekStartsFrom(today, weeks);
  const byCurrency = new Map<string, CashBar[]>();
  const barsFor = (currency: string) => {
    let bars = byCurrency.get(currency);
    if (!bars) {
      bars = [
        { bar: lateAlreadyBar, from: null, to: null, amount: 0, count: 0 },
        ...Array.from({ length: weeks }, (_, week) => ({
          bar: week,
          from: starts[week]!,
          to: addDays(starts[week + 1]!, -1),
          amount: 0,
          count: 0,
        })),
      ];
      byCurrency.set(currency, bars);
    }
    return bars;
  };
  for (const item of items) {
    const bar = barsFor(item.currency)[item.bar + 1]!;
    bar.amount += item.amount;
    bar.count++;
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, bars]) => ({
      currency,
      bars,
      total: bars.reduce((sum, bar) => (bar.bar === lateAlreadyBar ? sum : sum + bar.amount), 0),
      lateAlready: bars[0]!.amount,
    }));
}
