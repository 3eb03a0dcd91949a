/**
 * What may be added to one late invoice under the customer's late-payment terms, with the
 * workings: computed, never posted, until the owner claims it.
 *
 * - Interest is simple (never compounded: it runs on the invoice's open amount only, never on
 *   an earlier claim) and counted by the day, actual/365: each day late is 1/365 of a year's
 *   interest, in a leap year too (29 February is one more day at 1/365, as the UK guidance's
 *   "× rate ÷ 365 per day" has it). A year of 366 days late earns 366/365 of the yearly rate.
 * - Interest runs from the day after the due date plus the grace period, through the day the
 *   amount is paid: a payment on day P still counts day P at the old amount, and the smaller
 *   amount runs from P + 1. Periods split there, and where the reference rate changes.
 * - The UK Act fixes the rate once per debt: 8 points over the Bank of England base rate in
 *   force on the 30 June or 31 December immediately before interest starts to run (SI 2002/1675
 *   art. 4), for the life of the debt. The EU Directive's reference rate is the one in force on
 *   1 January for the first half of each year and on 1 July for the second (art. 2(7), 2(6)):
 *   periods split at those dates.
 * - Each period's interest is rounded half away from zero to the minor unit; the total is the
 *   sum of the rounded periods, so the printed workings always add up.
 * - Nothing on a disputed invoice, nothing statutory for a consumer, a one-off sum once per
 *   invoice, and interest only for days not claimed before.
 */
import { addDays, daysBetween, type CalendarDate } from '../dates';
import type { CustomerKind } from '../ledger';
import { divideRounded, parseAmount, parseDecimal, percentOf, toMinor, type Minor } from '../money';
import { addPercent, rateInForce, type RateSource, type ReferenceRate } from './rates';
import { statutoryAllowedFor, type LateTerms } from './terms';

export const statutoryMargin = '8';
export const daysInYear = 365;

export interface LateInvoice {
  invoiceId: number;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  total: Minor;
  /** Payments, credit notes and write-offs against it, each on its date. */
  reductions: readonly { date: CalendarDate; amount: Minor }[];
  /** In an open dispute (its own, or one over the whole account). */
  disputed: boolean;
}

/** What earlier claims on this invoice already took. */
export interface ClaimedSoFar {
  /** The last day of interest claimed, if any. */
  interestThrough: CalendarDate | null;
  /** A fixed sum or fee was claimed (waived or not): never twice. */
  oneOffClaimed: boolean;
}

export interface InterestPeriod {
  /** First and last day, both counted. */
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  /** What the interest ran on. */
  principal: Minor;
  /** The yearly rate, percent, e.g. "12.25". */
  ratePercent: string;
  /** For a statutory rate: the reference rate it is built on and the date it was read. */
  reference: { source: RateSource; ratePercent: string; on: CalendarDate } | null;
  amount: Minor;
}

export type ChargeKind = 'interest' | 'fixed_sum' | 'flat_fee' | 'percent_fee';

export interface ChargeLine {
  kind: ChargeKind;
  /** One plain sentence: what it is and why this much. */
  description: string;
  amount: Minor;
  /** Interest only: its periods. */
  periods: InterestPeriod[];
}

export type ChargeStatus =
  'claimable' | 'nothing_yet' | 'off' | 'disputed' | 'consumer' | 'wrong_currency' | 'no_rate';

export interface InvoiceCharges {
  invoiceId: number;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  /** Open today. */
  open: Minor;
  /** The first day late charges run from (due date + 1 + grace), null when terms are off. */
  startsOn: CalendarDate | null;
  status: ChargeStatus;
  /** Why, in a plain sentence, when nothing can be claimed. */
  reason: string;
  lines: ChargeLine[];
  total: Minor;
}

export interface ChargeContext {
  asOf: CalendarDate;
  customerKind: CustomerKind;
  rates: readonly ReferenceRate[];
  /** Money as people read it, for the sentences. */
  money: (amount: Minor, currency: string) => string;
}

/** Open amount on `day`: the total less what was paid, credited or written off before it. */
function openOn(invoice: LateInvoice, day: CalendarDate): Minor {
  let open = invoice.total;
  for (const r of invoice.reductions) if (r.date < day) open -= r.amount;
  return open;
}

/** Simple interest for `days` on `principal` at `ratePercent` a year, actual/365, rounded. */
export function simpleInterest(principal: Minor, ratePercent: string, days: number): Minor {
  const rate = parseDecimal(ratePercent);
  if (!rate) throw new RangeError(`Not a rate: ${ratePercent}`);
  return toMinor(
    divideRounded(
      BigInt(principal) * rate.digits * BigInt(days),
      100n * 10n ** BigInt(rate.scale) * BigInt(daysInYear),
    ),
  );
}

/** The UK Act's reference date: 31 Dec or 30 Jun immediately before interest starts to run. */
export function ukReferenceDate(startsOn: CalendarDate): CalendarDate {
  const year = Number(startsOn.slice(0, 4));
  return startsOn.slice(5) <= '06-30' ? `${year - 1}-12-31` : `${year}-06-30`;
}

/** The EU half-year's reference date: 1 January or 1 July of the half-year `day` is in. */
export function euReferenceDate(day: CalendarDate): CalendarDate {
  return day.slice(5) <= '06-30' ? `${day.slice(0, 4)}-01-01` : `${day.slice(0, 4)}-07-01`;
}

/** The UK fixed sum by the size of the debt (s.5A): £40 under £1,000, £70 under £10,000, else £100. */
export function ukFixedSum(debt: Minor): Minor {
  if (debt < 100_000) return 4_000;
  if (debt < 1_000_000) return 7_000;
  return 10_000;
}

/** The interest periods from `from` through `to`, split at payments and (EU) half-years. */
function interestPeriods(
  invoice: LateInvoice,
  from: CalendarDate,
  to: CalendarDate,
  rateFor: (day: CalendarDate) => { ratePercent: string; reference: InterestPeriod['reference'] },
  splitAtHalfYears: boolean,
): InterestPeriod[] {
  const cuts = new Set<CalendarDate>();
  for (const r of invoice.reductions) {
    const next = addDays(r.date, 1);
    if (next > from && next <= to) cuts.add(next);
  }
  if (splitAtHalfYears) {
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
      for (const start of [`${year}-01-01`, `${year}-07-01`]) {
        if (start > from && start <= to) cuts.add(start);
      }
    }
  }
  const starts = [from, ...[...cuts].sort()];
  const periods: InterestPeriod[] = [];
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? addDays(starts[index + 1]!, -1) : to;
    const principal = openOn(invoice, start);
    if (principal <= 0) return;
    const days = daysBetween(start, end) + 1;
    const { ratePercent, reference } = rateFor(start);
    const last = periods.at(-1);
    // A cut that changed neither the amount nor the rate is no boundary worth printing.
    if (last && last.principal === principal && last.ratePercent === ratePercent) {
      last.to = end;
      last.days += days;
      last.amount = simpleInterest(principal, ratePercent, last.days);
      return;
    }
    periods.push({
      from: start,
      to: end,
      days,
      principal,
      ratePercent,
      reference,
      amount: simpleInterest(principal, ratePercent, days),
    });
  });
  return periods;
}

export function lateCharges(
  invoice: LateInvoice,
  terms: LateTerms,
  claimed: ClaimedSoFar,
  context: ChargeContext,
): InvoiceCharges {
  const { asOf, money } = context;
  const open = openOn(invoice, addDays(asOf, 1));
  const base: InvoiceCharges = {
    invoiceId: invoice.invoiceId,
    number: invoice.number,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    open,
    startsOn: null,
    status: 'nothing_yet',
    reason: '',
    lines: [],
    total: 0,
  };
  if (terms.kind === 'off') {
    return { ...base, status: 'off', reason: 'No late-payment charges are in the terms.' };
  }
  const startsOn = addDays(invoice.dueDate, 1 + terms.graceDays);
  const at = { ...base, startsOn };
  if (invoice.disputed) {
    return {
      ...at,
      status: 'disputed',
      reason: `Invoice ${invoice.number} is disputed: nothing is added while it is.`,
    };
  }
  const statutory = terms.kind === 'uk_statutory' || terms.kind === 'eu_statutory';
  if (statutory && !statutoryAllowedFor(context.customerKind)) {
    return {
      ...at,
      status: 'consumer',
      reason: 'Statutory interest is only for business customers, never consumers.',
    };
  }
  const statutoryCurrency = terms.kind === 'uk_statutory' ? 'GBP' : 'EUR';
  if (statutory && invoice.currency !== statutoryCurrency) {
    return {
      ...at,
      status: 'wrong_currency',
      reason: `${terms.kind === 'uk_statutory' ? 'UK' : 'EU'} statutory interest is worked out for invoices in ${statutoryCurrency}; invoice ${invoice.number} is in ${invoice.currency}.`,
    };
  }
  if (open <= 0 || startsOn > asOf || openOn(invoice, startsOn) <= 0) {
    return {
      ...at,
      reason:
        open <= 0
          ? `Invoice ${invoice.number} is settled.`
          : `Nothing is added before ${startsOn}.`,
    };
  }

  const lines: ChargeLine[] = [];
  const debt = openOn(invoice, startsOn);
  if (!claimed.oneOffClaimed) {
    if (terms.kind === 'uk_statutory') {
      lines.push({
        kind: 'fixed_sum',
        description: `Fixed sum for a debt of ${money(debt, invoice.currency)} (Late Payment of Commercial Debts (Interest) Act 1998, s.5A)`,
        amount: ukFixedSum(debt),
        periods: [],
      });
    } else if (terms.kind === 'eu_statutory') {
      lines.push({
        kind: 'fixed_sum',
        description: 'Fixed compensation for recovery costs (Directive 2011/7/EU, art. 6)',
        amount: 4_000,
        periods: [],
      });
    } else if (terms.kind === 'flat_fee') {
      const fee = parseAmount(terms.amount, invoice.currency);
      if (fee.ok && fee.minor > 0) {
        lines.push({
          kind: 'flat_fee',
          description: 'Late-payment fee, as agreed in the terms',
          amount: fee.minor,
          periods: [],
        });
      }
    } else if (terms.kind === 'percent_fee') {
      const percent = parseDecimal(terms.percent);
      const amount = percent ? percentOf(debt, percent) : 0;
      if (amount > 0) {
        lines.push({
          kind: 'percent_fee',
          description: `Late-payment fee of ${terms.percent}% of ${money(debt, invoice.currency)}, as agreed in the terms`,
          amount,
          periods: [],
        });
      }
    }
  }

  if (
    terms.kind === 'simple_interest' ||
    terms.kind === 'uk_statutory' ||
    terms.kind === 'eu_statutory'
  ) {
    const from =
      claimed.interestThrough && claimed.interestThrough >= startsOn
        ? addDays(claimed.interestThrough, 1)
        : startsOn;
    if (from <= asOf) {
      let rateFor: (day: CalendarDate) => {
        ratePercent: string;
        reference: InterestPeriod['reference'];
      };
      const missing: CalendarDate[] = [];
      if (terms.kind === 'simple_interest') {
        rateFor = () => ({ ratePercent: terms.ratePercent, reference: null });
      } else {
        const source: RateSource = terms.kind === 'uk_statutory' ? 'boe_base' : 'ecb_mro';
        const referenceDate = (day: CalendarDate) =>
          terms.kind === 'uk_statutory' ? ukReferenceDate(startsOn) : euReferenceDate(day);
        rateFor = (day) => {
          const on = referenceDate(day);
          const rate = rateInForce(context.rates, source, on);
          if (!rate) {
            missing.push(on);
            return { ratePercent: statutoryMargin, reference: null };
          }
          return {
            ratePercent: addPercent(rate.ratePercent, statutoryMargin),
            reference: { source, ratePercent: rate.ratePercent, on },
          };
        };
      }
      const periods = interestPeriods(invoice, from, asOf, rateFor, terms.kind === 'eu_statutory');
      if (missing.length > 0) {
        return {
          ...at,
          status: 'no_rate',
          reason: `There is no ${terms.kind === 'uk_statutory' ? 'Bank of England base rate' : 'ECB rate'} for ${missing[0]} in the rates table; please add it.`,
        };
      }
      const amount = periods.reduce((sum, p) => sum + p.amount, 0);
      if (amount > 0) {
        lines.push({
          kind: 'interest',
          description: `Interest from ${periods[0]!.from} to ${periods.at(-1)!.to}, simple, by the day (actual/365)`,
          amount,
          periods,
        });
      }
    }
  }

  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  if (total === 0) {
    return { ...at, reason: 'Everything due so far has been claimed already.' };
  }
  return { ...at, status: 'claimable', lines, total };
}
