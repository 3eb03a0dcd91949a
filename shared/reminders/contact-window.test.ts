import { describe, expect, it } from 'vitest';
import type { ContactWindow } from '../settings';
import {
  checkWindow,
  consumerWindowLimits,
  instantAt,
  isInsideWindow,
  weekdayOf,
  windowFor,
} from './contact-window';

const weekdaysOnly: ContactWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '08:00',
  end: '20:00',
};
const everyDay: ContactWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  start: '08:00',
  end: '20:00',
};

const at = (iso: string) => new Date(iso);

describe('the window for a kind of customer', () => {
  it('leaves a business window as the settings say', () => {
    const wide = { ...everyDay, start: '07:00', end: '22:00' };
    expect(windowFor('company', wide)).toEqual(wide);
    expect(windowFor('sole_trader', wide)).toEqual(wide);
  });

  it('narrows a consumer window to 08:00–21:00, whatever the settings say', () => {
    expect(windowFor('consumer', { ...everyDay, start: '07:00', end: '22:00' })).toEqual({
      ...everyDay,
      start: consumerWindowLimits.start,
      end: consumerWindowLimits.end,
    });
  });

  it('keeps a consumer window that is already inside the limits', () => {
    const office = { ...weekdaysOnly, start: '09:30', end: '17:00' };
    expect(windowFor('consumer', office)).toEqual(office);
  });

  it('turns a consumer window wholly outside the limits into no hours, never inside out', () => {
    const late = windowFor('consumer', { ...everyDay, start: '21:30', end: '23:00' });
    expect(late.start).toBe(late.end);
    expect(checkWindow(at('2027-03-15T21:45:00Z'), 'Europe/London', late)).toMatchObject({
      open: false,
      opensAt: null,
    });
  });
});

describe('weekdays and wall-clock instants', () => {
  it.each([
    ['2027-03-15', 'mon'],
    ['2027-03-20', 'sat'],
    ['2027-03-21', 'sun'],
    ['2028-02-29', 'tue'],
  ])('%s is a %s', (date, day) => {
    expect(weekdayOf(date)).toBe(day);
  });

  it.each([
    ['2027-01-11', '08:00', 'Europe/London', '2027-01-11T08:00:00.000Z'],
    ['2027-03-28', '08:00', 'Europe/London', '2027-03-28T07:00:00.000Z'],
    ['2027-10-31', '08:00', 'Europe/London', '2027-10-31T08:00:00.000Z'],
    ['2027-03-13', '08:00', 'America/New_York', '2027-03-13T13:00:00.000Z'],
    ['2027-03-14', '08:00', 'America/New_York', '2027-03-14T12:00:00.000Z'],
    ['2027-04-04', '08:00', 'Australia/Sydney', '2027-04-03T22:00:00.000Z'],
    ['2027-10-03', '08:00', 'Australia/Sydney', '2027-10-02T21:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(instantAt(date, time, zone).toISOString()).toBe(iso);
  });
});

describe('the window edges', () => {
  it.each<[string, string, string, ContactWindow, boolean]>([
    // Monday 11 January 2027, London on GMT.
    ['07:59 in London, winter', '2027-01-11T07:59:00Z', 'Europe/London', weekdaysOnly, false],
    ['08:00 in London, winter', '2027-01-11T08:00:00Z', 'Europe/London', weekdaysOnly, true],
    ['19:59 in London, winter', '2027-01-11T19:59:00Z', 'Europe/London', weekdaysOnly, true],
    ['20:00 in London, winter', '2027-01-11T20:00:00Z', 'Europe/London', weekdaysOnly, false],
    // Sunday 28 March 2027: the clocks go forward at 01:00 UTC (BST, UTC+1).
    [
      '07:59 BST the day the clocks go forward',
      '2027-03-28T06:59:00Z',
      'Europe/London',
      everyDay,
      false,
    ],
    [
      '08:00 BST the day the clocks go forward',
      '2027-03-28T07:00:00Z',
      'Europe/London',
      everyDay,
      true,
    ],
    [
      '19:59 BST the day the clocks go forward',
      '2027-03-28T18:59:00Z',
      'Europe/London',
      everyDay,
      true,
    ],
    [
      '20:00 BST the day the clocks go forward',
      '2027-03-28T19:00:00Z',
      'Europe/London',
      everyDay,
      false,
    ],
    [
      '07:30 UTC the day before is 07:30 GMT',
      '2027-03-27T07:30:00Z',
      'Europe/London',
      everyDay,
      false,
    ],
    ['07:30 UTC the day of is 08:30 BST', '2027-03-28T07:30:00Z', 'Europe/London', everyDay, true],
    // Sunday 31 October 2027: the clocks go back at 01:00 UTC (GMT again).
    [
      '07:59 GMT the day the clocks go back',
      '2027-10-31T07:59:00Z',
      'Europe/London',
      everyDay,
      false,
    ],
    [
      '08:00 GMT the day the clocks go back',
      '2027-10-31T08:00:00Z',
      'Europe/London',
      everyDay,
      true,
    ],
    [
      '19:59 GMT the day the clocks go back',
      '2027-10-31T19:59:00Z',
      'Europe/London',
      everyDay,
      true,
    ],
    [
      '20:00 GMT the day the clocks go back',
      '2027-10-31T20:00:00Z',
      'Europe/London',
      everyDay,
      false,
    ],
    // Sunday 14 March 2027 in New York: EDT, UTC−4, from 02:00 local.
    [
      '07:59 EDT the day the clocks go forward',
      '2027-03-14T11:59:00Z',
      'America/New_York',
      everyDay,
      false,
    ],
    [
      '08:00 EDT the day the clocks go forward',
      '2027-03-14T12:00:00Z',
      'America/New_York',
      everyDay,
      true,
    ],
    [
      '19:59 EDT the day the clocks go forward',
      '2027-03-14T23:59:00Z',
      'America/New_York',
      everyDay,
      true,
    ],
    [
      '20:00 EDT the day the clocks go forward',
      '2027-03-15T00:00:00Z',
      'America/New_York',
      everyDay,
      false,
    ],
    [
      '12:30 UTC the day before is 07:30 EST',
      '2027-03-13T12:30:00Z',
      'America/New_York',
      everyDay,
      false,
    ],
    // Sunday 4 April 2027 in Sydney: back to AEST, UTC+10, from 03:00 local.
    [
      '07:59 AEST the day the clocks go back',
      '2027-04-03T21:59:00Z',
      'Australia/Sydney',
      everyDay,
      false,
    ],
    [
      '08:00 AEST the day the clocks go back',
      '2027-04-03T22:00:00Z',
      'Australia/Sydney',
      everyDay,
      true,
    ],
    // A weekend outside a Monday-to-Friday window.
    ['Saturday noon, weekdays only', '2027-03-20T12:00:00Z', 'Europe/London', weekdaysOnly, false],
    ['Sunday noon, weekdays only', '2027-03-21T12:00:00Z', 'Europe/London', weekdaysOnly, false],
    ['Friday 19:59, weekdays only', '2027-03-19T19:59:00Z', 'Europe/London', weekdaysOnly, true],
  ])('%s', (_name, instant, zone, window, open) => {
    const check = checkWindow(at(instant), zone, window);
    expect(check.open).toBe(open);
    expect(isInsideWindow(at(instant), zone, window)).toBe(open);
    if (open) expect(check.opensAt?.toISOString()).toBe(at(instant).toISOString());
  });
});

describe('when the window next opens', () => {
  it('later the same day, before the start', () => {
    const check = checkWindow(at('2027-01-11T06:15:00Z'), 'Europe/London', weekdaysOnly);
    expect(check.opensAt?.toISOString()).toBe('2027-01-11T08:00:00.000Z');
    expect(check.localNow).toBe('2027-01-11 06:15 (mon)');
  });

  it('the next day, after the end', () => {
    const check = checkWindow(at('2027-01-11T20:00:00Z'), 'Europe/London', weekdaysOnly);
    expect(check.opensAt?.toISOString()).toBe('2027-01-12T08:00:00.000Z');
  });

  it('on Monday after a weekend, on the new clock after the change', () => {
    const check = checkWindow(at('2027-03-27T21:30:00Z'), 'Europe/London', weekdaysOnly);
    expect(check.localNow).toBe('2027-03-27 21:30 (sat)');
    expect(check.opensAt?.toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it("in the customer's zone, not the business's", () => {
    // 07:30 in New York on a Monday in January, 12:30 in London.
    const check = checkWindow(at('2027-01-11T12:30:00Z'), 'America/New_York', weekdaysOnly);
    expect(check.open).toBe(false);
    expect(check.localNow).toBe('2027-01-11 07:30 (mon)');
    expect(check.opensAt?.toISOString()).toBe('2027-01-11T13:00:00.000Z');
    expect(checkWindow(at('2027-01-11T12:30:00Z'), 'Europe/London', weekdaysOnly).open).toBe(true);
  });

  it("on the customer's Monday while it is still Sunday for the business", () => {
    // 09:00 Monday in Sydney is 22:00 Sunday in London.
    expect(checkWindow(at('2027-01-10T22:00:00Z'), 'Australia/Sydney', weekdaysOnly).open).toBe(
      true,
    );
  });

  it('never, when the window has no days', () => {
    expect(
      checkWindow(at('2027-01-11T12:00:00Z'), 'Europe/London', { ...weekdaysOnly, days: [] }),
    ).toMatchObject({ open: false, opensAt: null });
  });

  it('for a consumer at 08:00, though the settings say 07:00', () => {
    const window = windowFor('consumer', { ...weekdaysOnly, start: '07:00', end: '22:00' });
    const check = checkWindow(at('2027-01-11T07:30:00Z'), 'Europe/London', window);
    expect(check.open).toBe(false);
    expect(check.opensAt?.toISOString()).toBe('2027-01-11T08:00:00.000Z');
    expect(checkWindow(at('2027-01-11T21:00:00Z'), 'Europe/London', window).open).toBe(false);
    expect(checkWindow(at('2027-01-11T20:59:00Z'), 'Europe/London', window).open).toBe(true);
  });
});
