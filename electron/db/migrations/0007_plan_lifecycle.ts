/**
 * Frozen once released. How a plan runs: when it becomes active (on signature or on the first
 * payment), the days of its check-ins and of the grace after a missed payment, a hardship
 * pause before the first payment, the plan a renegotiation replaced, and the signed agreement
 * (the file lives in the data folder; the row keeps its checksum). What was paid and which
 * payments were missed are not stored: they follow from the payments.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0007_plan_lifecycle';

const calendarDate = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${sql.ref(column)}) = ${sql.ref(column)}`;
const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;

export function up(db: Kysely<any>) {
  return [
    db.schema.alterTable('plans').addColumn('activation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('signature')
        .check(sql`activation IN ('signature', 'first_payment')`),
    ),
    // Null: no check-ins. Plans saved before this had the default (3 days; none for weekly).
    db.schema
      .alterTable('plans')
      .addColumn('check_in_days', 'integer', (c) =>
        c.defaultTo(3).check(sql`check_in_days BETWEEN 0 AND 60`),
      ),
    sql`UPDATE plans SET check_in_days = NULL WHERE frequency = 'weekly'`,
    db.schema.alterTable('plans').addColumn('grace_days', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(3)
        .check(sql`grace_days BETWEEN 0 AND 60`),
    ),
    db.schema
      .alterTable('plans')
      .addColumn('pause_until', 'text', (c) => c.check(calendarDate('pause_until'))),
    db.schema
      .alterTable('plans')
      .addColumn('replaces_plan_id', 'integer', (c) => c.references('plans.id')),
    db.schema
      .createIndex('plans_by_replaced')
      .on('plans')
      .column('replaces_plan_id')
      .where(sql<boolean>`replaces_plan_id IS NOT NULL`),

    db.schema
      .createTable('plan_documents')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('plan_id', 'integer', (c) =>
        c.notNull().references('plans.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('signed_agreement')`))
      /** The name it had on the owner's computer, shown back to them. */
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) =>
        c.notNull().check(sql`media_type IN ('application/pdf', 'image/jpeg', 'image/png')`),
      )
      .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
      .addColumn('sha256', 'text', (c) =>
        c.notNull().check(sql`length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'`),
      )
      /** Relative to the data folder. */
      .addColumn('stored_as', 'text', (c) => c.notNull())
      .addColumn('attached_at', 'text', (c) => c.notNull().check(instant('attached_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('plan_documents_by_plan').on('plan_documents').columns(['plan_id', 'id']),
  ];
}
