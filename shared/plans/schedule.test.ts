import { describe, expect, it } from 'vitest';
import { instalmentDates, planSchedule, type PlanSchedule, type PlanTerms } from './schedule';

const context = { today: '2027-03-15', locale: 'en-GB' };
const base: PlanTerms = {
  total: 100000,
  currency: 'GBP',
  count: 3,
  frequency: 'monthly',
  firstDue: '2027-04-01',
};

function schedule(terms: Partial<PlanTerms>, at = context): PlanSchedule {
  const result = planSchedule({ ...base, ...terms }, at);
  if (!result.ok) throw new Error(`${result.field}: ${result.message}`);
  return result.schedule;
}

function refusal(terms: Partial<PlanTerms>, at = context) {
  const result = planSchedule({ ...base, ...terms }, at);
  if (result.ok) throw new Error('expected a refusal');
  return { field: result.field, message: result.message };
}

describe('monthly dates', () => {
  it('keep the day of the month and clamp to the month end: 31 Jan → 28 Feb → 31 Mar', () => {
    expect(instalmentDates('2027-01-31', 'monthly', 4)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    expect(instalmentDates('2028-01-31', 'monthly', 3)).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
    expect(instalmentDates('2027-01-30', 'monthly', 3)).toEqual([
      '2027-01-30',
      '2027-02-28',
      '2027-03-30',
    ]);
    expect(instalmentDates('2027-11-15', 'monthly', 3)).toEqual([
      '2027-11-15',
      '2027-12-15',
      '2028-01-15',
    ]);
  });

  it('say the rule in words', () => {
    expect(schedule({ firstDue: '2027-03-31', count: 3 }).datesSentence).toBe(
      'On the last day of each month, from 31 March 2027 to 31 May 2027.',
    );
    expect(schedule({ firstDue: '2027-03-30', count: 2 }).datesSentence).toBe(
      "On the 30th of each month, or the month's last day when it is shorter, from 30 March 2027 to 30 April 2027.",
    );
    expect(schedule({ firstDue: '2027-04-02', count: 2 }).datesSentence).toBe(
      'On the 2nd of each month, from 2 April 2027 to 2 May 2027.',
    );
    expect(schedule({ firstDue: '2027-04-11', count: 2 }).datesSentence).toBe(
      'On the 11th of each month, from 11 April 2027 to 11 May 2027.',
    );
    expect(schedule({ firstDue: '2027-04-23', count: 2 }).datesSentence).toBe(
      'On the 23rd of each month, from 23 April 2027 to 23 May 2027.',
    );
  });
});

describe('weekly and fortnightly dates', () => {
  it('are calendar days apart, across the clocks changing (UK 28 Mar, US 14 Mar, AU 4 Apr 2027)', () => {
    expect(instalmentDates('2027-03-08', 'weekly', 5)).toEqual([
      '2027-03-08',
      '2027-03-15',
      '2027-03-22',
      '2027-03-29',
      '2027-04-05',
    ]);
    expect(instalmentDates('2027-10-18', 'fortnightly', 3)).toEqual([
      '2027-10-18',
      '2027-11-01',
      '2027-11-15',
    ]);
    expect(instalmentDates('2027-12-20', 'weekly', 3)).toEqual([
      '2027-12-20',
      '2027-12-27',
      '2028-01-03',
    ]);
  });

  it('say the rule in words', () => {
    expect(schedule({ frequency: 'weekly', firstDue: '2027-03-19' }).datesSentence).toBe(
      'Every week on a Friday, from 19 March 2027 to 2 April 2027.',
    );
    expect(schedule({ frequency: 'fortnightly', firstDue: '2027-03-19' }).datesSentence).toBe(
      'Every two weeks on a Friday, from 19 March 2027 to 16 April 2027.',
    );
    expect(schedule({ count: 1, firstDue: '2027-03-19' }).datesSentence).toBe(
      'One payment, on Friday 19 March 2027.',
    );
  });
});

describe('a schedule', () => {
  it('has the deposit today, then the instalments, with the balance after each', () => {
    const plan = schedule({ total: 100000, deposit: 10000, count: 4, firstDue: '2027-04-30' });
    expect(plan.deposit).toEqual({
      kind: 'deposit',
      number: 0,
      due: '2027-03-15',
      amount: 10000,
      balanceAfter: 90000,
      weekend: false,
      holiday: null,
    });
    expect(
      plan.instalments.map((row) => [row.number, row.due, row.amount, row.balanceAfter]),
    ).toEqual([
      [1, '2027-04-30', 22500, 67500],
      [2, '2027-05-30', 22500, 45000],
      [3, '2027-06-30', 22500, 22500],
      [4, '2027-07-30', 22500, 0],
    ]);
    expect(plan).toMatchObject({
      total: 100000,
      instalmentsTotal: 90000,
      count: 4,
      firstDue: '2027-04-30',
      lastDue: '2027-07-30',
      remainderSentence: 'The 4 payments are equal: £225.00 each.',
    });
  });

  it('has no deposit row for no deposit, or a deposit of zero', () => {
    expect(schedule({}).deposit).toBeNull();
    expect(schedule({ deposit: 0 }).deposit).toBeNull();
    expect(schedule({ deposit: 0 }).instalmentsTotal).toBe(100000);
  });

  it('may start today', () => {
    expect(schedule({ firstDue: '2027-03-15' }).instalments[0]!.due).toBe('2027-03-15');
  });

  it('marks weekends and public holidays, allows them, and says so', () => {
    const plan = schedule({ firstDue: '2027-05-31', count: 3 });
    expect(plan.instalments.map((row) => [row.due, row.weekend, row.holiday])).toEqual([
      ['2027-05-31', false, 'Spring bank holiday'],
      ['2027-06-30', false, null],
      ['2027-07-31', true, null],
    ]);
    expect(plan.nonWorkingDaysSentence).toBe(
      '2 payment dates fall on a weekend or a public holiday: Monday 31 May 2027 (Spring bank holiday) and Saturday 31 July 2027. That is allowed and they stay as agreed; a bank payment made on such a day may arrive on the next working day.',
    );
    expect(plan.holidayCoverage).toContain('England and Wales');
  });

  it('lists the first three such dates and counts the rest', () => {
    const plan = schedule({ frequency: 'weekly', firstDue: '2027-03-20', count: 6 });
    expect(plan.nonWorkingDaysSentence).toMatch(
      /^6 payment dates fall .*: Saturday 20 March 2027, Saturday 27 March 2027, Saturday 3 April 2027 and 3 more\./,
    );
  });

  it('says nothing of weekends when every date is a working day', () => {
    expect(schedule({ firstDue: '2027-04-14' }).nonWorkingDaysSentence).toBeNull();
  });

  it("uses the holidays of the business's country", () => {
    const us = schedule({ firstDue: '2027-07-05', count: 1 }, { ...context, locale: 'en-US' });
    expect(us.instalments[0]!.holiday).toBe('Independence Day (observed)');
    expect(us.nonWorkingDaysSentence).toBe(
      'One payment date falls on a weekend or a public holiday: Monday July 5, 2027 (Independence Day, observed). That is allowed and it stays as agreed; a bank payment made on such a day may arrive on the next working day.',
    );
    const au = schedule(
      { firstDue: '2027-01-26', count: 1 },
      { today: '2027-01-01', locale: 'en-AU' },
    );
    expect(au.instalments[0]!.holiday).toBe('Australia Day');
    const nz = schedule({ firstDue: '2027-12-27', count: 1 }, { ...context, locale: 'en-NZ' });
    expect(nz.instalments[0]).toMatchObject({ weekend: false, holiday: null });
    expect(nz.holidayCoverage).toContain('does not know them for New Zealand');
  });

  it('is exact in currencies of 0, 2 and 3 decimals', () => {
    for (const currency of ['JPY', 'GBP', 'KWD']) {
      const plan = schedule({ currency, total: 1000002, deposit: 1, count: 7 });
      expect(plan.instalments.map((row) => row.amount)).toEqual([
        142858, 142858, 142857, 142857, 142857, 142857, 142857,
      ]);
      expect(plan.instalments.at(-1)!.balanceAfter).toBe(0);
    }
  });

  it('with an amount each, counts the payments and makes the last smaller', () => {
    const plan = schedule({ count: undefined, amount: 30000, frequency: 'fortnightly' });
    expect(plan.instalments.map((row) => row.amount)).toEqual([30000, 30000, 30000, 10000]);
    expect(plan.count).toBe(4);
    expect(plan.remainderRule.kind).toBe('last_smaller');
  });

  it('with round amounts, ends with a balloon', () => {
    const plan = schedule({ total: 100000, count: 6, roundTo: 5000 });
    expect(plan.instalments.map((row) => row.amount)).toEqual([
      15000, 15000, 15000, 15000, 15000, 25000,
    ]);
    expect(plan.remainderSentence).toBe(
      'Each payment is a round £150.00, and the last one of £250.00 takes in what is left: 6 payments in all.',
    );
  });
});

describe('terms it refuses, naming the field', () => {
  it.each<[string, Partial<PlanTerms>, string, RegExp]>([
    ['a zero total', { total: 0 }, 'total', /more than zero/],
    ['a negative total', { total: -500 }, 'total', /more than zero/],
    ['a fractional total', { total: 10.5 }, 'total', /more than zero/],
    ['an unknown currency', { currency: 'XYZ' }, 'currency', /currency code/],
    ['a negative deposit', { deposit: -1 }, 'deposit', /zero or more/],
    ['a deposit above the total', { deposit: 100001 }, 'deposit', /more than the £1,000.00/],
    ['a deposit of everything', { deposit: 100000 }, 'deposit', /leaves nothing/],
    ['neither count nor amount', { count: undefined }, 'count', /either how many/],
    ['both count and amount', { amount: 100 }, 'amount', /not both/],
    ['a count of 0', { count: 0 }, 'count', /from 1 to 520/],
    ['a count over 520', { count: 521 }, 'count', /from 1 to 520/],
    ['a fractional count', { count: 2.5 }, 'count', /from 1 to 520/],
    ['more payments than pennies', { total: 3, count: 4 }, 'count', /at most 3 payments/],
    ['a zero amount', { count: undefined, amount: 0 }, 'amount', /more than zero/],
    [
      'an amount needing over 520 payments',
      { count: undefined, amount: 100 },
      'amount',
      /1,000 payments; a plan has at most 520/,
    ],
    ['a zero round amount', { roundTo: 0 }, 'roundTo', /more than zero/],
    [
      'a round amount with an amount each',
      { count: undefined, amount: 500, roundTo: 100 },
      'roundTo',
      /Round amounts go with/,
    ],
    ['a round amount too large', { roundTo: 50000 }, 'roundTo', /smaller round amount/],
    ['a first date that is not a date', { firstDue: '2027-02-30' }, 'firstDue', /real date/],
    [
      'a first date before today',
      { firstDue: '2027-03-14' },
      'firstDue',
      /14 March 2027 has passed/,
    ],
    ['a first date over a year away', { firstDue: '2028-03-16' }, 'firstDue', /within a year/],
  ])('%s', (_, terms, field, message) => {
    const problem = refusal(terms);
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });
});
