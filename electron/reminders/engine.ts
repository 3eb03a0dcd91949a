/**
 * The reminder engine: one `tick` turns the policy into queue items for every customer whose
 * situation may have changed. Every change in Goodwill appends an event, so "may have changed"
 * is exact and cheap: customers with events since the last tick, or everyone when the day
 * turns or a business-wide setting changed. A tick with nothing new reads two numbers.
 *
 * Ticks run one at a time (chained); each chunk of customers is one transaction that reads
 * and writes together. The unique key on items is what makes a crash, a restart, or two
 * processes on one file safe: the worst a repeated tick can do is find its rows already there.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { calendarDateIn, type Clock } from '../../shared/dates';
import type { Settings } from '../../shared/settings';
import { customersWithEventsSince, customersWithOpenBusiness } from '../db/reminders.repository';
import type { DB } from '../db/schema';
import { readPolicy } from './policy-settings';
import { reconcileCustomer } from './reconcile';
import { loadSituations } from './situations';
import { approveDueAutopilot } from './autopilot';
import type { ItemRow } from './actions';

const customersPerTransaction = 250;

export interface TickResult {
  /** Customers looked at; 0 when nothing had changed. */
  customers: number;
  inserted: number;
  withdrawn: number;
  autopilotApproved: number;
  full: boolean;
}

export interface ReminderEngine {
  /** Brings the queue up to date with the ledger; safe to call any time, from anywhere. */
  tick(options?: { full?: boolean }): Promise<TickResult>;
}

async function maxEventId(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ last: number | null }>`SELECT max(id) AS last FROM events`.execute(
    db,
  );
  return rows[0]?.last ?? 0;
}

export function createReminderEngine(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: () => Promise<Settings>;
  /** How an autopilot step is approved; bound late, as it needs the reminders service. */
  autopilot?: () => ((item: ItemRow) => Promise<boolean>) | undefined;
}): ReminderEngine {
  const { db, clock } = deps;
  let seenEventId = -1;
  let seenDay = '';
  let chain: Promise<unknown> = Promise.resolve();

  async function run(options: { full?: boolean }): Promise<TickResult> {
    const settings = await deps.settings();
    const now = clock.now();
    const today = calendarDateIn(now, settings.timeZone);
    const lastEventId = await maxEventId(db);
    const result: TickResult = {
      customers: 0,
      inserted: 0,
      withdrawn: 0,
      autopilotApproved: 0,
      full: false,
    };

    let ids: number[] = [];
    if (options.full || today !== seenDay || seenEventId < 0) {
      ids = await customersWithOpenBusiness(db);
      result.full = true;
    } else if (lastEventId !== seenEventId) {
      const changed = await customersWithEventsSince(db, seenEventId);
      if (changed.includes(null)) {
        ids = await customersWithOpenBusiness(db);
        result.full = true;
      } else {
        ids = changed.filter((id): id is number => id !== null);
      }
    }

    // Events written inside our own transactions are ours; any other write between them
    // means the next tick must look again from `lastEventId`.
    let expectedEventId = lastEventId;
    let foreignWrites = false;
    const own = async <T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
      db.transaction().execute(async (trx) => {
        if ((await maxEventId(trx)) !== expectedEventId) foreignWrites = true;
        const value = await work(trx);
        expectedEventId = await maxEventId(trx);
        return value;
      });

    if (ids.length > 0 && settings.onboardingComplete) {
      const policy = await readPolicy(db);
      const context = {
        today,
        now,
        locale: settings.locale,
        promiseGraceDays: policy.guardrails.promiseGraceDays,
      };
      for (let start = 0; start < ids.length; start += customersPerTransaction) {
        // SQLite answers synchronously: let waiting requests (the screen's first rows) in
        // between chunks rather than after the whole run.
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        const chunk = ids.slice(start, start + customersPerTransaction);
        await own(async (trx) => {
          const situations = await loadSituations(trx, chunk, {
            today,
            now,
            businessTimeZone: settings.timeZone,
            businessLadder: policy.ladder,
          });
          for (const loaded of situations.values()) {
            const changes = await reconcileCustomer(trx, loaded, context);
            result.inserted += changes.inserted;
            result.withdrawn += changes.withdrawn;
          }
        });
      }
      result.customers = ids.length;
    }
    if (settings.onboardingComplete) {
      const approve = deps.autopilot?.();
      // Each autopilot approval is its own transaction (it drafts and queues a message), so
      // it counts as a write from outside this tick: the next tick looks at those customers.
      if (approve) {
        result.autopilotApproved = await approveDueAutopilot(db, { now, today, settings }, approve);
      }
    }
    if ((await maxEventId(db)) !== expectedEventId) foreignWrites = true;
    seenEventId = foreignWrites ? lastEventId : expectedEventId;
    seenDay = today;
    return result;
  }

  return {
    tick(options = {}) {
      const next = chain.then(() => run(options));
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
