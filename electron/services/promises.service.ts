/**
 * Promises to pay: made on a call, by email or in person; they pause chasing until their
 * date plus the grace days. The scheduler marks them kept when payments cover them, or
 * broken once the grace has passed, and the ladder then resumes gently.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { CreatePromise, PromiseView } from '../../shared/api/reminders';
import { addDays, calendarDateIn, type Clock } from '../../shared/dates';
import { formatCalendarDate } from '../../shared/date-format';
import { formatMoney } from '../../shared/money';
import { promiseState } from '../../shared/reminders/policy';
import type { Settings } from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import { promiseFacts } from '../db/reminders.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import { readPolicy } from '../reminders/policy-settings';
import { requireCustomer } from './lookups';

/** A promise checked against the ledger, ready to insert. */
export interface CheckedPromise extends CreatePromise {
  madeOn: string;
  locale: string;
}

export interface PromisesService {
  create(input: CreatePromise): Promise<PromiseView>;
  cancel(input: { promiseId: number; reason?: string | undefined }): Promise<PromiseView>;
  list(input: { customerId: number }): Promise<PromiseView[]>;
  /** Checks a promise before a transaction (date not past, amount within the balance). */
  check(input: CreatePromise, field?: string): Promise<CheckedPromise>;
  /** Writes a checked promise inside the caller's transaction. */
  insert(trx: Transaction<DB>, promise: CheckedPromise, now: Date): Promise<number>;
}

export function createPromisesService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: () => Promise<Settings>;
}): PromisesService {
  const { db, clock } = deps;

  async function view(id: number): Promise<PromiseView> {
    const row = await db.selectFrom('promises').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `There is no promise ${id}.`, 'promiseId');
    return (await list(row.customer_id)).find((p) => p.id === id)!;
  }

  async function list(customerId: number): Promise<PromiseView[]> {
    const settings = await deps.settings();
    const policy = await readPolicy(db);
    const today = calendarDateIn(clock.now(), settings.timeZone);
    const rows = await db
      .selectFrom('promises')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('made_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const paid = new Map(
      (await promiseFacts(db, [customerId], '0000-01-01')).map((p) => [p.id, minorFromSql(p.paid)]),
    );
    return rows.map((row) => {
      const state =
        row.outcome === 'cancelled'
          ? 'cancelled'
          : promiseState(
              {
                id: row.id,
                date: row.date,
                amount: row.amount,
                currency: row.currency,
                paid: paid.get(row.id) ?? 0,
                outcome: row.outcome,
              },
              {
                today,
                promiseGraceDays: policy.guardrails.promiseGraceDays,
                locale: settings.locale,
              },
            );
      return {
        id: row.id,
        customerId: row.customer_id,
        madeOn: row.made_on,
        date: row.date,
        amount: row.amount,
        currency: row.currency,
        channel: row.channel,
        note: row.note,
        paid: paid.get(row.id) ?? 0,
        state: state === 'closed' ? 'cancelled' : state,
      };
    });
  }

  async function check(input: CreatePromise, field = ''): Promise<CheckedPromise> {
    const at = (name: string) => (field ? `${field}.${name}` : name);
    await requireCustomer(db, input.customerId);
    const settings = await deps.settings();
    const today = calendarDateIn(clock.now(), settings.timeZone);
    if (input.date < today) {
      throw new AppError(
        'invalid_input',
        `A promise is to pay today or later; ${formatCalendarDate(input.date, settings.locale)} has passed.`,
        at('date'),
      );
    }
    if (input.date > addDays(today, 366)) {
      throw new AppError('invalid_input', 'A promise is for at most a year ahead.', at('date'));
    }
    const balance = await db
      .selectFrom('invoices')
      .select((eb) =>
        eb.fn.sum<number>(eb(eb.ref('total_amount'), '-', eb.ref('settled_amount'))).as('open'),
      )
      .where('customer_id', '=', input.customerId)
      .where('currency', '=', input.currency)
      .where('voided_at', 'is', null)
      .where('is_draft', '=', 0)
      .executeTakeFirst();
    const open = minorFromSql(balance?.open ?? 0);
    if (open === 0) {
      throw new AppError(
        'invalid_input',
        `Nothing is owed in ${input.currency} by this customer.`,
        at('currency'),
      );
    }
    if (input.amount > open) {
      throw new AppError(
        'invalid_input',
        `That is more than the ${formatMoney(open, input.currency, settings.locale)} this customer owes.`,
        at('amount'),
      );
    }
    return { ...input, madeOn: today, locale: settings.locale };
  }

  async function insert(trx: Transaction<DB>, promise: CheckedPromise, now: Date) {
    const { id } = await trx
      .insertInto('promises')
      .values({
        customer_id: promise.customerId,
        made_on: promise.madeOn,
        date: promise.date,
        amount: promise.amount,
        currency: promise.currency,
        channel: promise.channel,
        note: promise.note ?? '',
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      occurredAt: now,
      kind: 'promises.made',
      summary: `Promised to pay ${formatMoney(promise.amount, promise.currency, promise.locale)} by ${formatCalendarDate(promise.date, promise.locale)} (${promise.channel.replace('_', ' ')}).`,
      details: {
        promiseId: id,
        date: promise.date,
        amount: promise.amount,
        currency: promise.currency,
      },
      customerId: promise.customerId,
    });
    return id;
  }

  return {
    check,
    insert,
    async create(input) {
      const checked = await check(input);
      const now = clock.now();
      const id = await db.transaction().execute((trx) => insert(trx, checked, now));
      return view(id);
    },
    async cancel(input) {
      const row = await db
        .selectFrom('promises')
        .selectAll()
        .where('id', '=', input.promiseId)
        .executeTakeFirst();
      if (!row)
        throw new AppError('not_found', `There is no promise ${input.promiseId}.`, 'promiseId');
      if (row.outcome !== null) {
        throw new AppError('conflict', `That promise is already ${row.outcome}.`, 'promiseId');
      }
      const settings = await deps.settings();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('promises')
          .set({ outcome: 'cancelled', closed_on: calendarDateIn(now, settings.timeZone) })
          .where('id', '=', row.id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'promises.cancelled',
          summary: `The promise to pay by ${formatCalendarDate(row.date, settings.locale)} was cancelled${input.reason ? `: ${input.reason}` : ''}.`,
          details: { promiseId: row.id, reason: input.reason ?? '' },
          customerId: row.customer_id,
        });
      });
      return view(row.id);
    },
    async list(input) {
      await requireCustomer(db, input.customerId);
      return list(input.customerId);
    },
  };
}
