/**
 * How the money owed has moved over the last 12 months, per currency: at each month's end
 * (and today), what was owed, how much of it was overdue, and days sales outstanding.
 *
 * **DSO, countback method**: take what is owed at the date, and walk back through the months
 * before it, newest first. Each whole month whose invoicing fits in what is still left to
 * explain adds all its days and takes its invoicing off; the first month that does not fit
 * adds only the share of its days that the rest is of its invoicing, and the count stops.
 * So DSO is the number of days of the most recent invoicing that equals what is owed: 30 means
 * the last month's invoices are all still open, and nothing older. Unlike the average method
 * (owed ÷ invoiced × days), a busy or quiet month does not swing it. Walking stops after 24
 * months: what is owed beyond that is older than any sensible count.
 */
import { addDays, daysInMonth, type CalendarDate } from '../dates';
import type { Minor } from '../money';

/** What a month invoiced, in one currency. `month` is `YYYY-MM`. */
export interface MonthInvoiced {
  month: string;
  amount: Minor;
}

export interface OwedPoint {
  date: CalendarDate;
  owed: Minor;
  overdue: Minor;
  /** Overdue ÷ owed; null when nothing is owed. */
  overdueShare: number | null;
  /** Days sales outstanding, countback; null when nothing was invoiced to count back over. */
  dso: number | null;
}

export interface CurrencyOverTime {
  currency: string;
  points: OwedPoint[];
}

/** An invoice that was open at some point of the window, with its reductions by month. */
export interface InvoiceOverTime {
  currency: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  /** Open today. */
  openNow: Minor;
  /** Payments, credit notes and write-offs dated in each month (`YYYY-MM`) of the window. */
  reducedIn: ReadonlyMap<string, Minor>;
}

const monthOf = (date: CalendarDate) => date.slice(0, 7);

export const maxCountbackMonths = 24;

/** DSO by countback at `date`, from what is owed and each month's invoicing (any order). */
export function dsoCountback(
  owed: Minor,
  date: CalendarDate,
  invoiced: ReadonlyMap<string, Minor>,
): number | null {
  if (owed <= 0) return 0;
  let left = owed;
  let days = 0;
  let counted = false;
  // The month of `date` counts up to `date` only; earlier months in full.
  let cursor = date;
  for (let step = 0; step < maxCountbackMonths; step++) {
    const month = monthOf(cursor);
    const year = Number(month.slice(0, 4));
    const monthDays =
      step === 0 ? Number(cursor.slice(8, 10)) : daysInMonth(year, Number(month.slice(5, 7)));
    const amount = invoiced.get(month) ?? 0;
    if (amount > 0) {
      counted = true;
      if (left <= amount) return days + (monthDays * left) / amount;
      left -= amount;
    }
    days += monthDays;
    cursor = addDays(`${month}-01`, -1);
  }
  return counted ? days : null;
}

/** The last 12 month ends before `today`, oldest first, then `today`. */
export function pointDates(today: CalendarDate, months = 12): CalendarDate[] {
  const dates: CalendarDate[] = [];
  let cursor = addDays(`${monthOf(today)}-01`, -1);
  for (let i = 0; i < months; i++) {
    dates.unshift(cursor);
    cursor = addDays(`${monthOf(cursor)}-01`, -1);
  }
  dates.push(today);
  return dates;
}

/**
 * Owed, overdue and DSO at each of `dates` (month ends, then today). What was open at a month's
 * end is what is open today plus what was taken off in the months after it.
 */
export function owedOverTime(
  invoices: readonly InvoiceOverTime[],
  invoicedByMonth: readonly (MonthInvoiced & { currency: string })[],
  dates: readonly CalendarDate[],
): CurrencyOverTime[] {
  const months = dates.map((date) => monthOf(date));
  const sums = new Map<string, { owed: Minor[]; overdue: Minor[] }>();
  for (const invoice of invoices) {
    let sum = sums.get(invoice.currency);
    if (!sum) {
      sum = { owed: dates.map(() => 0), overdue: dates.map(() => 0) };
      sums.set(invoice.currency, sum);
    }
    for (let k = 0; k < dates.length; k++) {
      const date = dates[k]!;
      if (invoice.issueDate > date) continue;
      let open = invoice.openNow;
      // The last point is today: nothing after it. A month end: its own month is before it.
      if (k < dates.length - 1) {
        for (const [month, amount] of invoice.reducedIn) if (month > months[k]!) open += amount;
      }
      if (open <= 0) continue;
      sum.owed[k]! += open;
      if (invoice.dueDate < date) sum.overdue[k]! += open;
    }
  }
  const invoiced = new Map<string, Map<string, Minor>>();
  for (const row of invoicedByMonth) {
    let byMonth = invoiced.get(row.currency);
    if (!byMonth) invoiced.set(row.currency, (byMonth = new Map()));
    byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.amount);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, sum]) => ({
      currency,
      points: dates.map((date, k) => {
        const owed = sum.owed[k]!;
        const overdue = sum.overdue[k]!;
        return {
          date,
          owed,
          overdue,
          overdueShare: owed > 0 ? overdue / owed : null,
          dso: dsoCountback(owed, date, invoiced.get(currency) ?? new Map()),
        };
      }),
    }));
}
