/**
 * Frozen once released. The ledger: customers, invoices and their lines, payments and how
 * they are allocated, credit notes, write-offs and refunds; the timeline learns which
 * customer an event belongs to.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0002_ledger';

const calendarDate = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${sql.ref(column)}) = ${sql.ref(column)}`;
const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;
const currency = (column: string) =>
  sql`length(${sql.ref(column)}) = 3 AND ${sql.ref(column)} GLOB '[A-Z][A-Z][A-Z]'`;
const decimal = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9]*' AND ${sql.ref(column)} NOT GLOB '*[^0-9.]*' AND ${sql.ref(column)} NOT GLOB '*.*.*' AND ${sql.ref(column)} NOT GLOB '*.'`;

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('customers')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
      .addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind IN ('company', 'sole_trader', 'consumer')`),
      )
      .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('cc_emails', 'text', (c) =>
        c
          .notNull()
          .defaultTo('[]')
          .check(sql`json_valid(cc_emails)`),
      )
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('locale', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('tags', 'text', (c) =>
        c
          .notNull()
          .defaultTo('[]')
          .check(sql`json_valid(tags)`),
      )
      .addColumn('do_not_contact', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`do_not_contact IN (0, 1)`),
      )
      .addColumn('do_not_contact_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('do_not_contact_until', 'text', (c) =>
        c.check(calendarDate('do_not_contact_until')),
      )
      .addColumn('credit_hold', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`credit_hold IN (0, 1)`),
      )
      .addColumn('credit_hold_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('archived_at', 'text', (c) => c.check(instant('archived_at')))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('customers_by_name').on('customers').columns(['name', 'id']),

    db.schema
      .createTable('invoices')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('number', 'text', (c) =>
        c
          .notNull()
          .unique()
          .check(sql`length(trim(number)) > 0`),
      )
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('goodwill'))
      .addColumn('external_id', 'text')
      .addColumn('issue_date', 'text', (c) => c.notNull().check(calendarDate('issue_date')))
      .addColumn('due_date', 'text', (c) => c.notNull().check(calendarDate('due_date')))
      .addColumn('currency', 'text', (c) => c.notNull().check(currency('currency')))
      .addColumn('terms_kind', 'text', (c) =>
        c.notNull().check(sql`terms_kind IN ('on_receipt', 'net', 'end_of_month', 'fixed_date')`),
      )
      .addColumn('terms_days', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`terms_days BETWEEN 0 AND 366`),
      )
      .addColumn('discount_percent', 'text', (c) => c.check(decimal('discount_percent')))
      .addColumn('discount_days', 'integer', (c) => c.check(sql`discount_days BETWEEN 0 AND 366`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('net_amount', 'integer', (c) => c.notNull())
      .addColumn('tax_amount', 'integer', (c) => c.notNull())
      .addColumn('total_amount', 'integer', (c) => c.notNull().check(sql`total_amount >= 0`))
      // Paid + credited + written off, kept in the same transaction as the rows it sums, so
      // aging reads one indexed table (see ledger.repository.ts; a test checks it against
      // the rows). The invoice's state is never stored.
      .addColumn('settled_amount', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_draft', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`is_draft IN (0, 1)`),
      )
      .addColumn('voided_at', 'text', (c) => c.check(instant('voided_at')))
      .addColumn('void_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .addCheckConstraint('invoices_due_after_issue', sql`due_date >= issue_date`)
      .addCheckConstraint('invoices_totals_add_up', sql`net_amount + tax_amount = total_amount`)
      .addCheckConstraint(
        'invoices_settled_within_total',
        sql`settled_amount BETWEEN 0 AND total_amount`,
      )
      .addUniqueConstraint('invoices_external_id', ['source', 'external_id'])
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('invoices_by_customer')
      .on('invoices')
      .columns(['customer_id', 'issue_date']),
    db.schema.createIndex('invoices_by_due_date').on('invoices').columns(['due_date']),
    // Aging reads only open invoices; this index holds just those, with what aging needs.
    db.schema
      .createIndex('invoices_open')
      .on('invoices')
      .columns(['customer_id', 'currency', 'due_date', 'total_amount', 'settled_amount'])
      .where(sql<boolean>`settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0`),

    db.schema
      .createTable('invoice_lines')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('invoice_id', 'integer', (c) =>
        c.notNull().references('invoices.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity', 'text', (c) => c.notNull().check(decimal('quantity')))
      .addColumn('unit_price', 'integer', (c) => c.notNull())
      .addColumn('tax_rate', 'text', (c) => c.check(decimal('tax_rate')))
      .addColumn('net_amount', 'integer', (c) => c.notNull())
      .addColumn('tax_amount', 'integer', (c) => c.notNull())
      .addUniqueConstraint('invoice_lines_position', ['invoice_id', 'position'])
      .modifyEnd(sql`strict`),

    db.schema
      .createTable('payments')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('date', 'text', (c) => c.notNull().check(calendarDate('date')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('currency', 'text', (c) => c.notNull().check(currency('currency')))
      .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('goodwill'))
      .addColumn('external_id', 'text')
      // Allocated + refunded, kept in the same transaction as those rows (like invoices'
      // settled_amount), so unapplied credit is read from one small index.
      .addColumn('applied_amount', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addCheckConstraint(
        'payments_applied_within_amount',
        sql`applied_amount BETWEEN 0 AND amount`,
      )
      .addUniqueConstraint('payments_external_id', ['source', 'external_id'])
      .modifyEnd(sql`strict`),
    db.schema.createIndex('payments_by_customer').on('payments').columns(['customer_id', 'date']),
    db.schema
      .createIndex('payments_with_credit')
      .on('payments')
      .columns(['customer_id', 'currency', 'date', 'amount', 'applied_amount'])
      .where(sql<boolean>`applied_amount < amount`),

    db.schema
      .createTable('allocations')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('payment_id', 'integer', (c) => c.notNull().references('payments.id'))
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('allocations_by_invoice').on('allocations').columns(['invoice_id']),
    db.schema.createIndex('allocations_by_payment').on('allocations').columns(['payment_id']),

    db.schema
      .createTable('refunds')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('payment_id', 'integer', (c) => c.notNull().references('payments.id'))
      .addColumn('date', 'text', (c) => c.notNull().check(calendarDate('date')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('refunds_by_payment').on('refunds').columns(['payment_id']),

    db.schema
      .createTable('credit_notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
      .addColumn('date', 'text', (c) => c.notNull().check(calendarDate('date')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('credit_notes_by_invoice').on('credit_notes').columns(['invoice_id']),

    db.schema
      .createTable('write_offs')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
      .addColumn('date', 'text', (c) => c.notNull().check(calendarDate('date')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('write_offs_by_invoice').on('write_offs').columns(['invoice_id']),

    db.schema
      .alterTable('events')
      .addColumn('customer_id', 'integer', (c) => c.references('customers.id')),
    db.schema
      .createIndex('events_by_customer')
      .on('events')
      .columns(['customer_id', 'occurred_at']),

    db.schema
      .alterTable('settings')
      .addColumn('invoice_prefix', 'text', (c) => c.notNull().defaultTo('INV-')),
    db.schema.alterTable('settings').addColumn('next_invoice_number', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`next_invoice_number > 0`),
    ),
  ];
}
