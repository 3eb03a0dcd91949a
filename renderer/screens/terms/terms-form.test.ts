import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  lateTermsOf,
  lateValuesOf,
  paymentTermsOf,
  paymentValuesOf,
} from './terms-form';

describe('terms forms', () => {
  it('turn late terms into fields and back', () => {
    for (const terms of [
      { kind: 'off' as const },
      { kind: 'flat_fee' as const, amount: '25.00', graceDays: 7 },
      { kind: 'percent_fee' as const, percent: '1.5', graceDays: 0 },
      { kind: 'simple_interest' as const, ratePercent: '8', graceDays: 14 },
      { kind: 'uk_statutory' as const, graceDays: 0 },
      { kind: 'eu_statutory' as const, graceDays: 3 },
    ]) {
      expect(lateTermsOf(lateValuesOf(terms))).toEqual(terms);
    }
    expect(lateTermsOf(lateValuesOf(null))).toBeNull();
  });

  it('send an empty number as NaN, for the API to name the field', () => {
    const values = { ...lateValuesOf({ kind: 'uk_statutory', graceDays: 0 }), lateGrace: '' };
    expect(lateTermsOf(values)).toEqual({ kind: 'uk_statutory', graceDays: Number.NaN });
    expect(formFieldOf('late.graceDays')).toBe('lateGrace');
    expect(formFieldOf('somewhere.else')).toBeNull();
  });

  it('turn payment terms into fields and back', () => {
    const setting = {
      terms: { kind: 'net' as const, days: 14 },
      discount: { percent: '2', withinDays: 10 },
    };
    expect(paymentTermsOf(paymentValuesOf(setting))).toEqual(setting);
    const onReceipt = { terms: { kind: 'on_receipt' as const }, discount: null };
    expect(paymentTermsOf(paymentValuesOf(onReceipt))).toEqual(onReceipt);
  });
});
