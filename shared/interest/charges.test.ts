/**
 * Late charges against cases worked by hand, to the penny. Each working is written out in
 * the comment above its case; the figures use the seeded reference rates below.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../money';
import {
  lateCharges,
  simpleInterest,
  ukFixedSum,
  ukReferenceDate,
  type LateInvoice,
} from './charges';
import type { ReferenceRate } from './rates';
import type { LateTerms } from './terms';

const rates: ReferenceRate[] = [
  { source: 'boe_base', effectiveFrom: '2022-12-15', ratePercent: '3.5' },
  { source: 'boe_base', effectiveFrom: '2023-02-02', ratePercent: '4' },
  { source: 'boe_base', effectiveFrom: '2023-03-23', ratePercent: '4.25' },
  { source: 'boe_base', effectiveFrom: '2023-05-11', ratePercent: '4.5' },
  { source: 'boe_base', effectiveFrom: '2023-06-22', ratePercent: '5' },
  { source: 'boe_base', effectiveFrom: '2023-08-03', ratePercent: '5.25' },
  { source: 'boe_base', effectiveFrom: '2024-08-01', ratePercent: '5' },
  { source: 'boe_base', effectiveFrom: '2024-11-07', ratePercent: '4.75' },
  { source: 'boe_base', effectiveFrom: '2025-02-06', ratePercent: '4.5' },
  { source: 'ecb_mro', effectiveFrom: '2023-09-20', ratePercent: '4.5' },
  { source: 'ecb_mro', effectiveFrom: '2024-06-12', ratePercent: '4.25' },
  { source: 'ecb_mro', effectiveFrom: '2024-09-18', ratePercent: '3.65' },
];

const uk: LateTerms = { kind: 'uk_statutory', graceDays: 0 };
const eu: LateTerms = { kind: 'eu_statutory', graceDays: 0 };
const nothingClaimed = { interestThrough: null, oneOffClaimed: false };

function invoice(overrides: Partial<LateInvoice>): LateInvoice {
  return {
    invoiceId: 1,
    number: 'INV-1',
    currency: 'GBP',
    dueDate: '2023-05-31',
    total: 500_000,
    reductions: [],
    disputed: false,
    ...overrides,
  };
}

const context = (
  asOf: string,
  customerKind: 'company' | 'sole_trader' | 'consumer' = 'company',
) => ({
  asOf,
  customerKind,
  rates,
  money: (amount: number, currency: string) => formatMoney(amount, currency, 'en-GB'),
});

describe('UK statutory interest (Late Payment of Commercial Debts (Interest) Act 1998)', () => {
  it('keeps the rate fixed across 30 June and counts a leap year actual/365', () => {
    // £5,000.00 due 31 May 2023, unpaid on 15 Mar 2024.
    // Interest starts to run on 1 Jun 2023, so the reference date is 31 Dec 2022, when Bank
    // Rate was 3.5% (from 15 Dec 2022): the rate is 3.5 + 8 = 11.5% for the life of the debt.
    // Bank Rate was 5% on 30 Jun 2023, but that sets the rate only for debts whose interest
    // starts to run from July: no split at 30 June (SI 2002/1675 art. 4).
    // Days 1 Jun 2023 – 15 Mar 2024, both counted: Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31
    // + Nov 30 + Dec 31 = 214; Jan 31 + Feb 29 (leap year: 29 Feb counts as 1/365) + Mar 15
    // = 75; 289 days.
    // 500,000p × 11.5% = 57,500p a year; × 289 / 365 = 45,527.397…p → £455.27.
    // Fixed sum: a debt of £5,000 (£1,000 to £9,999.99) → £70.00. Total £525.27.
    const result = lateCharges(invoice({}), uk, nothingClaimed, context('2024-03-15'));
    expect(result.status).toBe('claimable');
    expect(result.startsOn).toBe('2023-06-01');
    const [fixed, interest] = result.lines;
    expect(fixed).toMatchObject({ kind: 'fixed_sum', amount: 7_000 });
    expect(interest!.periods).toEqual([
      {
        from: '2023-06-01',
        to: '2024-03-15',
        days: 289,
        principal: 500_000,
        ratePercent: '11.5',
        reference: { source: 'boe_base', ratePercent: '3.5', on: '2022-12-31' },
        amount: 45_527,
      },
    ]);
    expect(result.total).toBe(52_527);
  });

  it('takes the 30 June rate for a debt whose interest starts to run in July', () => {
    // £5,000.00 due 30 Jun 2023: interest starts 1 Jul 2023, reference date 30 Jun 2023,
    // Bank Rate 5% (from 22 Jun 2023) → 13%.
    // Days 1 Jul – 30 Sep 2023: 31 + 31 + 30 = 92. 500,000 × 13% = 65,000 a year;
    // × 92 / 365 = 16,383.561… → £163.84.
    const result = lateCharges(
      invoice({ dueDate: '2023-06-30' }),
      uk,
      nothingClaimed,
      context('2023-09-30'),
    );
    expect(result.lines[1]!.periods).toMatchObject([
      { from: '2023-07-01', to: '2023-09-30', days: 92, ratePercent: '13', amount: 16_384 },
    ]);
    expect(ukReferenceDate('2023-07-01')).toBe('2023-06-30');
    expect(ukReferenceDate('2024-06-30')).toBe('2023-12-31');
  });

  it('splits at a partial payment: the day paid still counts at the old amount', () => {
    // £1,200.00 due 31 Jan 2025, £500.00 paid on 10 Mar 2025, £700.00 still open on 30 Apr.
    // Reference date 31 Dec 2024: Bank Rate 4.75% (from 7 Nov 2024) → 12.75%.
    // 1 Feb – 10 Mar 2025 on £1,200.00: 28 + 10 = 38 days; 120,000 × 12.75% = 15,300 a
    // year; × 38 / 365 = 1,592.876… → £15.93.
    // 11 Mar – 30 Apr 2025 on £700.00: 21 + 30 = 51 days; 70,000 × 12.75% = 8,925 a year;
    // × 51 / 365 = 1,247.054… → £12.47.
    // Interest £28.40; fixed sum on a debt of £1,200 → £70.00. Total £98.40.
    const result = lateCharges(
      invoice({
        dueDate: '2025-01-31',
        total: 120_000,
        reductions: [{ date: '2025-03-10', amount: 50_000 }],
      }),
      uk,
      nothingClaimed,
      context('2025-04-30'),
    );
    expect(result.lines[1]!.periods).toMatchObject([
      { from: '2025-02-01', to: '2025-03-10', days: 38, principal: 120_000, amount: 1_593 },
      { from: '2025-03-11', to: '2025-04-30', days: 51, principal: 70_000, amount: 1_247 },
    ]);
    expect(result.lines[1]!.amount).toBe(2_840);
    expect(result.total).toBe(9_840);
    expect(result.open).toBe(70_000);
  });

  it('claims only days not claimed before, and the fixed sum once', () => {
    // As above, with interest claimed through 10 Mar: only 11 Mar – 30 Apr remains, £12.47.
    const result = lateCharges(
      invoice({
        dueDate: '2025-01-31',
        total: 120_000,
        reductions: [{ date: '2025-03-10', amount: 50_000 }],
      }),
      uk,
      { interestThrough: '2025-03-10', oneOffClaimed: true },
      context('2025-04-30'),
    );
    expect(result.lines).toHaveLength(1);
    expect(result.total).toBe(1_247);
  });

  it('sizes the fixed sum by the debt', () => {
    expect([99_999, 100_000, 999_999, 1_000_000].map(ukFixedSum)).toEqual([
      4_000, 7_000, 7_000, 10_000,
    ]);
  });
});

describe('EU statutory interest (Directive 2011/7/EU)', () => {
  it('splits at the half-year and adds €40', () => {
    // €10,000.00 due 15 May 2024, unpaid on 30 Sep 2024.
    // First half of 2024: ECB rate on 1 Jan 2024 4.5% (from 20 Sep 2023) → 12.5%.
    //   16 May – 30 Jun: 16 + 30 = 46 days; 1,000,000 × 12.5% = 125,000 a year; × 46 / 365
    //   = 15,753.424… → €157.53.
    // Second half: ECB rate on 1 Jul 2024 4.25% (from 12 Jun 2024) → 12.25%; the September
    // cut to 3.65% waits for the next half-year.
    //   1 Jul – 30 Sep: 31 + 31 + 30 = 92 days; 1,000,000 × 12.25% = 122,500 a year; × 92 /
    //   365 = 30,876.712… → €308.77.
    // Interest €466.30 + €40.00 = €506.30.
    const result = lateCharges(
      invoice({ currency: 'EUR', dueDate: '2024-05-15', total: 1_000_000 }),
      eu,
      nothingClaimed,
      context('2024-09-30'),
    );
    expect(result.lines[0]).toMatchObject({ kind: 'fixed_sum', amount: 4_000 });
    expect(result.lines[1]!.periods).toMatchObject([
      { from: '2024-05-16', to: '2024-06-30', days: 46, ratePercent: '12.5', amount: 15_753 },
      { from: '2024-07-01', to: '2024-09-30', days: 92, ratePercent: '12.25', amount: 30_877 },
    ]);
    expect(result.total).toBe(50_630);
  });
});

describe('agreed fees and interest', () => {
  it('runs simple interest after the grace period', () => {
    // £1,000.00 due 31 Jan 2025, 8% a year after 14 days' grace: from 15 Feb to 16 Mar,
    // 14 + 16 = 30 days. 100,000 × 8% = 8,000 a year; × 30 / 365 = 657.534… → £6.58.
    const result = lateCharges(
      invoice({ dueDate: '2025-01-31', total: 100_000 }),
      { kind: 'simple_interest', ratePercent: '8', graceDays: 14 },
      nothingClaimed,
      context('2025-03-16', 'consumer'),
    );
    expect(result.startsOn).toBe('2025-02-15');
    expect(result.total).toBe(658);
  });

  it('adds a flat fee or a percentage once, in the invoice currency', () => {
    const late = invoice({ dueDate: '2025-01-31', total: 100_000 });
    const flat = lateCharges(
      late,
      { kind: 'flat_fee', amount: '25', graceDays: 0 },
      nothingClaimed,
      context('2025-02-01'),
    );
    expect(flat.total).toBe(2_500);
    const percent = lateCharges(
      late,
      { kind: 'percent_fee', percent: '1.5', graceDays: 7 },
      nothingClaimed,
      context('2025-02-08'),
    );
    // 1.5% of £1,000.00 = £15.00, chargeable from 8 Feb (31 Jan + 7 days' grace + 1).
    expect(percent.total).toBe(1_500);
    const notYet = lateCharges(
      late,
      { kind: 'percent_fee', percent: '1.5', graceDays: 7 },
      nothingClaimed,
      context('2025-02-07'),
    );
    expect(notYet.status).toBe('nothing_yet');
  });
});

describe('what is never charged', () => {
  it('nothing statutory for a consumer, nothing on a dispute, nothing in the wrong currency', () => {
    expect(
      lateCharges(invoice({}), uk, nothingClaimed, context('2024-03-15', 'consumer')).status,
    ).toBe('consumer');
    expect(
      lateCharges(invoice({}), uk, nothingClaimed, context('2024-03-15', 'sole_trader')).status,
    ).toBe('claimable');
    expect(
      lateCharges(invoice({ disputed: true }), uk, nothingClaimed, context('2024-03-15')).status,
    ).toBe('disputed');
    expect(
      lateCharges(invoice({ currency: 'USD' }), uk, nothingClaimed, context('2024-03-15')).status,
    ).toBe('wrong_currency');
    expect(
      lateCharges(invoice({}), { kind: 'off' }, nothingClaimed, context('2024-03-15')).status,
    ).toBe('off');
  });

  it('says which rate is missing rather than guess', () => {
    const result = lateCharges(
      invoice({ dueDate: '2020-05-31' }),
      uk,
      nothingClaimed,
      context('2020-07-01'),
    );
    expect(result.status).toBe('no_rate');
    expect(result.reason).toContain('2019-12-31');
  });

  it('stops when the invoice is paid in full', () => {
    const result = lateCharges(
      invoice({ reductions: [{ date: '2023-06-10', amount: 500_000 }] }),
      uk,
      nothingClaimed,
      context('2024-03-15'),
    );
    expect(result.status).toBe('nothing_yet');
    expect(result.open).toBe(0);
  });

  it('rounds each period half away from zero', () => {
    // 36.5% a year is 0.1% a day: 400p → 0.4p → 0; 500p → 0.5p → 1.
    expect(simpleInterest(400, '36.5', 1)).toBe(0);
    expect(simpleInterest(500, '36.5', 1)).toBe(1);
  });
});
