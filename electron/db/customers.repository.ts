import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { CustomerRow, CustomersTable, DB } from './schema';

export function findCustomer(db: Kysely<DB>, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCustomer(
  trx: Transaction<DB>,
  row: Insertable<CustomersTable>,
): Promise<number> {
  const { id } = await trx
    .insertInto('customers')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCustomer(
  trx: Transaction<DB>,
  id: number,
  changes: Updateable<CustomersTable>,
): Promise<void> {
  await trx.updateTable('customers').set(changes).where('id', '=', id).execute();
}

export function listCustomers(
  db: Kysely<DB>,
  options: { includeArchived?: boolean | undefined },
): Promise<CustomerRow[]> {
  let query = db.selectFrom('customers').selectAll().orderBy('name').orderBy('id');
  if (!options.includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}
