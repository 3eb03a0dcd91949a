import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { weekdayOf } from '../reminders/contact-window';
import {
  easterSunday,
  holidayCoverage,
  holidayRegionFor,
  isWeekend,
  publicHolidayOn,
  publicHolidays,
  type HolidayRegion,
} from './holidays';

/** The holidays of a year that fall on working days: the days a bank is closed. */
const daysOff = (region: HolidayRegion, year: number) =>
  [...publicHolidays(region, year).keys()].filter((date) => !isWeekend(date));

describe('Easter (anonymous Gregorian algorithm)', () => {
  it.each([
    [1818, '1818-03-22'], // the earliest possible
    [1943, '1943-04-25'], // the latest possible
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayOf(easter)).toBe('sun');
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('the region from the locale', () => {
  it('knows England and Wales, the US and Australia; others have weekends only', () => {
    expect(holidayRegionFor('en-GB')).toBe('england-and-wales');
    expect(holidayRegionFor('en-US')).toBe('united-states');
    expect(holidayRegionFor('en-AU')).toBe('australia');
    for (const locale of ['en-NZ', 'en-IE', 'en-CA', 'en-ZA', 'en-IN', 'fr-FR']) {
      expect(holidayRegionFor(locale)).toBeNull();
      expect(publicHolidayOn('2027-12-25', holidayRegionFor(locale))).toBeNull();
    }
  });

  it('says which holidays it checked, and when it knows none', () => {
    expect(holidayCoverage('england-and-wales', 'en-GB')).toContain('England and Wales');
    expect(holidayCoverage('united-states', 'en-US')).toContain('federal');
    expect(holidayCoverage('australia', 'en-AU')).toContain('Anzac Day');
    expect(holidayCoverage(null, 'en-NZ')).toBe(
      'Weekends are marked. Public holidays are not, as Goodwill does not know them for New Zealand yet.',
    );
    expect(holidayCoverage(null, 'xx-YY')).toContain('for this region');
  });
});

describe('bank holidays in England and Wales', () => {
  // gov.uk/bank-holidays
  it.each([
    [
      2020,
      [
        '2020-01-01',
        '2020-04-10',
        '2020-04-13',
        '2020-05-08',
        '2020-05-25',
        '2020-08-31',
        '2020-12-25',
        '2020-12-28',
      ],
    ],
    [
      2021,
      [
        '2021-01-01',
        '2021-04-02',
        '2021-04-05',
        '2021-05-03',
        '2021-05-31',
        '2021-08-30',
        '2021-12-27',
        '2021-12-28',
      ],
    ],
    [
      2022,
      [
        '2022-01-03',
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
        '2022-08-29',
        '2022-09-19',
        '2022-12-26',
        '2022-12-27',
      ],
    ],
    [
      2023,
      [
        '2023-01-02',
        '2023-04-07',
        '2023-04-10',
        '2023-05-01',
        '2023-05-08',
        '2023-05-29',
        '2023-08-28',
        '2023-12-25',
        '2023-12-26',
      ],
    ],
    [
      2024,
      [
        '2024-01-01',
        '2024-03-29',
        '2024-04-01',
        '2024-05-06',
        '2024-05-27',
        '2024-08-26',
        '2024-12-25',
        '2024-12-26',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-04-18',
        '2025-04-21',
        '2025-05-05',
        '2025-05-26',
        '2025-08-25',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-27',
        '2027-12-28',
      ],
    ],
  ])('%i, as gov.uk lists them', (year, expected) => {
    expect(daysOff('england-and-wales', year)).toEqual(expected);
  });

  it('names the day, the substitute and the holiday itself on a weekend', () => {
    const region = 'england-and-wales';
    expect(publicHolidayOn('2027-12-25', region)).toBe('Christmas Day');
    expect(publicHolidayOn('2027-12-26', region)).toBe('Boxing Day');
    expect(publicHolidayOn('2027-12-27', region)).toBe('Christmas Day (substitute day)');
    expect(publicHolidayOn('2027-12-28', region)).toBe('Boxing Day (substitute day)');
    expect(publicHolidayOn('2028-01-01', region)).toBe("New Year's Day");
    expect(publicHolidayOn('2028-01-03', region)).toBe("New Year's Day (substitute day)");
    expect(publicHolidayOn('2027-03-26', region)).toBe('Good Friday');
    expect(publicHolidayOn('2027-03-29', region)).toBe('Easter Monday');
    expect(publicHolidayOn('2027-05-03', region)).toBe('Early May bank holiday');
    expect(publicHolidayOn('2027-05-31', region)).toBe('Spring bank holiday');
    expect(publicHolidayOn('2027-08-30', region)).toBe('Summer bank holiday');
    expect(publicHolidayOn('2027-03-15', region)).toBeNull();
  });

  it('gives eight working days off in every ordinary year, each in its own year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2024, max: 2300 }), (year) => {
        expect(daysOff('england-and-wales', year)).toHaveLength(8);
        for (const date of publicHolidays('england-and-wales', year).keys()) {
          expect(date.startsWith(`${year}-`)).toBe(true);
        }
      }),
    );
  });
});

describe('US federal holidays', () => {
  // opm.gov/policy-data-oversight/pay-leave/federal-holidays
  it.each([
    [
      2024,
      [
        '2024-01-01',
        '2024-01-15',
        '2024-02-19',
        '2024-05-27',
        '2024-06-19',
        '2024-07-04',
        '2024-09-02',
        '2024-10-14',
        '2024-11-11',
        '2024-11-28',
        '2024-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-01-18',
        '2027-02-15',
        '2027-05-31',
        '2027-06-18',
        '2027-07-05',
        '2027-09-06',
        '2027-10-11',
        '2027-11-11',
        '2027-11-25',
        '2027-12-24',
        '2027-12-31',
      ],
    ],
    [
      2028,
      [
        '2028-01-17',
        '2028-02-21',
        '2028-05-29',
        '2028-06-19',
        '2028-07-04',
        '2028-09-04',
        '2028-10-09',
        '2028-11-10',
        '2028-11-23',
        '2028-12-25',
      ],
    ],
  ])('%i, on the days they are observed', (year, expected) => {
    expect(daysOff('united-states', year)).toEqual(expected);
  });

  it('observes a Saturday holiday the Friday before and a Sunday one the Monday after', () => {
    expect(publicHolidayOn('2026-07-04', 'united-states')).toBe('Independence Day');
    expect(publicHolidayOn('2026-07-03', 'united-states')).toBe('Independence Day (observed)');
    expect(publicHolidayOn('2027-07-05', 'united-states')).toBe('Independence Day (observed)');
    // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027.
    expect(publicHolidayOn('2027-12-31', 'united-states')).toBe("New Year's Day (observed)");
    expect(publicHolidayOn('2028-01-01', 'united-states')).toBe("New Year's Day");
    expect(publicHolidayOn('2028-01-03', 'united-states')).toBeNull();
  });

  it('gives eleven working days off a year, less one when New Year is observed the year before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2300 }), (year) => {
        const saturday = (y: number) => weekdayOf(`${y}-01-01`) === 'sat';
        expect(daysOff('united-states', year)).toHaveLength(
          11 - (saturday(year) ? 1 : 0) + (saturday(year + 1) ? 1 : 0),
        );
      }),
    );
  });
});

describe('Australian national public holidays', () => {
  it.each([
    [
      2026,
      [
        '2026-01-01',
        '2026-01-26',
        '2026-04-03',
        '2026-04-06',
        '2026-12-25',
        '2026-12-28', // Boxing Day falls on Saturday
      ],
    ],
    [2027, ['2027-01-01', '2027-01-26', '2027-03-26', '2027-03-29', '2027-12-27', '2027-12-28']],
    [
      2028,
      [
        '2028-01-03', // New Year's Day falls on Saturday
        '2028-01-26',
        '2028-04-14',
        '2028-04-17',
        '2028-04-25',
        '2028-12-25',
        '2028-12-26',
      ],
    ],
  ])('%i', (year, expected) => {
    expect(daysOff('australia', year)).toEqual(expected);
  });

  it('marks Anzac Day on a weekend without a national substitute', () => {
    expect(publicHolidayOn('2026-04-25', 'australia')).toBe('Anzac Day');
    expect(publicHolidayOn('2026-04-27', 'australia')).toBeNull();
    expect(publicHolidayOn('2027-01-26', 'australia')).toBe('Australia Day');
  });
});

describe('weekends', () => {
  it('are Saturday and Sunday', () => {
    expect(isWeekend('2027-03-13')).toBe(true);
    expect(isWeekend('2027-03-14')).toBe(true);
    expect(isWeekend('2027-03-15')).toBe(false);
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => isWeekend(addDays('2027-03-15', d)))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
