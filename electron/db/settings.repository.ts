import type { Kysely, Transaction } from 'kysely';
import type { DB, NewSettingsRow, SettingsRow } from './schema';

export async function findSettingsRow(db: Kysely<DB>): Promise<SettingsRow | undefined> {
  return db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Writes the single settings row, creating it the first time. */
export async function saveSettingsRow(
  trx: Transaction<DB>,
  row: Omit<NewSettingsRow, 'id'>,
): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ ...row, id: 1 })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
    .execute();
}
