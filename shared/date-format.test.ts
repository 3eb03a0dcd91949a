import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './date-format';

describe('formatCalendarDate', () => {
  it('writes the day as people in the locale do', () => {
    expect(formatCalendarDate('2027-03-15', 'en-GB')).toBe('15 March 2027');
    expect(formatCalendarDate('2027-03-15', 'en-US')).toBe('March 15, 2027');
    expect(formatCalendarDate('2027-03-15', 'en-GB', 'short')).toBe('15 Mar 2027');
  });

  it('keeps the first and last days of the year where they are', () => {
    // Where a machine zone offset would show first, were the date formatted in it.
    expect(formatCalendarDate('2027-01-01', 'en-GB')).toBe('1 January 2027');
    expect(formatCalendarDate('2026-12-31', 'en-AU')).toBe('31 December 2026');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatCalendarDate('2027-02-30', 'en-GB')).toThrow(RangeError);
  });
});
