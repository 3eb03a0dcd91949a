/**
 * Autopilot (off by default, per step): an open item whose step runs on autopilot is approved
 * by itself, but only once it is ready — inside the customer's contact window, after the gap,
 * under the cap — exactly as the owner would find it in the queue.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import type { StepChannel, StepKey } from '../../shared/reminders/ladder';
import { readiness } from '../../shared/reminders/readiness';
import type { Settings } from '../../shared/settings';
import type { DB } from '../db/schema';
import type { ItemRow } from './actions';
import { readPolicy } from './policy-settings';
import { loadSituations } from './situations';

export async function approveDueAutopilot(
  db: Kysely<DB>,
  context: { now: Date; today: CalendarDate; settings: Settings },
  /** Approves one item the way the owner would; false when it must wait for the owner. */
  approve: (item: ItemRow) => Promise<boolean>,
): Promise<number> {
  const { now, today, settings } = context;
  const items = await db
    .selectFrom('reminder_items')
    .select(['id', 'customer_id', 'step', 'episode', 'ref', 'channel', 'status', 'snoozed_until'])
    .where('status', '=', 'open')
    .where('autopilot', '=', 1)
    .execute();
  const due = items.filter((item) => !item.snoozed_until || item.snoozed_until < today);
  if (due.length === 0) return 0;
  const policy = await readPolicy(db);
  const situations = await loadSituations(db, [...new Set(due.map((i) => i.customer_id))], {
    today,
    now,
    businessTimeZone: settings.timeZone,
    businessLadder: policy.ladder,
  });
  let approved = 0;
  for (const item of due) {
    const loaded = situations.get(item.customer_id);
    if (!loaded) continue;
    const check = readiness(
      { step: item.step as StepKey, channel: item.channel as StepChannel },
      loaded.situation,
      {
        now,
        today,
        window: settings.contactWindow,
        guardrails: policy.guardrails,
        locale: settings.locale,
      },
    );
    if (check.status !== 'ready') continue;
    if (!(await approve(item))) continue;
    // The contact just made counts for this customer's next item in the same run.
    loaded.situation.contacts.unshift({ at: now, channel: 'message' });
    approved += 1;
  }
  return approved;
}
