/** Contacts made: messages that went (or are due to go) and calls logged, newest first. */
import type { Kysely } from 'kysely';
import type { CallOutcomeKey, ContactView } from '../../shared/api/reminders';
import type { Clock } from '../../shared/dates';
import type { ContactsTable, DB } from '../db/schema';
import type { Selectable } from 'kysely';
import { recordCall } from '../reminders/actions';
import { requireCustomer } from './lookups';

export interface ContactsService {
  logCall(input: {
    customerId: number;
    outcome: CallOutcomeKey;
    note?: string | undefined;
  }): Promise<ContactView>;
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

export function createContactsService(deps: { db: Kysely<DB>; clock: Clock }): ContactsService {
  const { db, clock } = deps;
  return {
    async logCall(input) {
      await requireCustomer(db, input.customerId);
      const now = clock.now();
      const id = await db.transaction().execute((trx) =>
        recordCall(trx, {
          customerId: input.customerId,
          outcome: input.outcome,
          note: input.note ?? '',
          now,
          item: null,
        }),
      );
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
