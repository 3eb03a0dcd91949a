/** The business's reminder policy as stored: the defaults until the owner edits them. */
import type { Kysely, Transaction } from 'kysely';
import type { ReminderPolicy } from '../../shared/api/reminders';
import { defaultGuardrails, type Guardrails } from '../../shared/reminders/guardrails';
import { defaultLadder, type Ladder } from '../../shared/reminders/ladder';
import type { DB } from '../db/schema';

export async function readPolicy(db: Kysely<DB> | Transaction<DB>): Promise<ReminderPolicy> {
  const row = await db
    .selectFrom('reminder_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) return { ladder: defaultLadder, guardrails: defaultGuardrails, customised: false };
  return {
    ladder: JSON.parse(row.ladder) as Ladder,
    guardrails: {
      minGapDays: row.min_gap_days,
      messagesPer7Days: row.messages_per_7_days,
      callsPer7Days: row.calls_per_7_days,
      promiseGraceDays: row.promise_grace_days,
    },
    customised: true,
  };
}

export async function writePolicy(
  trx: Transaction<DB>,
  policy: { ladder: Ladder; guardrails: Guardrails },
  at: Date,
): Promise<void> {
  const values = {
    ladder: JSON.stringify(policy.ladder),
    min_gap_days: policy.guardrails.minGapDays,
    messages_per_7_days: policy.guardrails.messagesPer7Days,
    calls_per_7_days: policy.guardrails.callsPer7Days,
    promise_grace_days: policy.guardrails.promiseGraceDays,
    updated_at: at.toISOString(),
  };
  await trx
    .insertInto('reminder_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
