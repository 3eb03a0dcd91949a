/** Contacts made: messages that went (or are due to go) and calls logged, newest first. */
import type { Kysely } from 'kysely';
import type { CallOutcomeKey, ContactView } from '../../shared/api/reminders';
import type { Clock } from '../../shared/dates';
import type { ContactsTable, DB } from '../db/schema';
import type { Selectable } from 'kysely';
import { recordCall, type ItemRow } from '../reminders/actions';
import { AppError } from '../../shared/api/errors';
import type { CreatePromise } from '../../shared/api/reminders';
import { calendarDateIn } from '../../shared/dates';
import type { Settings } from '../../shared/settings';
import type { DisputesService } from './disputes.service';
import type { PromisesService } from './promises.service';
import { requireCustomer } from './lookups';

export interface LoggedCall {
  customerId: number;
  outcome: CallOutcomeKey;
  note?: string | undefined;
  /** With the outcome `promised`: what they promised (made by phone unless said). */
  promise?:
    | (Omit<CreatePromise, 'customerId' | 'channel'> & {
        channel?: CreatePromise['channel'] | undefined;
      })
    | undefined;
}

export interface ContactsService {
  logCall(input: LoggedCall): Promise<ContactView>;
  /**
   * Logs a call, with the promise made on it or the dispute raised, in one transaction;
   * `item` is the queue item the call answers, if any.
   */
  record(input: LoggedCall, item: ItemRow | null): Promise<number>;
  list(input: { customerId: number }): Promise<ContactView[]>;
}

function toView(row: Selectable<ContactsTable>): ContactView {
  return {
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    occurredAt: row.occurred_at,
    step: row.step,
    outcome: row.outcome,
    note: row.note,
  };
}

export function createContactsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: () => Promise<Settings>;
  promises: () => PromisesService;
  disputes: () => DisputesService;
}): ContactsService {
  const { db, clock } = deps;

  async function record(input: LoggedCall, item: ItemRow | null): Promise<number> {
    await requireCustomer(db, input.customerId);
    if (input.outcome === 'promised' && !input.promise) {
      throw new AppError('invalid_input', 'Please give the promise made on the call.', 'promise');
    }
    if (input.outcome !== 'promised' && input.promise) {
      throw new AppError('invalid_input', 'A promise goes with the outcome "promised".', 'promise');
    }
    const promises = deps.promises();
    const promise = input.promise
      ? await promises.check(
          {
            customerId: input.customerId,
            ...input.promise,
            channel: input.promise.channel ?? 'phone',
          },
          'promise',
        )
      : null;
    const settings = await deps.settings();
    const now = clock.now();
    const today = calendarDateIn(now, settings.timeZone);
    return db.transaction().execute(async (trx) => {
      const id = await recordCall(trx, {
        customerId: input.customerId,
        outcome: input.outcome,
        note: input.note ?? '',
        now,
        item,
      });
      if (promise) await promises.insert(trx, promise, now);
      if (input.outcome === 'disputed') {
        await deps.disputes().insert(
          trx,
          {
            customerId: input.customerId,
            reason: input.note || 'Disputed on a call',
            invoiceIds: [],
          },
          { now, today },
        );
      }
      return id;
    });
  }

  return {
    record,
    async logCall(input) {
      const id = await record(input, null);
      const row = await db
        .selectFrom('contacts')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return toView(row);
    },
    async list(input) {
      await requireCustomer(db, input.customerId);
      const rows = await db
        .selectFrom('contacts')
        .selectAll()
        .where('customer_id', '=', input.customerId)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map(toView);
    },
  };
}
