/** Owed, overdue and DSO (countback) over time, worked by hand. */
import { describe, expect, it } from 'vitest';
import { dsoCountback, owedOverTime, pointDates } from './over-time';

describe('DSO by countback', () => {
  it('counts whole months back, then the share of the month that explains the rest', () => {
    const invoiced = new Map([
      ['2027-03', 10000],
      ['2027-02', 10000],
    ]);
    // March explains 10,000 (31 days); the other 5,000 is half of February's 28 days.
    expect(dsoCountback(15000, '2027-03-31', invoiced)).toBe(45);
  });

  it('counts the current month only up to the date', () => {
    expect(dsoCountback(3000, '2027-03-15', new Map([['2027-03', 6000]]))).toBe(7.5);
  });

  it('is 0 with nothing owed, and unknown with nothing ever invoiced', () => {
    expect(dsoCountback(0, '2027-03-15', new Map())).toBe(0);
    expect(dsoCountback(100, '2027-03-15', new Map())).toBeNull();
  });
});

describe('owed over time', () => {
  it('rebuilds each month end from today and what was paid after it', () => {
    const points = owedOverTime(
      [
        {
          currency: 'GBP',
          issueDate: '2027-01-10',
          dueDate: '2027-02-09',
          openNow: 0,
          reducedIn: new Map([
            ['2027-02', 4000],
            ['2027-03', 6000],
          ]),
        },
        {
          currency: 'GBP',
          issueDate: '2027-02-20',
          dueDate: '2027-03-01',
          openNow: 5000,
          reducedIn: new Map(),
        },
      ],
      [
        { currency: 'GBP', month: '2027-01', amount: 10000 },
        { currency: 'GBP', month: '2027-02', amount: 5000 },
      ],
      ['2027-01-31', '2027-02-28', '2027-03-15'],
    );
    expect(points).toHaveLength(1);
    expect(points[0]!.points).toEqual([
      { date: '2027-01-31', owed: 10000, overdue: 0, overdueShare: 0, dso: 31 },
      // February explains 5,000 of 11,000 (28 days); the other 6,000 is 60% of January.
      {
        date: '2027-02-28',
        owed: 11000,
        overdue: 6000,
        overdueShare: 6000 / 11000,
        dso: 46.6,
      },
      // Nothing invoiced in March so far (15 days), then all of February's 5,000.
      { date: '2027-03-15', owed: 5000, overdue: 5000, overdueShare: 1, dso: 43 },
    ]);
  });

  it('takes the last 12 month ends, then today', () => {
    const dates = pointDates('2027-03-15');
    expect(dates).toHaveLength(13);
    expect(dates[0]).toBe('2026-03-31');
    expect(dates[1]).toBe('2026-04-30');
    expect(dates[11]).toBe('2027-02-28');
    expect(dates[12]).toBe('2027-03-15');
  });
});
