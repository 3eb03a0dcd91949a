/**
 * Runs the reminder engine at start, every few minutes, and just after midnight in the
 * business's time zone (when a new day makes new steps due). A failed tick is logged and
 * tried again at the next; it never stops the app.
 */
import { addDays, calendarDateIn, type Clock } from '../../shared/dates';
import { instantAt } from '../../shared/reminders/contact-window';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../logger';
import type { ReminderEngine } from '../reminders/engine';

const everyMs = 5 * 60 * 1000;

export function startReminderSchedule(deps: {
  engine: ReminderEngine;
  clock: Clock;
  settings: () => Promise<Settings>;
  log: Logger;
}) {
  const { engine, log } = deps;
  let stopped = false;
  let midnight: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const tick = () => {
    if (stopped) return;
    running = engine.tick().catch((error: unknown) => {
      log.error('The reminder scheduler could not bring the queue up to date', error);
    });
  };

  async function armMidnight() {
    if (stopped) return;
    try {
      const { timeZone } = await deps.settings();
      const now = deps.clock.now();
      const next = instantAt(addDays(calendarDateIn(now, timeZone), 1), '00:00', timeZone);
      // A second past midnight, so "today" is surely the new day when the tick reads it.
      const wait = Math.max(1000, next.getTime() - now.getTime() + 1000);
      midnight = setTimeout(
        () => {
          tick();
          void armMidnight();
        },
        Math.min(wait, 2 ** 31 - 1),
      );
      midnight.unref();
    } catch (error) {
      log.error('Could not set the midnight reminder run', error);
    }
  }

  tick();
  const interval = setInterval(tick, everyMs);
  interval.unref();
  void armMidnight();

  return {
    async stop() {
      stopped = true;
      clearInterval(interval);
      if (midnight) clearTimeout(midnight);
      await running;
    },
  };
}
