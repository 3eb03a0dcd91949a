/**
 * Expected cash on a pinned today (Monday 2027-03-15: week 1 is 15–21 March, the 13th ends
 * 13 June), worked by hand; then properties over any open invoices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import {
  cashBars,
  expectedItems,
  type OpenInvoiceForCash,
  type PlanInstalmentForCash,
} from './expected';

const today = '2027-03-15';
const invoice = (
  id: number,
  customerId: number,
  dueDate: string,
  open: number,
  extra: Partial<OpenInvoiceForCash> = {},
): OpenInvoiceForCash => ({
  id,
  number: `INV-${id}`,
  customerId,
  currency: 'GBP',
  dueDate,
  open,
  inActivePlan: false,
  disputed: false,
  ...extra,
});
const instalment = (
  id: number,
  number: number,
  dueDate: string,
  amount: number,
): PlanInstalmentForCash => ({
  id,
  planId: 7,
  customerId: 3,
  currency: 'EUR',
  number,
  dueDate,
  amount,
  planPaid: 7000,
});
const usual = new Map([[1, 9]]);

describe('expected cash, worked by hand', () => {
  const items = expectedItems(
    {
      invoices: [
        invoice(1, 1, '2027-03-10', 10000), // + 9 usual days → 19 March, week 1
        invoice(2, 1, '2027-02-01', 5000), // + 9 → 10 February: late already
        invoice(3, 2, '2027-04-01', 20000), // no history → 1 April, week 3
        invoice(4, 2, '2027-07-01', 99999), // after the 13 weeks
        invoice(5, 3, '2027-03-20', 7777, { inActivePlan: true }), // comes as instalments
        invoice(6, 3, '2027-03-20', 8888, { disputed: true }), // waits for the dispute
        invoice(7, 4, '2027-01-01', 2000), // covered by the promise
        invoice(8, 4, '2027-03-20', 4000), // 1000 of it covered by the promise
      ],
      instalments: [
        instalment(70, 0, '2027-03-01', 5000), // paid (7000 paid towards the plan)
        instalment(71, 1, '2027-04-01', 5000), // 2000 of it paid: 3000 expected, week 3
        instalment(72, 2, '2027-05-01', 5000), // 47 days on: week 7
      ],
      promises: [{ id: 90, customerId: 4, currency: 'GBP', date: '2027-03-25', amount: 3000 }],
      usualDaysLate: (id) => usual.get(id) ?? 0,
    },
    today,
  );

  it('places each item by its expected date, after promises and plans take their share', () => {
    const placed = items.map((item) => [
      item.source,
      item.reference,
      item.expectedOn,
      item.amount,
      item.bar,
    ]);
    expect(placed).toEqual([
      ['promise', 'Promise to pay', '2027-03-25', 3000, 1],
      ['invoice', 'INV-2', '2027-02-10', 5000, -1],
      ['invoice', 'INV-1', '2027-03-19', 10000, 0],
      ['invoice', 'INV-8', '2027-03-20', 3000, 0],
      ['invoice', 'INV-3', '2027-04-01', 20000, 2],
      ['instalment', 'Plan 7, payment 1', '2027-04-01', 3000, 2],
      ['instalment', 'Plan 7, payment 2', '2027-05-01', 5000, 6],
    ]);
  });

  it('sums the bars per currency, with every week shown', () => {
    const bars = cashBars(items, today);
    expect(bars.map((c) => c.currency)).toEqual(['EUR', 'GBP']);
    const gbp = bars[1]!;
    expect(gbp.bars).toHaveLength(14);
    expect(gbp.bars.filter((b) => b.amount > 0).map((b) => [b.bar, b.amount, b.count])).toEqual([
      [-1, 5000, 1],
      [0, 13000, 2],
      [1, 3000, 1],
      [2, 20000, 1],
    ]);
    expect(gbp.total).toBe(36000);
    expect(gbp.lateAlready).toBe(5000);
    expect(gbp.bars[1]).toMatchObject({ from: '2027-03-15', to: '2027-03-21' });
    expect(gbp.bars[13]).toMatchObject({ bar: 12, from: '2027-06-07', to: '2027-06-13' });
    expect(bars[0]!.total).toBe(8000);
  });
});

describe("a plan's credits and write-offs", () => {
  it('come off its last payments, as the plan counts them', () => {
    const rows = [
      instalment(80, 1, '2027-04-01', 2500),
      instalment(81, 2, '2027-05-01', 2500),
      instalment(82, 3, '2027-06-01', 2500),
      instalment(83, 4, '2027-07-01', 2500),
    ].map((row) => ({ ...row, planPaid: 1000, planReduced: 3000 }));
    const placed = expectedItems(
      { invoices: [], instalments: rows, promises: [], usualDaysLate: () => 0 },
      today,
    ).map((item) => [item.reference, item.amount]);
    expect(placed).toEqual([
      ['Plan 7, payment 1', 1500],
      ['Plan 7, payment 2', 2500],
      ['Plan 7, payment 3', 2000],
    ]);
  });
});

describe('for any open invoices', () => {
  it('puts each in the week holding its expected date, and loses nothing within 13 weeks', () => {
    const invoices = fc.array(
      fc.record({
        days: fc.integer({ min: -200, max: 150 }),
        open: fc.integer({ min: 1, max: 1_000_000 }),
        customerId: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(invoices, fc.integer({ min: 0, max: 60 }), (list, late) => {
        const open = list.map((item, index) =>
          invoice(index + 1, item.customerId, addDays(today, item.days), item.open),
        );
        const items = expectedItems(
          { invoices: open, instalments: [], promises: [], usualDaysLate: () => late },
          today,
        );
        const bars = cashBars(items, today);
        const all = (bars[0]?.total ?? 0) + (bars[0]?.lateAlready ?? 0);
        for (const item of items) {
          const bar = bars[0]!.bars[item.bar + 1]!;
          if (item.bar === -1) expect(item.expectedOn < today).toBe(true);
          else expect(item.expectedOn >= bar.from! && item.expectedOn <= bar.to!).toBe(true);
        }
        const within = list
          .filter((item) => item.days + late < 91)
          .reduce((sum, item) => sum + item.open, 0);
        expect(all).toBe(within);
      }),
    );
  });
});
