import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, endOfMonth } from './dates';

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('is not moved by daylight saving', () => {
    // The UK clocks go forward on 28 March 2027 and back on 31 October 2027.
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    expect(addDays('2027-03-27', 7)).toBe('2027-04-03');
  });

  it('counts days both ways', () => {
    expect(daysBetween('2027-02-09', '2027-03-15')).toBe(34);
    expect(daysBetween('2027-03-15', '2027-02-09')).toBe(-34);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('finds the end of the month, leap years included', () => {
    expect(endOfMonth('2027-02-10')).toBe('2027-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2100-02-01')).toBe('2100-02-28');
    expect(endOfMonth('2000-02-01')).toBe('2000-02-29');
    expect(endOfMonth('2027-12-05')).toBe('2027-12-31');
  });

  it('adds months, clamping to the month end and keeping the day of a series', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 2)).toBe('2027-03-31');
    expect(addMonths('2027-02-28', 1, 31)).toBe('2027-03-31');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15');
  });

  it('refuses dates that do not exist', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(/Not a calendar date/);
  });
});
