/**
 * Late-payment terms: what may be added when an invoice is paid late. Off by default. A flat
 * fee, a percentage fee or yearly simple interest as agreed with the customer, or one of the
 * statutory presets (UK Late Payment of Commercial Debts (Interest) Act 1998; EU Late Payment
 * Directive 2011/7/EU), which are for business customers only, never consumers.
 */
import type { CustomerKind } from '../ledger';
import type { PaymentTerms } from '../invoices';

export const lateTermKinds = [
  'off',
  'flat_fee',
  'percent_fee',
  'simple_interest',
  'uk_statutory',
  'eu_statutory',
] as const;
export type LateTermKind = (typeof lateTermKinds)[number];

export type LateTerms =
  | { kind: 'off' }
  /** A fixed amount in the invoice's currency, once per invoice, as a decimal string ("25.00"). */
  | { kind: 'flat_fee'; amount: string; graceDays: number }
  /** A percentage of what was open when the grace period ended, once per invoice. */
  | { kind: 'percent_fee'; percent: string; graceDays: number }
  /** Simple yearly interest, by day count (actual/365), never compounded. */
  | { kind: 'simple_interest'; ratePercent: string; graceDays: number }
  /** 8 points over the Bank of England base rate, plus £40 / £70 / £100. Invoices in GBP. */
  | { kind: 'uk_statutory'; graceDays: number }
  /** 8 points over the ECB main refinancing rate, plus €40. Invoices in EUR. */
  | { kind: 'eu_statutory'; graceDays: number };

export const lateTermsOff: LateTerms = { kind: 'off' };

export function isStatutory(terms: LateTerms): boolean {
  return terms.kind === 'uk_statutory' || terms.kind === 'eu_statutory';
}

/** Statutory interest is a right between businesses only: never for a consumer. */
export function statutoryAllowedFor(kind: CustomerKind): boolean {
  return kind === 'company' || kind === 'sole_trader';
}

export const lateTermNames: Record<LateTermKind, string> = {
  off: 'None',
  flat_fee: 'A flat fee per invoice',
  percent_fee: 'A percentage of the invoice',
  simple_interest: 'Yearly interest, by the day',
  uk_statutory: 'UK statutory interest (Late Payment Act 1998)',
  eu_statutory: 'EU statutory interest (Directive 2011/7/EU)',
};

/** How the payment terms are agreed: the due date rule and an optional early-payment discount. */
export interface PaymentTermsSetting {
  terms: PaymentTerms;
  discount: { percent: string; withinDays: number } | null;
}

export const defaultPaymentTerms: PaymentTermsSetting = {
  terms: { kind: 'net', days: 30 },
  discount: null,
};

export interface BusinessTerms {
  payment: PaymentTermsSetting;
  late: LateTerms;
  updatedAt: string | null;
}

/** A customer's own terms; null means "the business's". */
export interface CustomerTerms {
  customerId: number;
  kind: CustomerKind;
  own: { payment: PaymentTermsSetting | null; late: LateTerms | null };
  /** What applies to them now. */
  effective: { payment: PaymentTermsSetting; late: LateTerms };
}
