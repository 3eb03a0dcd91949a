/**
 * The terms forms' values and their conversion to what the API takes: flat fields a form can
 * hold, and the field paths the API names mapped back onto them.
 */
import type { LateTermKind, LateTerms, PaymentTermsSetting } from '../../../shared/interest/terms';

export type DefaultTermsKind = 'on_receipt' | 'net' | 'end_of_month';

export interface LateValues {
  /** `business`: the customer follows the business's terms. */
  lateKind: LateTermKind | 'business';
  lateAmount: string;
  latePercent: string;
  lateRate: string;
  lateGrace: number | string;
}

export interface PaymentValues {
  termsKind: DefaultTermsKind;
  termsDays: number | string;
  discountPercent: string;
  discountDays: number | string;
}

/** An empty number box goes as NaN (null in JSON), which the API refuses beside the field. */
const whole = (value: number | string) =>
  typeof value === 'number' ? value : Number(value.trim() === '' ? Number.NaN : value);

export function lateValuesOf(terms: LateTerms | null): LateValues {
  const values: LateValues = {
    lateKind: terms ? terms.kind : 'business',
    lateAmount: '',
    latePercent: '',
    lateRate: '',
    lateGrace: 0,
  };
  if (!terms || terms.kind === 'off') return values;
  values.lateGrace = terms.graceDays;
  if (terms.kind === 'flat_fee') values.lateAmount = terms.amount;
  if (terms.kind === 'percent_fee') values.latePercent = terms.percent;
  if (terms.kind === 'simple_interest') values.lateRate = terms.ratePercent;
  return values;
}

/** Null: the business's terms (a customer only). */
export function lateTermsOf(values: LateValues): LateTerms | null {
  const graceDays = whole(values.lateGrace);
  switch (values.lateKind) {
    case 'business':
      return null;
    case 'off':
      return { kind: 'off' };
    case 'flat_fee':
      return { kind: 'flat_fee', amount: values.lateAmount.trim(), graceDays };
    case 'percent_fee':
      return { kind: 'percent_fee', percent: values.latePercent.trim(), graceDays };
    case 'simple_interest':
      return { kind: 'simple_interest', ratePercent: values.lateRate.trim(), graceDays };
    case 'uk_statutory':
    case 'eu_statutory':
      return { kind: values.lateKind, graceDays };
  }
}

export function paymentValuesOf(setting: PaymentTermsSetting): PaymentValues {
  const terms = setting.terms;
  return {
    termsKind: terms.kind === 'fixed_date' ? 'net' : terms.kind,
    termsDays: 'days' in terms ? terms.days : 30,
    discountPercent: setting.discount?.percent ?? '',
    discountDays: setting.discount?.withinDays ?? 10,
  };
}

export function paymentTermsOf(values: PaymentValues): PaymentTermsSetting {
  const days = whole(values.termsDays);
  return {
    terms:
      values.termsKind === 'on_receipt' ? { kind: 'on_receipt' } : { kind: values.termsKind, days },
    discount:
      values.discountPercent.trim() === ''
        ? null
        : { percent: values.discountPercent.trim(), withinDays: whole(values.discountDays) },
  };
}

const fieldNames: Record<string, string> = {
  'late.kind': 'lateKind',
  'late.amount': 'lateAmount',
  'late.percent': 'latePercent',
  'late.ratePercent': 'lateRate',
  'late.graceDays': 'lateGrace',
  'payment.terms.days': 'termsDays',
  'payment.terms': 'termsKind',
  'payment.discount.percent': 'discountPercent',
  'payment.discount.withinDays': 'discountDays',
};

/** The form field an API field path belongs to, or null when the form has none. */
export function formFieldOf(field: string): string | null {
  return fieldNames[field] ?? null;
}
