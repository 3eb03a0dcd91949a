import { describe, expect, it } from 'vitest';
import {
  createPlanSchema,
  planAgreementSchema,
  planPreviewSchema,
} from '../../../shared/api/plans';
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
import { firstRunValues } from './plan-run';

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
  ...firstRunValues(),
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
        activation: 'signature',
        checkInDays: 3,
        graceDays: 3,
        pauseUntil: null,
      },
      preview: {
        customerId: 7,
        invoiceIds: [3, 4],
        currency: 'GBP',
        frequency: 'monthly',
        firstDue: '2027-04-15',
        deposit: 10050,
        count: 3,
        roundTo: 500,
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
      input: {
        planId: 9,
        frequency: 'monthly',
        firstDue: '2027-04-15',
        count: 6,
        hardship: true,
        activation: 'signature',
        checkInDays: 3,
        graceDays: 3,
        pauseUntil: null,
      },
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

describe('how the plan runs', () => {
  it('sends the check-in, the grace and the pause the owner set, and the API accepts them', () => {
    const draft = toPlanTerms(
      values({
        checkIns: true,
        checkInDays: '5',
        graceDays: '7',
        hardship: true,
        pause: true,
        pauseUntil: '2027-04-01',
      }),
    );
    expect(draft.ok && draft.input).toMatchObject({
      checkInDays: 5,
      graceDays: 7,
      pauseUntil: '2027-04-01',
    });
    if (draft.ok) {
      expect(createPlanSchema.safeParse(draft.input).success).toBe(true);
      expect(draft.preview).not.toHaveProperty('graceDays');
      expect(planPreviewSchema.safeParse(draft.preview).success).toBe(true);
    }
  });

  it('leaves check-ins off for weekly plans until the owner turns them on', () => {
    const weekly = toPlanTerms(values({ frequency: 'weekly' }));
    expect(weekly.ok && weekly.input.checkInDays).toBeNull();
    const chosen = toPlanTerms(values({ frequency: 'weekly', checkIns: true }));
    expect(chosen.ok && chosen.input.checkInDays).toBe(3);
    const off = toPlanTerms(values({ checkIns: false, checkInDays: 'nonsense' }));
    expect(off.ok && off.input.checkInDays).toBeNull();
  });

  it('offers the pause to hardship plans only', () => {
    const draft = toPlanTerms(values({ pause: true, pauseUntil: '2027-04-01' }));
    expect(draft.ok && draft.input.pauseUntil).toBeNull();
  });

  it('names the field it cannot read, in the API’s words', () => {
    const draft = toPlanTerms(
      values({ checkInDays: '2.5', graceDays: '61', hardship: true, pause: true, pauseUntil: '' }),
    );
    expect(draft).toEqual({
      ok: false,
      incomplete: null,
      issues: [
        { field: 'checkInDays', message: 'Please give the check-in as a whole number of days.' },
        { field: 'graceDays', message: 'The grace period is at most 60 days.' },
        { field: 'pauseUntil', message: 'Please choose the day the pause ends.' },
      ],
    });
    expect(toPlanTerms(values({ graceDays: '' }))).toMatchObject({
      ok: false,
      issues: [{ field: 'graceDays' }],
    });
  });

  it('wants the first payment after the pause, and says so on the first date', () => {
    const draft = toPlanTerms(
      values({ hardship: true, pause: true, pauseUntil: '2027-04-15', firstDue: '2027-04-15' }),
    );
    expect(draft).toMatchObject({ ok: false, issues: [{ field: 'firstDue' }] });
    expect(planFieldOf('pauseUntil')).toBe('pauseUntil');
    expect(planFieldOf('graceDays')).toBe('graceDays');
  });

  it('lets a renegotiation turn hardship off', () => {
    const draft = toRenegotiateTerms(values({ hardship: false }), {
      id: 9,
      remaining: 100,
      currency: 'GBP',
    });
    expect(draft.ok && draft.input.hardship).toBe(false);
  });
});
