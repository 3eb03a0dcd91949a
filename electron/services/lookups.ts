/** Finds what a request names, or refuses it with `not_found` naming the field. */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { findCustomer } from '../db/customers.repository';
import type { CustomerRow, DB } from '../db/schema';

export async function requireCustomer(
  db: Kysely<DB>,
  id: number,
  field = 'customerId',
): Promise<CustomerRow> {
  const row = await findCustomer(db, id);
  if (!row) throw new AppError('not_found', `There is no customer ${id}.`, field);
  return row;
}
