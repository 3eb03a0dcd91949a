/**
 * Property tests: for any total, count or amount, frequency, start date and currency, the
 * schedule is exact to the minor unit, its dates follow the frequency's rule, and its balance
 * runs down to nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, type CalendarDate } from '../dates';
import { weekdayOf } from '../reminders/contact-window';
import { holidayRegionFor, publicHolidayOn } from './holidays';
import {
  maxInstalments,
  planFrequencies,
  planSchedule,
  type PlanSchedule,
  type PlanTerms,
} from './schedule';

const today = fc
  .integer({ min: 0, max: 365 * 80 })
  .map((days) => addDays('2000-01-01', days)) as fc.Arbitrary<CalendarDate>;
const locale = fc.constantFrom('en-GB', 'en-US', 'en-AU', 'en-NZ');
const currency = fc.constantFrom('JPY', 'GBP', 'KWD');
const total = fc.integer({ min: 1, max: 1_000_000_000 });

/** Terms with a deposit below the total, either a count or an amount, maybe round amounts. */
const terms = fc
  .record({
    today,
    locale,
    currency,
    total,
    depositShare: fc.option(fc.double({ min: 0, max: 0.999_999, noNaN: true }), { nil: undefined }),
    shape: fc.oneof(
      fc.record({ count: fc.integer({ min: 1, max: maxInstalments }) }),
      fc.record({
        count: fc.integer({ min: 1, max: maxInstalments }),
        roundTo: fc.constantFrom(1, 5, 10, 100, 500, 1000, 5000, 10_000),
      }),
      fc.record({ amount: fc.integer({ min: 1, max: 1_000_000_000 }) }),
    ),
    frequency: fc.constantFrom(...planFrequencies),
    startIn: fc.integer({ min: 0, max: 366 }),
  })
  .map(({ today, locale, depositShare, shape, startIn, ...rest }) => ({
    context: { today, locale },
    terms: {
      ...rest,
      ...shape,
      deposit: depositShare === undefined ? undefined : Math.floor(rest.total * depositShare),
      firstDue: addDays(today, startIn),
    } as PlanTerms,
  }));

const monthIndex = (date: CalendarDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

function checkDates(plan: PlanSchedule) {
  const dates = plan.instalments.map((row) => row.due);
  expect(dates[0]).toBe(plan.firstDue);
  expect(dates.at(-1)).toBe(plan.lastDue);
  const day = Number(plan.firstDue.slice(8, 10));
  dates.forEach((date, i) => {
    if (i > 0) expect(date > dates[i - 1]!).toBe(true);
    switch (plan.frequency) {
      case 'weekly':
        expect(daysBetween(plan.firstDue, date)).toBe(7 * i);
        break;
      case 'fortnightly':
        expect(daysBetween(plan.firstDue, date)).toBe(14 * i);
        break;
      case 'monthly': {
        // Same day of the month, or the month's last day when the month is shorter.
        expect(monthIndex(date)).toBe(monthIndex(plan.firstDue) + i);
        const length = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
        expect(Number(date.slice(8, 10))).toBe(Math.min(day, length));
        break;
      }
    }
  });
}

function checkAmounts(plan: PlanSchedule, terms: PlanTerms) {
  const deposit = terms.deposit ?? 0;
  const amounts = plan.instalments.map((row) => row.amount);
  const balance = terms.total - deposit;
  expect(plan.instalmentsTotal).toBe(balance);
  expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(balance);
  expect(amounts.every((amount) => Number.isSafeInteger(amount) && amount > 0)).toBe(true);
  const regular = amounts.slice(0, -1);
  const last = amounts.at(-1)!;
  const rule = plan.remainderRule;
  if (terms.amount !== undefined) {
    // An amount each: that amount every time, the last one no larger; as few as will do.
    expect(plan.count).toBe(Math.ceil(balance / terms.amount));
    expect(regular.every((amount) => amount === terms.amount)).toBe(true);
    expect(last).toBeLessThanOrEqual(terms.amount);
    expect(rule.kind).toBe(last === terms.amount ? 'equal' : 'last_smaller');
  } else if (terms.roundTo !== undefined && plan.count > 1) {
    // Round amounts: all the same multiple of roundTo, and a final balloon with the rest.
    const round = amounts[0]!;
    expect(round % terms.roundTo).toBe(0);
    expect(regular.every((amount) => amount === round)).toBe(true);
    expect(last).toBeGreaterThanOrEqual(round);
    expect(last - round).toBeLessThan(plan.count * terms.roundTo);
    expect(rule.kind).toBe(last === round ? 'equal' : 'last_balloon');
  } else {
    // A count: equal to within one minor unit, the larger ones first.
    expect(plan.count).toBe(terms.count);
    expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
    amounts.forEach((amount, i) => {
      if (i > 0) expect(amount).toBeLessThanOrEqual(amounts[i - 1]!);
    });
    expect(rule.kind).toBe(amounts[0] === last ? 'equal' : 'first_larger');
  }
}

function checkBalances(plan: PlanSchedule, terms: PlanTerms) {
  let owed = terms.total;
  if (plan.deposit) {
    expect(plan.deposit.amount).toBe(terms.deposit);
    owed -= plan.deposit.amount;
    expect(plan.deposit.balanceAfter).toBe(owed);
  } else {
    expect(terms.deposit ?? 0).toBe(0);
  }
  plan.instalments.forEach((row, i) => {
    expect(row.number).toBe(i + 1);
    owed -= row.amount;
    expect(row.balanceAfter).toBe(owed);
  });
  expect(owed).toBe(0);
}

describe('any plan', () => {
  it('is exact, dated by its rule and runs down to nothing; or it is refused by count, amount or roundTo', () => {
    fc.assert(
      fc.property(terms, ({ terms, context }) => {
        const result = planSchedule(terms, context);
        const balance = terms.total - (terms.deposit ?? 0);
        if (!result.ok) {
          // The only refusals left are shapes the balance cannot take.
          if (result.field === 'count') expect(terms.count).toBeGreaterThan(balance);
          else if (result.field === 'amount') {
            expect(Math.ceil(balance / terms.amount!)).toBeGreaterThan(maxInstalments);
          } else {
            expect(result.field).toBe('roundTo');
            expect(terms.count! * terms.roundTo!).toBeGreaterThan(balance);
          }
          return;
        }
        const plan = result.schedule;
        checkAmounts(plan, terms);
        checkDates(plan);
        checkBalances(plan, terms);
        expect(plan.remainderSentence.length).toBeGreaterThan(0);
      }),
      { numRuns: 250 },
    );
  });

  it('flags exactly the weekends and public holidays, and says so when there are any', () => {
    fc.assert(
      fc.property(terms, ({ terms, context }) => {
        const result = planSchedule(
          { ...terms, count: 60, amount: undefined, roundTo: undefined },
          context,
        );
        if (!result.ok) return;
        const region = holidayRegionFor(context.locale);
        for (const row of result.schedule.instalments) {
          expect(row.weekend).toBe(['sat', 'sun'].includes(weekdayOf(row.due)));
          expect(row.holiday).toBe(publicHolidayOn(row.due, region));
        }
        const flagged = result.schedule.instalments.some((row) => row.weekend || row.holiday);
        expect(result.schedule.nonWorkingDaysSentence !== null).toBe(flagged);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a first date before today, and a deposit at or above the total, by name', () => {
    fc.assert(
      fc.property(terms, fc.integer({ min: 1, max: 400 }), ({ terms, context }, early) => {
        const before = planSchedule(
          { ...terms, firstDue: addDays(context.today, -early) },
          context,
        );
        expect(before).toMatchObject({ ok: false, field: 'firstDue' });
        const deposit = planSchedule({ ...terms, deposit: terms.total + (early % 2) }, context);
        expect(deposit).toMatchObject({ ok: false, field: 'deposit' });
      }),
    );
  });
});
