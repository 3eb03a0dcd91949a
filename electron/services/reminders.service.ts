/**
 * Reminders: the Today queue and what the owner does with it, the ladder and guardrails,
 * a customer's own ladder, and pausing one invoice. The queue is brought up to date by the
 * engine before it is read, so a payment recorded a moment ago is already reflected.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type {
  ActResult,
  CustomerReminders,
  ReminderAction,
  ReminderPolicy,
} from '../../shared/api/reminders';
import { addDays, calendarDateIn, type CalendarDate, type Clock } from '../../shared/dates';
import { formatCalendarDate } from '../../shared/date-format';
import { instantAt } from '../../shared/reminders/contact-window';
import { defaultGuardrails } from '../../shared/reminders/guardrails';
import {
  defaultLadder,
  type Ladder,
  type StepChannel,
  type StepKey,
} from '../../shared/reminders/ladder';
import { planCustomer } from '../../shared/reminders/policy';
import { groupOf, type QueueItem, type ReminderQueue } from '../../shared/reminders/queue';
import { readiness } from '../../shared/reminders/readiness';
import type { Settings } from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import { openItems } from '../db/reminders.repository';
import type { DB } from '../db/schema';
import { approveItem, skipItem, snoozeItem } from '../reminders/actions';
import type { ReminderEngine } from '../reminders/engine';
import { readPolicy, writePolicy } from '../reminders/policy-settings';
import { buildQueue, stepTitle } from '../reminders/queue-builder';
import { customersWithOpenBusiness } from '../db/reminders.repository';
import { loadSituations } from '../reminders/situations';
import { summarise } from '../reminders/item-summary';
import { requireCustomer } from './lookups';
import type { PromisesService } from './promises.service';
import type { DisputesService } from './disputes.service';
import type { ContactsService } from './contacts.service';
import type { DocumentsService } from './documents.service';
import type { LettersService } from './letters.service';
import type { OutboxWorker } from '../mail/outbox-worker';
import { insertOutboxMessage } from '../mail/outbox.repository';
import { prepareMessage } from '../mail/prepare';
import type { PlansService } from './plans.service';
import { occasionForStep } from '../../shared/letters/occasions';
import { needsSendAnyway } from '../../shared/letters/tone';
import type { ItemRow } from '../reminders/actions';

const approvedWords = {
  queued: 'Approved: it is in the Outbox',
  draft:
    'Approved: no mail account is set up, so save it from the Outbox and send it from your own mail program',
  paper: 'Approved: print the letter and post it',
  no_email: 'Approved: this customer has no email address, so print the letter and post it',
  none: 'Approved',
} as const;

export interface RemindersService {
  /** Autopilot: approves a ready item as the owner would (not in the API). */
  approveAutomatically(item: ItemRow): Promise<boolean>;
  queue(input: { date?: CalendarDate | undefined }): Promise<ReminderQueue>;
  act(input: ReminderAction): Promise<ActResult>;
  policy(): Promise<ReminderPolicy>;
  updatePolicy(input: {
    ladder?: Ladder | undefined;
    guardrails?: ReminderPolicy['guardrails'] | undefined;
  }): Promise<ReminderPolicy>;
  resetPolicy(): Promise<ReminderPolicy>;
  setCustomerLadder(input: {
    customerId: number;
    mode: 'business' | 'custom' | 'none';
    ladder?: Ladder | undefined;
  }): Promise<{ customerId: number; mode: 'business' | 'custom' | 'none'; ladder: Ladder | null }>;
  customer(input: { customerId: number }): Promise<CustomerReminders>;
  explain(input: { customerId: number }): Promise<{
    customerId: number;
    date: CalendarDate;
    items: QueueItem[];
    why: string[];
  }>;
  pauseInvoice(input: { invoiceId: number; until: CalendarDate; reason: string }): Promise<{
    invoiceId: number;
    until: CalendarDate | null;
    reason: string;
  }>;
  resumeInvoice(input: { invoiceId: number }): Promise<{
    invoiceId: number;
    until: CalendarDate | null;
    reason: string;
  }>;
}

export function createRemindersService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: () => Promise<Settings>;
  engine: ReminderEngine;
  promises: () => PromisesService;
  disputes: () => DisputesService;
  contacts: () => ContactsService;
  letters: () => LettersService;
  documents: () => DocumentsService;
  outbox: OutboxWorker;
  /** A plan's confirmation carries its agreement PDF. */
  plans?: () => PlansService;
}): RemindersService {
  const { db, clock, engine } = deps;

  async function moment() {
    const settings = await deps.settings();
    const now = clock.now();
    return { settings, now, today: calendarDateIn(now, settings.timeZone) };
  }

  async function preview(date: CalendarDate): Promise<ReminderQueue> {
    const { settings } = await moment();
    const policy = await readPolicy(db);
    // A day ahead (or back) is judged at the opening of the business's contact window.
    const now = instantAt(date, settings.contactWindow.start, settings.timeZone);
    const situations = await loadSituations(db, await customersWithOpenBusiness(db), {
      today: date,
      now,
      businessTimeZone: settings.timeZone,
      businessLadder: policy.ladder,
    });
    const items: QueueItem[] = [];
    const context = {
      today: date,
      locale: settings.locale,
      promiseGraceDays: policy.guardrails.promiseGraceDays,
    };
    for (const { situation } of situations.values()) {
      const { proposal } = planCustomer(situation, context);
      if (proposal.kind !== 'step') continue;
      const summary = summarise(situation, proposal.invoiceIds, date);
      const check = readiness(proposal, situation, {
        now,
        today: date,
        window: settings.contactWindow,
        guardrails: policy.guardrails,
        locale: settings.locale,
      });
      items.push({
        id: null,
        customerId: situation.customerId,
        customerName: situation.customerName,
        step: proposal.step,
        stepName: stepTitle(proposal.step, policy),
        group: groupOf(proposal.step, proposal.channel),
        channel: proposal.channel,
        episode: proposal.episode,
        status: check.status,
        why: [...proposal.why, ...check.why],
        readyAt: check.status === 'waiting' && check.readyAt ? check.readyAt.toISOString() : null,
        snoozedUntil: null,
        autopilot: proposal.autopilot,
        invoices: summary.invoices,
        invoiceCount: summary.invoiceCount,
        openTotals: summary.openTotals,
        skipped: proposal.skipped,
        promise: null,
      });
    }
    return { date, now: now.toISOString(), preview: true, items };
  }

  /**
   * Approves a message step: the letter is drafted and composed first (reads only), then the
   * approval, the contact and the outbox message are written in one transaction, and the
   * outbox is told there is work. Returns how the message goes: the outbox, a draft for the
   * owner's mail program, or on paper.
   */
  async function approveWithMessage(
    row: ItemRow,
    options: {
      now: Date;
      sendAfter: Date;
      note?: string | undefined;
      autopilot: boolean;
      sendAnyway?: boolean | undefined;
      settings: Settings;
    },
  ): Promise<'queued' | 'draft' | 'paper' | 'no_email' | 'none'> {
    const occasion = occasionForStep(row.step as StepKey);
    if (occasion && !options.sendAnyway) {
      // Words that can read as a threat go only when the owner has seen them and said so.
      const draft = await deps
        .letters()
        .draft({ customerId: row.customer_id, occasion, itemId: row.id });
      if (needsSendAnyway(draft.tone)) {
        const worst = draft.tone.findings
          .filter((f) => f.severity === 'high')
          .map((f) => `"${f.text}" (${f.why})`);
        throw new AppError(
          'conflict',
          `The letter has wording that can read as a threat: ${worst.join('; ')}. Edit the letter, or approve it with "send anyway".`,
          'sendAnyway',
        );
      }
    }
    const customer = await db
      .selectFrom('customers')
      .select('email')
      .where('id', '=', row.customer_id)
      .executeTakeFirstOrThrow();
    // No address to write to: the step is still taken, on paper, and the owner is told so.
    const noEmail = customer.email.trim() === '';
    const emailed = !noEmail && (row.channel === 'email' || row.channel === 'letter_email');
    const prepared =
      occasion && emailed
        ? await prepareMessage(
            {
              db,
              letters: deps.letters(),
              documents: deps.documents(),
              planAgreement: deps.plans ? (planId) => deps.plans!().agreement(planId) : undefined,
              settings: options.settings,
            },
            {
              customerId: row.customer_id,
              occasion,
              itemId: row.id,
              now: options.now,
              notBefore: options.sendAfter,
              withLetter: row.channel === 'letter_email',
            },
          )
        : null;
    await db.transaction().execute(async (trx) => {
      await approveItem(trx, row, options);
      if (prepared) await insertOutboxMessage(trx, prepared, options.now);
    });
    if (prepared) deps.outbox.kick();
    if (prepared) return prepared.state;
    if (!occasion) return 'none';
    return noEmail && row.channel !== 'letter' ? 'no_email' : 'paper';
  }

  async function requireOpenItem(itemId: number) {
    const [row] = await openItems(db, itemId);
    if (!row) throw new AppError('not_found', `There is no queue item ${itemId}.`, 'itemId');
    if (row.status !== 'open') {
      throw new AppError(
        'conflict',
        `That step was already ${row.status === 'done' ? 'dealt with' : row.status}; it happens only once.`,
        'itemId',
      );
    }
    return row;
  }

  return {
    async approveAutomatically(item) {
      const settings = await deps.settings();
      const now = clock.now();
      try {
        await approveWithMessage(item, { now, sendAfter: now, autopilot: true, settings });
        return true;
      } catch (error) {
        // Autopilot never sends what the owner would be asked about: the item waits for them.
        if (error instanceof AppError && error.code === 'conflict') return false;
        throw error;
      }
    },

    async queue(input) {
      const { settings, now, today } = await moment();
      if (input.date && input.date !== today) return preview(input.date);
      await engine.tick();
      const policy = await readPolicy(db);
      const items = await buildQueue(db, { now, today, settings, policy });
      return { date: today, now: now.toISOString(), preview: false, items };
    },

    async act(input) {
      // The queue item must reflect the ledger as it is now before anything is done with it.
      await engine.tick();
      const { settings, now, today } = await moment();
      const row = await requireOpenItem(input.itemId);
      const policy = await readPolicy(db);
      const step = row.step as StepKey;
      const channel = row.channel as StepChannel;
      const result = (
        status: ActResult['status'],
        message: string,
        sendAfter: Date | null = null,
      ) => ({
        itemId: row.id,
        customerId: row.customer_id,
        status,
        sendAfter: sendAfter ? sendAfter.toISOString() : null,
        message,
      });

      if (input.action === 'skip') {
        await db.transaction().execute((trx) => skipItem(trx, row, { now, reason: input.reason }));
        return result('skipped', `Skipped: ${input.reason}`);
      }
      if (input.action === 'snooze') {
        if (input.until <= today) {
          throw new AppError('invalid_input', 'Snooze until a later day than today.', 'until');
        }
        if (input.until > addDays(today, 90)) {
          throw new AppError('invalid_input', 'Snooze for at most 90 days.', 'until');
        }
        await db
          .transaction()
          .execute((trx) =>
            snoozeItem(trx, row, { now, until: input.until, locale: settings.locale }),
          );
        return result(
          'snoozed',
          `Snoozed until ${formatCalendarDate(input.until, settings.locale)}.`,
        );
      }
      if (input.action === 'log_call') {
        if (channel !== 'call') {
          throw new AppError(
            'invalid_input',
            'Only a call step is done by logging a call.',
            'action',
          );
        }
        await deps.contacts().record(
          {
            customerId: row.customer_id,
            outcome: input.outcome,
            note: input.note,
            promise: input.promise,
          },
          row,
        );
        return result('done', 'Call logged.');
      }

      // approve
      if (channel === 'call') {
        throw new AppError(
          'invalid_input',
          'A call is done by logging its outcome (log_call), not approved.',
          'action',
        );
      }
      const [loaded] = (
        await loadSituations(db, [row.customer_id], {
          today,
          now,
          businessTimeZone: settings.timeZone,
          businessLadder: policy.ladder,
        })
      ).values();
      const check = readiness({ step, channel }, loaded!.situation, {
        now,
        today,
        window: settings.contactWindow,
        guardrails: policy.guardrails,
        locale: settings.locale,
      });
      const sendAfter = check.status === 'ready' ? now : check.readyAt;
      if (!sendAfter) {
        throw new AppError(
          'conflict',
          'This customer cannot be contacted at any hour: the contact window has no hours.',
          'itemId',
        );
      }
      const queued = await approveWithMessage(row, {
        now,
        sendAfter,
        note: input.note,
        autopilot: false,
        sendAnyway: input.sendAnyway,
        settings,
      });
      const later = sendAfter.getTime() > now.getTime();
      return result(
        channel === 'decision' ? 'done' : 'approved',
        channel === 'decision'
          ? 'Noted.'
          : `${approvedWords[queued]}${later ? `, and goes when it may (${check.why.filter((w) => w !== 'Ready.').join(' ')})` : ''}.`,
        channel === 'decision' ? null : sendAfter,
      );
    },

    policy: () => readPolicy(db),

    async updatePolicy(input) {
      const current = await readPolicy(db);
      const next = {
        ladder: input.ladder ?? current.ladder,
        guardrails: input.guardrails ?? current.guardrails,
      };
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await writePolicy(trx, next, now);
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'reminders.policy_updated',
          summary: 'The reminder ladder and guardrails were changed.',
          details: { before: current, after: next },
        });
      });
      return readPolicy(db);
    },

    async resetPolicy() {
      const current = await readPolicy(db);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('reminder_settings').execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'reminders.policy_reset',
          summary: 'The reminder ladder and guardrails are back to the defaults.',
          details: {
            before: current,
            after: { ladder: defaultLadder, guardrails: defaultGuardrails },
          },
        });
      });
      return readPolicy(db);
    },

    async setCustomerLadder(input) {
      const customer = await requireCustomer(db, input.customerId);
      const now = clock.now();
      const ladder = input.mode === 'custom' ? (input.ladder ?? null) : null;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('customers')
          .set({
            reminders_mode: input.mode,
            reminders_ladder: ladder ? JSON.stringify(ladder) : null,
            updated_at: now.toISOString(),
          })
          .where('id', '=', customer.id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'customer.ladder_changed',
          summary:
            input.mode === 'none'
              ? 'Reminders turned off for this customer.'
              : input.mode === 'custom'
                ? 'This customer now has their own reminder ladder.'
                : "This customer follows the business's reminder ladder.",
          details: {
            before: { mode: customer.reminders_mode, ladder: customer.reminders_ladder },
            after: { mode: input.mode, ladder },
          },
          customerId: customer.id,
        });
      });
      return { customerId: customer.id, mode: input.mode, ladder };
    },

    async customer(input) {
      const customer = await requireCustomer(db, input.customerId);
      const { today } = await moment();
      const paused = await db
        .selectFrom('invoices')
        .select(['id', 'number', 'chase_paused_until', 'chase_pause_reason'])
        .where('customer_id', '=', customer.id)
        .where('voided_at', 'is', null)
        .where('chase_paused_until', '>=', today)
        .orderBy('chase_paused_until')
        .orderBy('id')
        .execute();
      return {
        customerId: customer.id,
        mode: customer.reminders_mode,
        ladder:
          customer.reminders_mode === 'custom' && customer.reminders_ladder
            ? (JSON.parse(customer.reminders_ladder) as Ladder)
            : null,
        pausedInvoices: paused.map((row) => ({
          invoiceId: row.id,
          number: row.number,
          until: row.chase_paused_until!,
          reason: row.chase_pause_reason,
        })),
      };
    },

    async explain(input) {
      await requireCustomer(db, input.customerId);
      await engine.tick();
      const { settings, now, today } = await moment();
      const policy = await readPolicy(db);
      const items = (await buildQueue(db, { now, today, settings, policy })).filter(
        (item) => item.customerId === input.customerId,
      );
      const [loaded] = (
        await loadSituations(db, [input.customerId], {
          today,
          now,
          businessTimeZone: settings.timeZone,
          businessLadder: policy.ladder,
        })
      ).values();
      const { proposal } = planCustomer(loaded!.situation, {
        today,
        locale: settings.locale,
        promiseGraceDays: policy.guardrails.promiseGraceDays,
      });
      return { customerId: input.customerId, date: today, items, why: proposal.why };
    },

    async pauseInvoice(input) {
      const { settings, now, today } = await moment();
      const invoice = await db
        .selectFrom('invoices')
        .select([
          'id',
          'number',
          'customer_id',
          'chase_paused_until',
          'chase_pause_reason',
          'voided_at',
          'is_draft',
          'settled_amount',
          'total_amount',
        ])
        .where('id', '=', input.invoiceId)
        .executeTakeFirst();
      if (!invoice) {
        throw new AppError('not_found', `There is no invoice ${input.invoiceId}.`, 'invoiceId');
      }
      if (input.until < today) {
        throw new AppError('invalid_input', 'A pause ends today or later.', 'until');
      }
      if (invoice.voided_at || invoice.is_draft || invoice.settled_amount >= invoice.total_amount) {
        throw new AppError(
          'conflict',
          `Invoice ${invoice.number} has nothing open to chase.`,
          'invoiceId',
        );
      }
      if (input.until > addDays(today, 366)) {
        throw new AppError('invalid_input', 'Pause for at most a year.', 'until');
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('invoices')
          .set({ chase_paused_until: input.until, chase_pause_reason: input.reason })
          .where('id', '=', invoice.id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'invoice.chasing_paused',
          summary: `Chasing of invoice ${invoice.number} paused until ${formatCalendarDate(input.until, settings.locale)}: ${input.reason}`,
          details: {
            invoiceId: invoice.id,
            before: { until: invoice.chase_paused_until, reason: invoice.chase_pause_reason },
            after: { until: input.until, reason: input.reason },
          },
          customerId: invoice.customer_id,
        });
      });
      return { invoiceId: invoice.id, until: input.until, reason: input.reason };
    },

    async resumeInvoice(input) {
      const { now, today } = await moment();
      const invoice = await db
        .selectFrom('invoices')
        .select(['id', 'number', 'customer_id', 'chase_paused_until', 'chase_pause_reason'])
        .where('id', '=', input.invoiceId)
        .executeTakeFirst();
      if (!invoice) {
        throw new AppError('not_found', `There is no invoice ${input.invoiceId}.`, 'invoiceId');
      }
      if (!invoice.chase_paused_until || invoice.chase_paused_until < today) {
        throw new AppError(
          'conflict',
          `Chasing of invoice ${invoice.number} is not paused.`,
          'invoiceId',
        );
      }
      // The pause ends yesterday, so the ladder knows a pause ended and resumes, never jumps.
      const ended = addDays(today, -1);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('invoices')
          .set({ chase_paused_until: ended })
          .where('id', '=', invoice.id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'invoice.chasing_resumed',
          summary: `Chasing of invoice ${invoice.number} resumed.`,
          details: {
            invoiceId: invoice.id,
            before: { until: invoice.chase_paused_until },
            after: { until: ended },
          },
          customerId: invoice.customer_id,
        });
      });
      return { invoiceId: invoice.id, until: ended, reason: invoice.chase_pause_reason };
    },
  };
}
