/**
 * Late charges in a letter's words: the workings table (each charge line, each interest
 * period), the sentence saying what they rest on, and the kind note about a waiver.
 */
import { formatCalendarDate } from '../date-format';
import { formatMoney } from '../money';
import type { LetterCharge, LetterWaiver } from './letter-data';

export interface WorkingsTable {
  head: string[];
  numeric: boolean[];
  rows: string[][];
  foot: string[][];
}

export function lateChargesTable(claims: readonly LetterCharge[], locale: string): WorkingsTable {
  const date = (value: string) => formatCalendarDate(value, locale, 'short');
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const rows: string[][] = [];
  const owed = new Map<string, number>();
  for (const claim of claims) {
    owed.set(claim.currency, (owed.get(claim.currency) ?? 0) + claim.open);
    for (const line of claim.lines) {
      if (line.kind !== 'interest') {
        const what = line.kind === 'fixed_sum' ? 'Fixed sum' : 'Late-payment fee';
        rows.push([claim.invoiceNumber, what, '', '', '', money(line.amount, claim.currency)]);
        continue;
      }
      for (const period of line.periods) {
        rows.push([
          claim.invoiceNumber,
          `Interest ${date(period.from)} – ${date(period.to)}`,
          String(period.days),
          money(period.principal, claim.currency),
          `${period.ratePercent}%`,
          money(period.amount, claim.currency),
        ]);
      }
    }
    if (claim.waived > 0) {
      rows.push([
        claim.invoiceNumber,
        'Waived',
        '',
        '',
        '',
        `−${money(claim.waived, claim.currency)}`,
      ]);
    }
  }
  const foot = [...owed].map(([currency, amount]) => [
    owed.size > 1 ? `Total (${currency})` : 'Total',
    '',
    '',
    '',
    '',
    money(amount, currency),
  ]);
  return {
    head: ['Invoice', 'For', 'Days', 'On', 'Rate', 'Amount'],
    numeric: [false, false, true, true, true, true],
    rows,
    foot,
  };
}

/** What the charges rest on, one sentence per kind of terms, in plain words. */
export function lateChargesBasis(claims: readonly LetterCharge[], locale: string): string {
  const sentences = new Set<string>();
  for (const claim of claims) {
    const interest = claim.lines.find((line) => line.kind === 'interest');
    const first = interest?.periods[0];
    switch (claim.terms.kind) {
      case 'uk_statutory':
        sentences.add(
          first?.reference
            ? `Under the Late Payment of Commercial Debts (Interest) Act 1998, interest is simple, at 8% over the Bank of England base rate of ${first.reference.ratePercent}% on ${formatCalendarDate(first.reference.on, locale)}, so ${first.ratePercent}% a year, each day counted as 1/365 of a year, with a fixed sum set by the size of the debt.`
            : 'Under the Late Payment of Commercial Debts (Interest) Act 1998, a fixed sum set by the size of the debt is due.',
        );
        break;
      case 'eu_statutory':
        sentences.add(
          'Under the Late Payment Directive (2011/7/EU), interest is simple, at 8 points over the European Central Bank rate for each half-year, each day counted as 1/365 of a year, with €40 for recovery costs.',
        );
        break;
      case 'simple_interest':
        sentences.add(
          `As agreed in our terms, interest is simple, at ${claim.terms.ratePercent}% a year, each day counted as 1/365 of a year.`,
        );
        break;
      default:
        sentences.add('The fee is the one agreed in our terms.');
    }
  }
  return [...sentences].join(' ');
}

/** "As a gesture, we've waived the late-payment interest of £525.27 on invoice INV-0001." */
export function waiverNote(waivers: readonly LetterWaiver[], locale: string): string {
  const byInvoice = new Map<string, { currency: string; amount: number; whole: boolean }>();
  for (const waiver of waivers) {
    const key = `${waiver.invoiceNumber}|${waiver.currency}`;
    const seen = byInvoice.get(key);
    byInvoice.set(key, {
      currency: waiver.currency,
      amount: (seen?.amount ?? 0) + waiver.amount,
      whole: waiver.whole,
    });
  }
  return [...byInvoice]
    .map(([key, waived]) => {
      const number = key.split('|')[0];
      const amount = formatMoney(waived.amount, waived.currency, locale);
      return waived.whole
        ? `As a gesture, we've waived the late-payment interest and charges of ${amount} on invoice ${number}.`
        : `As a gesture, we've waived ${amount} of the late-payment interest and charges on invoice ${number}.`;
    })
    .join(' ');
}
