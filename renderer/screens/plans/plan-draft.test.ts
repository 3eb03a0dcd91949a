import { describe, expect, it } from 'vitest';
import { planAgreementSchema, planPreviewSchema } from '../../../shared/api/plans';
import {
  firstPlanValues,
  issuesByField,
  planFieldOf,
  toAgreementInput,
  toPlanTerms,
  toPreviewInput,
  toRenegotiateTerms,
  type PlanFormValues,
} from './plan-draft';

const values = (over: Partial<PlanFormValues> = {}): PlanFormValues => ({
  customerId: '7',
  currency: 'GBP',
  invoiceIds: ['3', '4'],
  deposit: '',
  sizeBy: 'count',
  count: '3',
  amount: '',
  frequency: 'monthly',
  firstDue: '2027-04-15',
  roundTo: '',
  hardship: false,
  activation: 'signature',
  ...over,
});

describe('toPlanTerms', () => {
  it('turns what was typed into the API terms, amounts in minor units', () => {
    const draft = toPlanTerms(values({ deposit: '100.50', roundTo: '5', hardship: true }));
    expect(draft).toEqual({
      ok: true,
      input: {
        customerId: 7,
        invoiceIds: [3, 4],
        currency: 'GBP',
        frequency: 'monthly',
        firstDue: '2027-04-15',
        deposit: 10050,
        count: 3,
        roundTo: 500,
        hardship: true,
      },
    });
    // What the preview is asked is what its schema accepts.
    if (draft.ok)
      expect(planPreviewSchema.safeParse(toPreviewInput(draft.input)).success).toBe(true);
  });

  it('reads amounts in the currency of the plan: yen have no decimals', () => {
    const draft = toPlanTerms(values({ currency: 'JPY', sizeBy: 'amount', amount: '5000' }));
    expect(draft.ok && draft.input.amount).toBe(5000);
    expect(draft.ok && 'count' in draft.input).toBe(false);
    const tooFine = toPlanTerms(values({ currency: 'JPY', deposit: '10.5' }));
    expect(tooFine).toEqual({
      ok: false,
      incomplete: null,
      issues: [{ field: 'deposit', message: 'JPY amounts have no decimals.' }],
    });
  });

  it('leaves a zero deposit out, and rounding out when paying a set amount each', () => {
    const draft = toPlanTerms(
      values({ deposit: '0', sizeBy: 'amount', amount: '50', roundTo: '5' }),
    );
    expect(draft.ok && draft.input).toMatchObject({ amount: 5000 });
    expect(draft.ok && ('deposit' in draft.input || 'roundTo' in draft.input)).toBe(false);
  });

  it('says kindly what is missing before asking anything', () => {
    expect(toPlanTerms(values({ customerId: '' }))).toMatchObject({
      ok: false,
      incomplete: 'Choose a customer to start.',
    });
    expect(toPlanTerms(values({ invoiceIds: [] }))).toMatchObject({
      ok: false,
      incomplete: 'Choose the invoices the plan covers to see the payments.',
    });
    expect(toPlanTerms(values({ count: ' ' }))).toMatchObject({ ok: false, issues: [] });
  });

  it('names the field it cannot read', () => {
    const draft = toPlanTerms(values({ count: '2.5', deposit: '-4' }));
    expect(draft.ok).toBe(false);
    if (!draft.ok) {
      expect(draft.issues.map((issue) => issue.field).sort()).toEqual(['count', 'deposit']);
    }
    const amount = toPlanTerms(values({ sizeBy: 'amount', amount: 'lots' }));
    expect(amount).toMatchObject({ ok: false, issues: [{ field: 'amount' }] });
  });
});

describe('where the API’s messages go', () => {
  it('puts each on its field, the total’s on the invoices', () => {
    expect(planFieldOf('deposit')).toBe('deposit');
    expect(planFieldOf('total')).toBe('invoiceIds');
    expect(planFieldOf('invoiceIds.1')).toBe('invoiceIds');
    expect(planFieldOf('')).toBeNull();
    expect(
      issuesByField([
        { field: 'firstDue', message: 'Too early.' },
        { field: 'firstDue', message: 'Second.' },
        { field: 'plan', message: 'Whole form.' },
      ]),
    ).toEqual({ fields: { firstDue: 'Too early.' }, elsewhere: ['Whole form.'] });
  });
});

describe('a new plan and a renegotiated one', () => {
  it('starts with three monthly payments from a month today, on signature', () => {
    expect(firstPlanValues('2027-01-31', 4)).toMatchObject({
      customerId: '4',
      count: '3',
      frequency: 'monthly',
      firstDue: '2027-02-28',
      activation: 'signature',
    });
  });

  it('asks for activation at the first payment only when chosen', () => {
    const draft = toPlanTerms(values({ activation: 'first_payment' }));
    expect(draft.ok && draft.input.activation).toBe('first_payment');
    expect(draft.ok && toPreviewInput(draft.input)).not.toHaveProperty('activation');
    // The agreement's schema is strict: it is sent only what it knows.
    if (draft.ok) {
      expect(planAgreementSchema.safeParse(toAgreementInput(draft.input)).success).toBe(true);
    }
  });

  it('previews what is left of the plan, in its currency, with the new terms', () => {
    const draft = toRenegotiateTerms(values({ currency: '', count: '6', hardship: true }), {
      id: 9,
      remaining: 45000,
      currency: 'EUR',
    });
    expect(draft).toEqual({
      ok: true,
      input: { planId: 9, frequency: 'monthly', firstDue: '2027-04-15', count: 6, hardship: true },
      preview: {
        total: 45000,
        currency: 'EUR',
        frequency: 'monthly',
        firstDue: '2027-04-15',
        count: 6,
      },
    });
    if (draft.ok) expect(planPreviewSchema.safeParse(draft.preview).success).toBe(true);
  });
});
