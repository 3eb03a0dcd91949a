/**
 * Frozen once released. Agency handoffs: the owner's decision to hand a customer's debt to a
 * collection agency, the dossier made for it (a zip in the data folder), and, if the owner
 * takes it back, when and why. While a handoff stands (not taken back) the ladder leaves the
 * customer alone; at most one stands per customer (a partial unique index).
 */
import { sql, type Kysely } from 'kysely';

export const name = '0010_agency_handoff';

const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('handoffs')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      /** The agency's name, when the owner gave one. */
      .addColumn('agency', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      /** The Today item (the +90 decision) it was decided from, if any. */
      .addColumn('item_id', 'integer', (c) => c.references('reminder_items.id'))
      .addColumn('handed_over_at', 'text', (c) => c.notNull().check(instant('handed_over_at')))
      /** The dossier's file name inside the data folder's `handoffs/`. */
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('taken_back_at', 'text', (c) => c.check(instant('taken_back_at')))
      .addColumn('taken_back_reason', 'text', (c) => c.notNull().defaultTo(''))
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('handoffs_one_standing')
      .on('handoffs')
      .column('customer_id')
      .unique()
      .where(sql.ref('taken_back_at'), 'is', null),
  ];
}
