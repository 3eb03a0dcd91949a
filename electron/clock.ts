/** The app's clock: the real one, or a fixed instant from GOODWILL_NOW for demos and tests. */
import type { Clock } from '../shared/dates';

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) };
}

/** GOODWILL_NOW=2027-03-15T09:00:00Z pins "now"; anything unparseable is refused. */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const pinned = env.GOODWILL_NOW?.trim();
  if (!pinned) return systemClock;
  const instant = new Date(pinned);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(pinned) || Number.isNaN(instant.getTime())) {
    throw new Error(
      `GOODWILL_NOW must be an ISO 8601 instant such as 2027-03-15T09:00:00Z (got "${pinned}").`,
    );
  }
  return fixedClock(instant);
}
