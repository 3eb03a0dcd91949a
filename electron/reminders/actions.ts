/**
 * What the owner (or autopilot) does with a queue item, each inside the caller's transaction
 * with its timeline event: approve a message (it becomes a contact when it may go), skip a
 * step with a reason, snooze it, or log the call it asked for.
 */
import type { Transaction } from 'kysely';
import { formatCalendarDate } from '../../shared/date-format';
import { stepNames, type StepKey } from '../../shared/reminders/ladder';
import { contactKind } from '../../shared/reminders/readiness';
import { appendEvent } from '../db/events.repository';
import type { CallOutcome, DB } from '../db/schema';

export interface ItemRow {
  id: number;
  customer_id: number;
  step: string;
  episode: number;
  ref: number;
  channel: string;
  status: string;
}

const outcomeWords: Record<CallOutcome, string> = {
  reached: 'reached them',
  no_answer: 'no answer',
  voicemail: 'left a voicemail',
  promised: 'they promised to pay',
  disputed: 'they disputed it',
  wrong_number: 'wrong number',
};

function nameOf(step: string): string {
  return stepNames[step as StepKey] ?? step;
}

export async function approveItem(
  trx: Transaction<DB>,
  item: ItemRow,
  options: { now: Date; sendAfter: Date; note?: string | undefined; autopilot: boolean },
): Promise<void> {
  const { now, sendAfter } = options;
  await trx
    .updateTable('reminder_items')
    .set({
      status:
        contactKind(item.step as StepKey, item.channel as never) === 'message'
          ? 'approved'
          : 'done',
      acted_at: now.toISOString(),
      send_after: sendAfter.toISOString(),
      act_note: options.note ?? '',
    })
    .where('id', '=', item.id)
    .execute();
  const kind = contactKind(item.step as StepKey, item.channel as never);
  if (kind === 'message') {
    await trx
      .insertInto('contacts')
      .values({
        customer_id: item.customer_id,
        channel: item.channel as 'email' | 'letter' | 'letter_email',
        occurred_at: sendAfter.toISOString(),
        item_id: item.id,
        step: item.step,
        note: options.note ?? '',
        created_at: now.toISOString(),
      })
      .execute();
  }
  const later = sendAfter.getTime() > now.getTime();
  const who = options.autopilot ? 'Autopilot approved' : 'Approved';
  const summary =
    kind === 'message'
      ? `${who} the ${nameOf(item.step)}${later ? `; it goes when the contact window opens (${sendAfter.toISOString()})` : ''}.`
      : `Noted: ${nameOf(item.step)}${options.note ? ` (${options.note})` : ''}.`;
  await appendEvent(trx, {
    occurredAt: now,
    kind: kind === 'message' ? 'reminders.approved' : 'reminders.done',
    summary,
    details: {
      itemId: item.id,
      step: item.step,
      episode: item.episode,
      sendAfter: sendAfter.toISOString(),
      autopilot: options.autopilot,
    },
    customerId: item.customer_id,
  });
}

export async function skipItem(
  trx: Transaction<DB>,
  item: ItemRow,
  options: { now: Date; reason: string },
): Promise<void> {
  await trx
    .updateTable('reminder_items')
    .set({ status: 'skipped', acted_at: options.now.toISOString(), act_note: options.reason })
    .where('id', '=', item.id)
    .execute();
  await appendEvent(trx, {
    occurredAt: options.now,
    kind: 'reminders.skipped',
    summary: `Skipped the ${nameOf(item.step)}: ${options.reason}`,
    details: { itemId: item.id, step: item.step, episode: item.episode, reason: options.reason },
    customerId: item.customer_id,
  });
}

export async function snoozeItem(
  trx: Transaction<DB>,
  item: ItemRow,
  options: { now: Date; until: string; locale: string },
): Promise<void> {
  await trx
    .updateTable('reminder_items')
    .set({ snoozed_until: options.until })
    .where('id', '=', item.id)
    .execute();
  await appendEvent(trx, {
    occurredAt: options.now,
    kind: 'reminders.snoozed',
    summary: `Snoozed the ${nameOf(item.step)} until ${formatCalendarDate(options.until, options.locale)}.`,
    details: { itemId: item.id, step: item.step, until: options.until },
    customerId: item.customer_id,
  });
}

/** Records a call made, whether or not a queue item asked for it. */
export async function recordCall(
  trx: Transaction<DB>,
  call: {
    customerId: number;
    outcome: CallOutcome;
    note: string;
    now: Date;
    item: ItemRow | null;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('contacts')
    .values({
      customer_id: call.customerId,
      channel: 'call',
      occurred_at: call.now.toISOString(),
      item_id: call.item?.id ?? null,
      step: call.item?.step ?? null,
      outcome: call.outcome,
      note: call.note,
      created_at: call.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (call.item) {
    await trx
      .updateTable('reminder_items')
      .set({ status: 'done', acted_at: call.now.toISOString(), act_note: call.note })
      .where('id', '=', call.item.id)
      .execute();
  }
  await appendEvent(trx, {
    occurredAt: call.now,
    kind: 'contacts.call_logged',
    summary: `Called: ${outcomeWords[call.outcome]}${call.note ? ` (${call.note})` : ''}.`,
    details: { contactId: id, outcome: call.outcome, itemId: call.item?.id ?? null },
    customerId: call.customerId,
  });
  return id;
}
