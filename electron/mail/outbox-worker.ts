/**
 * Drains the outbox, at most once per message.
 *
 * At-most-once, not at-least-once: a reminder that arrives twice does more harm than one the
 * owner is asked about. So a message is claimed (`sending`) and that claim committed before
 * the SMTP conversation starts. If the process dies mid-send, the claim survives; at the next
 * start `recoverInterrupted` turns it into `uncertain`, and it is never resent without the
 * owner checking their Sent folder and choosing "it was sent" or "send again".
 *
 * Outcomes: sent; a 4xx → retrying with backoff (1, 5, 15, 60 min, then hourly, for 3 days)
 * → failed; a 5xx → failed at once with the server's words; offline or unreachable → waiting,
 * tried again every minute without using up the backoff; connection broken after the message
 * was handed over → uncertain.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/dates';
import { nextRetryAt } from '../../shared/mail/backoff';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import type { Logger } from '../logger';
import type { SendingAccount } from './account';
import { openSession, type SendOutcome, type SmtpSession } from './smtp-send';

const offlineRetryMs = 60_000;
const accountRetryMs = 15 * 60_000;
const dueStates = ['queued', 'waiting', 'retrying'] as const;

export interface OutboxWorker {
  /** Turns messages left `sending` by a dead process into `uncertain`. Run once at start. */
  recoverInterrupted(): Promise<number>;
  /** Sends everything due now; resolves when the outbox has nothing due. */
  drain(): Promise<{ sent: number; other: number }>;
  /** Starts draining in the background: now, on `kick`, and every 30 s. */
  start(): void;
  kick(): void;
  /** The account changed: messages waiting on it are due now. */
  accountChanged(): Promise<void>;
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: {
  db: Kysely<DB>;
  clock: Clock;
  account: () => Promise<SendingAccount | null>;
  log: Logger;
  everyMs?: number;
}): OutboxWorker {
  const { db, clock, log } = deps;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let pending = false;
  /** Only a started worker sends in the background; tests call `drain` themselves. */
  let started = false;

  async function nextDue() {
    const now = clock.now().toISOString();
    return db
      .selectFrom('outbox')
      .select([
        'id',
        'customer_id',
        'to_address',
        'cc',
        'raw',
        'attempts',
        'first_tried_at',
        'state',
      ])
      .where('state', 'in', [...dueStates])
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** Claims the message for this sender: committed before a byte goes to the server. */
  async function claim(id: number): Promise<boolean> {
    const now = clock.now().toISOString();
    const result = await db
      .updateTable('outbox')
      .set((eb) => ({
        state: 'sending',
        attempts: eb('attempts', '+', 1),
        first_tried_at: eb.fn.coalesce('first_tried_at', eb.val(now)),
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('state', 'in', [...dueStates])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function record(
    message: { id: number; customer_id: number; attempts: number; first_tried_at: string | null },
    outcome: SendOutcome,
    waitMs = offlineRetryMs,
  ) {
    const now = clock.now();
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      if (outcome.kind === 'sent') {
        await trx
          .updateTable('outbox')
          .set({
            state: 'sent',
            sent_at: at,
            response: outcome.response,
            last_error: null,
            next_attempt_at: null,
            updated_at: at,
          })
          .where('id', '=', message.id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'outbox.sent',
          summary: 'Email sent.',
          details: { outboxId: message.id, response: outcome.response, accepted: outcome.accepted },
          customerId: message.customer_id,
        });
        return;
      }
      const attempts = message.attempts + 1;
      if (outcome.kind === 'offline') {
        await trx
          .updateTable('outbox')
          .set({
            state: 'waiting',
            // Waiting for the network does not use up the message's tries.
            attempts: message.attempts,
            last_error: outcome.reason,
            next_attempt_at: new Date(now.getTime() + waitMs).toISOString(),
            updated_at: at,
          })
          .where('id', '=', message.id)
          .execute();
        return;
      }
      if (outcome.kind === 'retry') {
        const first = new Date(message.first_tried_at ?? at);
        const next = nextRetryAt(first, attempts, now);
        await trx
          .updateTable('outbox')
          .set({
            state: next ? 'retrying' : 'failed',
            last_error: next ? outcome.reason : `${outcome.reason} Tried for 3 days; giving up.`,
            next_attempt_at: next?.toISOString() ?? null,
            updated_at: at,
          })
          .where('id', '=', message.id)
          .execute();
        if (!next) {
          await appendEvent(trx, {
            occurredAt: now,
            kind: 'outbox.failed',
            summary: `An email could not be sent: ${outcome.reason}`,
            details: { outboxId: message.id, reason: outcome.reason },
            customerId: message.customer_id,
          });
        }
        return;
      }
      await trx
        .updateTable('outbox')
        .set({
          state: outcome.kind,
          last_error: outcome.reason,
          next_attempt_at: null,
          updated_at: at,
        })
        .where('id', '=', message.id)
        .execute();
      await appendEvent(trx, {
        occurredAt: now,
        kind: outcome.kind === 'failed' ? 'outbox.failed' : 'outbox.uncertain',
        summary:
          outcome.kind === 'failed'
            ? `An email could not be sent: ${outcome.reason}`
            : 'An email may or may not have gone: please check your Sent folder.',
        details: { outboxId: message.id, reason: outcome.reason },
        customerId: message.customer_id,
      });
    });
  }

  async function drainOnce(): Promise<{ sent: number; other: number; connected: boolean }> {
    const counts = { sent: 0, other: 0, connected: true };
    let first = await nextDue();
    if (!first) return counts;
    const account = await deps.account();
    if (!account) return counts;
    const opened = await openSession(account.smtp);
    if (!opened.ok) {
      // Nothing was handed over: the connection's trouble applies to the first due message
      // (its state shows the reason) and the rest wait their turn. A refused password or a
      // TLS mismatch is the account's fault, not the message's: it waits (a quarter of an
      // hour, so the provider does not see a stream of failed logins) until the account is
      // put right, which sends it at once.
      counts.connected = false;
      if (await claim(first.id)) {
        const outcome: SendOutcome =
          opened.outcome.kind === 'failed'
            ? { kind: 'offline', reason: opened.outcome.reason }
            : opened.outcome;
        await record(
          first,
          outcome,
          opened.outcome.kind === 'failed' ? accountRetryMs : offlineRetryMs,
        );
        counts.other += 1;
      }
      return counts;
    }
    const session: SmtpSession = opened.session;
    try {
      while (first && !stopped) {
        const message = first;
        if (!(await claim(message.id))) {
          first = await nextDue();
          continue;
        }
        const outcome = message.raw
          ? await session.send(
              {
                from: account.from.address,
                to: [
                  message.to_address,
                  ...(JSON.parse(message.cc) as string[]),
                  ...(account.bccSelf ? [account.from.address] : []),
                ],
              },
              message.raw,
            )
          : ({ kind: 'failed', reason: 'The message was never composed.' } as const);
        await record(message, outcome);
        if (outcome.kind === 'sent') counts.sent += 1;
        else counts.other += 1;
        // A broken connection ends this round; the next one opens a fresh connection.
        if (outcome.kind === 'uncertain' || outcome.kind === 'offline' || !session.usable) break;
        first = await nextDue();
      }
    } finally {
      session.close();
    }
    return counts;
  }

  async function drain() {
    const total = { sent: 0, other: 0 };
    for (;;) {
      const round = await drainOnce();
      total.sent += round.sent;
      total.other += round.other;
      // No connection could be made: trying it again at once for the next message would only
      // repeat the failure (and a wrong password, once per message, at the provider).
      if (round.sent + round.other === 0 || !round.connected || stopped) return total;
    }
  }

  function kick() {
    if (stopped || !started) return;
    if (pending) return;
    pending = true;
    running = running
      .then(async () => {
        pending = false;
        await drain();
      })
      .catch((error: unknown) => {
        pending = false;
        log.error('The outbox could not be sent', error);
      });
  }

  return {
    async recoverInterrupted() {
      const now = clock.now();
      const stuck = await db
        .selectFrom('outbox')
        .select(['id', 'customer_id'])
        .where('state', '=', 'sending')
        .execute();
      if (stuck.length === 0) return 0;
      await db.transaction().execute(async (trx) => {
        for (const message of stuck) {
          await trx
            .updateTable('outbox')
            .set({
              state: 'uncertain',
              last_error:
                'Goodwill stopped while this email was being sent; it may or may not have gone.',
              updated_at: now.toISOString(),
            })
            .where('id', '=', message.id)
            .where('state', '=', 'sending')
            .execute();
          await appendEvent(trx, {
            occurredAt: now,
            kind: 'outbox.uncertain',
            summary:
              'An email may or may not have gone (Goodwill stopped while sending): please check your Sent folder.',
            details: { outboxId: message.id },
            customerId: message.customer_id,
          });
        }
      });
      return stuck.length;
    },
    drain,
    async accountChanged() {
      await db
        .updateTable('outbox')
        .set({ next_attempt_at: null })
        .where('state', '=', 'waiting')
        .execute();
      kick();
    },
    start() {
      started = true;
      kick();
      timer = setInterval(kick, deps.everyMs ?? 30_000);
      timer.unref();
    },
    kick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
