/**
 * Frozen once released. Each invoice keeps the date of the latest payment allocated to it,
 * `last_paid_on`, beside its rows the way `settled_amount` is kept. Payment behaviour asks
 * "when was each invoice paid?" of every paid invoice in the ledger (280,000 at the seeded
 * scale); worked out from the allocations, that grouped pass took over a second before any
 * figure could be made, so the Overdue screen's first "Usually pays" column came seconds late.
 *
 * Triggers keep the column right whatever writes the allocations (the payments service,
 * an import's prepared statements, an import's undo), in the writer's own transaction:
 * a new allocation can only move the date later (two key lookups); a removed one, or a
 * payment whose date changes, looks the invoice's allocations up again (rare).
 *
 * A partial index holds exactly the invoices paid in full (the ones behaviour counts), in
 * the order the figures read them, with every column the query touches: the pass becomes
 * one walk down an index, with no sort and no visit to the table.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0011_invoice_paid_on';

const latestPaymentOf = (invoiceId: string) =>
  sql.raw(`(SELECT max(p.date)
    FROM allocations a JOIN payments p ON p.id = a.payment_id
    WHERE a.invoice_id = ${invoiceId})`);

export function up(db: Kysely<any>) {
  return [
    db.schema
      .alterTable('invoices')
      .addColumn('last_paid_on', 'text', (c) =>
        c.check(
          sql`last_paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(last_paid_on) = last_paid_on`,
        ),
      ),
    sql`UPDATE invoices SET last_paid_on = ${latestPaymentOf('invoices.id')}`,
    sql`CREATE TRIGGER allocations_paid_on_insert AFTER INSERT ON allocations
      BEGIN
        UPDATE invoices SET last_paid_on = (SELECT date FROM payments WHERE id = NEW.payment_id)
        WHERE id = NEW.invoice_id
          AND (last_paid_on IS NULL
            OR last_paid_on < (SELECT date FROM payments WHERE id = NEW.payment_id));
      END`,
    sql`CREATE TRIGGER allocations_paid_on_delete AFTER DELETE ON allocations
      BEGIN
        UPDATE invoices SET last_paid_on = ${latestPaymentOf('OLD.invoice_id')}
        WHERE id = OLD.invoice_id;
      END`,
    sql`CREATE TRIGGER allocations_paid_on_update
      AFTER UPDATE OF invoice_id, payment_id ON allocations
      BEGIN
        UPDATE invoices SET last_paid_on = ${latestPaymentOf('invoices.id')}
        WHERE id IN (OLD.invoice_id, NEW.invoice_id);
      END`,
    sql`CREATE TRIGGER payments_paid_on_date AFTER UPDATE OF date ON payments
      BEGIN
        UPDATE invoices SET last_paid_on = ${latestPaymentOf('invoices.id')}
        WHERE id IN (SELECT invoice_id FROM allocations WHERE payment_id = NEW.id);
      END`,
    db.schema
      .createIndex('invoices_paid_in_full')
      .on('invoices')
      .columns([
        ...['customer_id', 'last_paid_on', 'id', 'due_date', 'total_amount'],
        // Only so the index covers the query: SQLite checks these terms against the table
        // row otherwise, even though the index's own condition already implies them.
        ...['settled_amount', 'voided_at', 'is_draft'],
      ])
      .where(
        sql<boolean>`last_paid_on IS NOT NULL AND settled_amount = total_amount
          AND voided_at IS NULL AND is_draft = 0`,
      ),
  ];
}
