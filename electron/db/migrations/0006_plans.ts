/**
 * Frozen once released. Payment plans: the terms agreed with a customer, the invoices a plan
 * covers and its schedule (the deposit as number 0, then the payments). That an invoice is in
 * at most one live plan spans two tables, which no SQLite index can say: the plans service
 * checks it inside the transaction that links the invoices.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0006_plans';

const calendarDate = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${sql.ref(column)}) = ${sql.ref(column)}`;
const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;
const currency = (column: string) =>
  sql`length(${sql.ref(column)}) = 3 AND ${sql.ref(column)} GLOB '[A-Z][A-Z][A-Z]'`;

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('plans')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('currency', 'text', (c) => c.notNull().check(currency('currency')))
      .addColumn('total', 'integer', (c) => c.notNull().check(sql`total > 0`))
      .addColumn('deposit', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`deposit >= 0 AND deposit <= total`),
      )
      .addColumn('frequency', 'text', (c) =>
        c.notNull().check(sql`frequency IN ('weekly', 'fortnightly', 'monthly')`),
      )
      .addColumn('state', 'text', (c) =>
        c
          .notNull()
          .check(sql`state IN ('proposed', 'active', 'completed', 'defaulted', 'cancelled')`),
      )
      .addColumn('hardship', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`hardship IN (0, 1)`),
      )
      /** Where the remainder goes, in the sentence the agreement states. */
      .addColumn('remainder_rule', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .addColumn('activated_at', 'text', (c) => c.check(instant('activated_at')))
      .addColumn('ended_at', 'text', (c) => c.check(instant('ended_at')))
      /** Why it was called off, in the owner's words. */
      .addColumn('end_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addCheckConstraint(
        'plans_ended_with_state',
        sql`(ended_at IS NULL) = (state IN ('proposed', 'active'))`,
      )
      .addCheckConstraint(
        'plans_activated_with_state',
        sql`state <> 'active' OR activated_at IS NOT NULL`,
      )
      .modifyEnd(sql`strict`),
    db.schema.createIndex('plans_by_customer').on('plans').columns(['customer_id', 'state']),

    db.schema
      .createTable('plan_invoices')
      .addColumn('plan_id', 'integer', (c) =>
        c.notNull().references('plans.id').onDelete('cascade'),
      )
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
      .addPrimaryKeyConstraint('plan_invoices_pk', ['plan_id', 'invoice_id'])
      .modifyEnd(sql`strict`),
    db.schema.createIndex('plan_invoices_by_invoice').on('plan_invoices').column('invoice_id'),

    db.schema
      .createTable('plan_instalments')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('plan_id', 'integer', (c) =>
        c.notNull().references('plans.id').onDelete('cascade'),
      )
      /** 0 is the deposit; the payments are 1, 2, 3 ... */
      .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 0`))
      .addColumn('due_date', 'text', (c) => c.notNull().check(calendarDate('due_date')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addUniqueConstraint('plan_instalments_number', ['plan_id', 'number'])
      .modifyEnd(sql`strict`),
  ];
}
