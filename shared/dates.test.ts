import { describe, expect, it } from 'vitest';
import { calendarDateIn, isCalendarDate, isValidTimeZone } from './dates';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('01/02/2025')).toBe(false);
  });

  it('finds "today" in the business time zone, not the machine one', () => {
    const lateEveningInLondon = new Date('2027-03-15T23:30:00Z');
    expect(calendarDateIn(lateEveningInLondon, 'Europe/London')).toBe('2027-03-15');
    expect(calendarDateIn(lateEveningInLondon, 'Pacific/Auckland')).toBe('2027-03-16');
    expect(calendarDateIn(lateEveningInLondon, 'America/Los_Angeles')).toBe('2027-03-15');
    expect(calendarDateIn(new Date('2027-01-01T04:59:00Z'), 'America/New_York')).toBe('2026-12-31');
  });

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Australia/Sydney')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
