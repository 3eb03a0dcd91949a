/**
 * Weekends and public holidays, worked out here with no network: a plan's dates may fall on
 * one (that is allowed), and the preview says so. The holidays are those of the business's
 * country, read from its locale:
 * - en-GB: bank holidays in England and Wales (the rules in force since 1978), with their
 *   substitute days and the one-off days the government has added or moved;
 * - en-US: the federal holidays (5 U.S.C. 6103), with the days they are observed;
 * - en-AU: the national public holidays, with the substitute days every state gives;
 * - any other locale: weekends only, and the coverage sentence says so.
 */
import { addDays, type CalendarDate } from '../dates';
import { supportedLocales } from '../locales';
import { weekdayOf } from '../reminders/contact-window';
import { weekdays, type Weekday } from '../settings';

export type HolidayRegion = 'england-and-wales' | 'united-states' | 'australia';

export function holidayRegionFor(locale: string): HolidayRegion | null {
  switch (locale) {
    case 'en-GB':
      return 'england-and-wales';
    case 'en-US':
      return 'united-states';
    case 'en-AU':
      return 'australia';
    default:
      return null;
  }
}

export function isWeekend(date: CalendarDate): boolean {
  const day = weekdayOf(date);
  return day === 'sat' || day === 'sun';
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
}

/** Every public holiday of the year in the region, by date, with its name. */
export function publicHolidays(
  region: HolidayRegion,
  year: number,
): ReadonlyMap<CalendarDate, string> {
  const key = `${region}:${year}`;
  let holidays = byRegionAndYear.get(key);
  if (!holidays) {
    holidays = new Map([...rules[region](year)].sort(([a], [b]) => (a < b ? -1 : 1)));
    byRegionAndYear.set(key, holidays);
  }
  return holidays;
}

/** The holiday's name when the date is a public holiday in the region, else null. */
export function publicHolidayOn(date: CalendarDate, region: HolidayRegion | null): string | null {
  if (region === null) return null;
  return publicHolidays(region, Number(date.slice(0, 4))).get(date) ?? null;
}

/** Which holidays the preview knows of, as a sentence for the owner. */
export function holidayCoverage(region: HolidayRegion | null, locale: string): string {
  switch (region) {
    case 'england-and-wales':
      return 'Public holidays are the bank holidays in England and Wales (Scotland and Northern Ireland have a few of their own).';
    case 'united-states':
      return 'Public holidays are the US federal holidays, on the days they are observed; state holidays are not included.';
    case 'australia':
      return "Public holidays are Australia's national ones (New Year's Day, Australia Day, Good Friday, Easter Monday, Anzac Day, Christmas Day and Boxing Day); state holidays are not included.";
    case null: {
      const label = supportedLocales.find((l) => l.code === locale)?.label;
      const country = /\((.+)\)/.exec(label ?? '')?.[1];
      return `Weekends are marked. Public holidays are not, as Goodwill does not know them${country ? ` for ${country}` : ' for this region'} yet.`;
    }
  }
}

// A region's holidays for one year are worked out once: a 520-week plan asks about ten years.
const byRegionAndYear = new Map<string, Map<CalendarDate, string>>();

function dateOf(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const weekdayIndex = (day: Weekday) => weekdays.indexOf(day);

/** The `n`th given weekday of the month (1 = the first). */
function nthWeekday(year: number, month: number, day: Weekday, n: number): CalendarDate {
  const first = dateOf(year, month, 1);
  const offset = (weekdayIndex(day) - weekdayIndex(weekdayOf(first)) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** The last given weekday of the month. */
function lastWeekday(year: number, month: number, day: Weekday): CalendarDate {
  const nextFirst = month === 12 ? dateOf(year + 1, 1, 1) : dateOf(year, month + 1, 1);
  const last = addDays(nextFirst, -1);
  const back = (weekdayIndex(weekdayOf(last)) - weekdayIndex(day) + 7) % 7;
  return addDays(last, -back);
}

/**
 * A holiday on a weekend gives a substitute day: the next weekday that is not already a
 * holiday (so Christmas on a Saturday and Boxing Day on a Sunday give Monday and Tuesday).
 * Call it in date order, after adding the holidays the substitute must step over.
 */
function substitute(holidays: Map<CalendarDate, string>, date: CalendarDate, name: string) {
  if (!isWeekend(date)) return;
  let day = addDays(date, 1);
  while (isWeekend(day) || holidays.has(day)) day = addDays(day, 1);
  holidays.set(day, `${name} (substitute day)`);
}

function christmasWithSubstitutes(holidays: Map<CalendarDate, string>, year: number) {
  const christmas = dateOf(year, 12, 25);
  const boxing = dateOf(year, 12, 26);
  holidays.set(christmas, 'Christmas Day');
  holidays.set(boxing, 'Boxing Day');
  substitute(holidays, christmas, 'Christmas Day');
  substitute(holidays, boxing, 'Boxing Day');
}

/** Days the UK government moved by proclamation (gov.uk/bank-holidays). */
const earlyMayMoved: Record<number, CalendarDate> = { 1995: '1995-05-08', 2020: '2020-05-08' };
const springMoved: Record<number, CalendarDate> = {
  2002: '2002-06-04',
  2012: '2012-06-04',
  2022: '2022-06-02',
};

/** ... and the days it added. */
const englandAndWalesExtra: Record<CalendarDate, string> = {
  '1999-12-31': 'Millennium celebrations',
  '2002-06-03': 'Golden Jubilee bank holiday',
  '2011-04-29': 'Royal wedding bank holiday',
  '2012-06-05': 'Diamond Jubilee bank holiday',
  '2022-06-03': 'Platinum Jubilee bank holiday',
  '2022-09-19': 'State Funeral of Queen Elizabeth II',
  '2023-05-08': 'Coronation of King Charles III',
};

function englandAndWales(year: number): Map<CalendarDate, string> {
  const holidays = new Map<CalendarDate, string>();
  const newYear = dateOf(year, 1, 1);
  holidays.set(newYear, "New Year's Day");
  substitute(holidays, newYear, "New Year's Day");
  const easter = easterSunday(year);
  holidays.set(addDays(easter, -2), 'Good Friday');
  holidays.set(addDays(easter, 1), 'Easter Monday');
  const earlyMay = earlyMayMoved[year];
  if (earlyMay) holidays.set(earlyMay, 'Early May bank holiday (VE Day)');
  else holidays.set(nthWeekday(year, 5, 'mon', 1), 'Early May bank holiday');
  holidays.set(springMoved[year] ?? lastWeekday(year, 5, 'mon'), 'Spring bank holiday');
  holidays.set(lastWeekday(year, 8, 'mon'), 'Summer bank holiday');
  for (const [date, name] of Object.entries(englandAndWalesExtra)) {
    if (date.startsWith(`${year}-`)) holidays.set(date, name);
  }
  christmasWithSubstitutes(holidays, year);
  return holidays;
}

/** Federal holidays: on a Saturday observed the Friday before, on a Sunday the Monday after. */
function unitedStates(year: number): Map<CalendarDate, string> {
  const holidays = new Map<CalendarDate, string>();
  const fixed = (month: number, day: number, name: string) => {
    const date = dateOf(year, month, day);
    holidays.set(date, name);
    const weekday = weekdayOf(date);
    const observed =
      weekday === 'sat' ? addDays(date, -1) : weekday === 'sun' ? addDays(date, 1) : null;
    // New Year's Day on a Saturday is observed on 31 December, in the year before (below).
    if (observed?.startsWith(`${year}-`)) holidays.set(observed, `${name} (observed)`);
  };
  fixed(1, 1, "New Year's Day");
  if (year >= 1986)
    holidays.set(nthWeekday(year, 1, 'mon', 3), 'Birthday of Martin Luther King, Jr.');
  holidays.set(nthWeekday(year, 2, 'mon', 3), "Washington's Birthday");
  holidays.set(lastWeekday(year, 5, 'mon'), 'Memorial Day');
  if (year >= 2021) fixed(6, 19, 'Juneteenth National Independence Day');
  fixed(7, 4, 'Independence Day');
  holidays.set(nthWeekday(year, 9, 'mon', 1), 'Labor Day');
  holidays.set(nthWeekday(year, 10, 'mon', 2), 'Columbus Day');
  fixed(11, 11, 'Veterans Day');
  holidays.set(nthWeekday(year, 11, 'thu', 4), 'Thanksgiving Day');
  fixed(12, 25, 'Christmas Day');
  if (weekdayOf(dateOf(year + 1, 1, 1)) === 'sat') {
    holidays.set(dateOf(year, 12, 31), "New Year's Day (observed)");
  }
  return holidays;
}

/** National public holidays; Anzac Day has no national substitute (some states add one). */
function australia(year: number): Map<CalendarDate, string> {
  const holidays = new Map<CalendarDate, string>();
  const newYear = dateOf(year, 1, 1);
  holidays.set(newYear, "New Year's Day");
  substitute(holidays, newYear, "New Year's Day");
  const australiaDay = dateOf(year, 1, 26);
  holidays.set(australiaDay, 'Australia Day');
  substitute(holidays, australiaDay, 'Australia Day');
  const easter = easterSunday(year);
  holidays.set(addDays(easter, -2), 'Good Friday');
  holidays.set(addDays(easter, 1), 'Easter Monday');
  holidays.set(dateOf(year, 4, 25), 'Anzac Day');
  if (year === 2022) holidays.set('2022-09-22', 'National Day of Mourning for Queen Elizabeth II');
  christmasWithSubstitutes(holidays, year);
  return holidays;
}

const rules: Record<HolidayRegion, (year: number) => Map<CalendarDate, string>> = {
  'england-and-wales': englandAndWales,
  'united-states': unitedStates,
  australia,
};
