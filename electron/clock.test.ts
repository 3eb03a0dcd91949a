import { describe, expect, it } from 'vitest';
import { clockFromEnv, systemClock } from './clock';

describe('the clock', () => {
  it('is pinned by GOODWILL_NOW', () => {
    const clock = clockFromEnv({ GOODWILL_NOW: '2027-03-15T09:00:00Z' });
    expect(clock.now().toISOString()).toBe('2027-03-15T09:00:00.000Z');
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2027-03-15T09:00:00.000Z');
  });

  it('is the real one otherwise', () => {
    expect(clockFromEnv({})).toBe(systemClock);
  });

  it.each(['tomorrow', '2027-03-15', '2027-13-45T99:00:00Z'])(
    'refuses GOODWILL_NOW=%s',
    (value) => {
      expect(() => clockFromEnv({ GOODWILL_NOW: value })).toThrow(/GOODWILL_NOW must be/);
    },
  );
});
