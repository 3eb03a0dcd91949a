/**
 * Undoing an import as one step, inside the caller's transaction: what it created is removed
 * and what it changed is put back. It refuses, saying why, when something done since depends
 * on it: a later import that touched the same rows, a payment, credit note or write-off on
 * one of its invoices, a refund of one of its payments (other than those it brought in), a
 * payment plan its payments completed, or any contact, promise, dispute, plan or message for a
 * customer it added.
 */
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DB } from '../db/schema';

type Before = Record<string, string | number | null>;

async function firstRow<T>(trx: Transaction<DB>, query: ReturnType<typeof sql<T>>) {
  const { rows } = await query.execute(trx);
  return rows[0];
}

export async function undoImport(
  trx: Transaction<DB>,
  importId: number,
  createdAt: string,
  now: string,
): Promise<void> {
  const tables = { customer: 'customers', invoice: 'invoices', payment: 'payments' } as const;
  const created = (entity: keyof typeof tables) =>
    sql`SELECT id FROM ${sql.table(tables[entity])} WHERE import_id = ${importId}`;
  const updated = (entity: keyof typeof tables) =>
    sql`SELECT entity_id FROM import_changes WHERE import_id = ${importId} AND entity = ${entity}`;
  const mine = (entity: keyof typeof tables) => sql`${created(entity)} UNION ${updated(entity)}`;

  // A later import (still in place) that changed a row this one created or changed.
  const later = await firstRow<{ id: number }>(
    trx,
    sql`SELECT i.id FROM import_changes o JOIN imports i ON i.id = o.import_id
        WHERE o.import_id > ${importId} AND i.undone_at IS NULL AND (
          (o.entity = 'customer' AND o.entity_id IN (${mine('customer')}))
          OR (o.entity = 'invoice' AND o.entity_id IN (${mine('invoice')}))
          OR (o.entity = 'payment' AND o.entity_id IN (${mine('payment')})))
        LIMIT 1`,
  );
  if (later) {
    throw new AppError(
      'conflict',
      `A later import (number ${later.id}) changed the same rows; undo that one first.`,
      'id',
    );
  }

  const refuse = (why: string) => {
    throw new AppError('conflict', `This import cannot be undone: ${why}`, 'id');
  };

  const changedInvoice = await firstRow<{ number: string }>(
    trx,
    sql`SELECT number FROM invoices
        WHERE id IN (${mine('invoice')}) AND updated_at <> ${createdAt} LIMIT 1`,
  );
  if (changedInvoice) refuse(`invoice ${changedInvoice.number} has changed since.`);

  const laterMoney = await firstRow<{ number: string }>(
    trx,
    sql`SELECT i.number FROM invoices i WHERE i.id IN (${mine('invoice')}) AND (
          EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id AND a.created_at <> ${createdAt})
          OR EXISTS (SELECT 1 FROM credit_notes n WHERE n.invoice_id = i.id AND n.created_at > ${createdAt})
          OR EXISTS (SELECT 1 FROM write_offs o WHERE o.invoice_id = i.id AND o.created_at > ${createdAt})
          OR EXISTS (SELECT 1 FROM dispute_invoices d WHERE d.invoice_id = i.id)
          OR EXISTS (SELECT 1 FROM plan_invoices p WHERE p.invoice_id = i.id)
        ) LIMIT 1`,
  );
  if (laterMoney) {
    refuse(
      `invoice ${laterMoney.number} has a payment, credit, dispute or plan recorded since the import.`,
    );
  }

  const laterPaymentUse = await firstRow<{ id: number }>(
    trx,
    sql`SELECT p.id FROM payments p WHERE p.id IN (${created('payment')}) AND (
          EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id AND r.created_at <> ${createdAt})
          OR EXISTS (SELECT 1 FROM allocations a WHERE a.payment_id = p.id AND a.created_at <> ${createdAt})
        ) LIMIT 1`,
  );
  if (laterPaymentUse) refuse('one of its payments was refunded or applied since.');

  // A plan its payments completed stays completed (its thank-you may have gone): taking the
  // payments away would leave it complete with money owed.
  const completedPlan = await firstRow<{ id: number }>(
    trx,
    sql`SELECT pl.id FROM plans pl JOIN plan_invoices pi ON pi.plan_id = pl.id
        WHERE pl.state = 'completed' AND pl.ended_at >= ${createdAt}
          AND pi.invoice_id IN (SELECT a.invoice_id FROM allocations a
            WHERE a.payment_id IN (${created('payment')}))
        LIMIT 1`,
  );
  if (completedPlan) refuse(`its payments completed payment plan ${completedPlan.id}.`);

  const busyCustomer = await firstRow<{ name: string }>(
    trx,
    sql`SELECT c.name FROM customers c WHERE c.id IN (${created('customer')}) AND (
          c.updated_at <> ${createdAt}
          OR EXISTS (SELECT 1 FROM contacts x WHERE x.customer_id = c.id)
          OR EXISTS (SELECT 1 FROM promises x WHERE x.customer_id = c.id)
          OR EXISTS (SELECT 1 FROM disputes x WHERE x.customer_id = c.id)
          OR EXISTS (SELECT 1 FROM outbox x WHERE x.customer_id = c.id)
          OR EXISTS (SELECT 1 FROM plans x WHERE x.customer_id = c.id)
          OR EXISTS (SELECT 1 FROM reminder_items x WHERE x.customer_id = c.id AND x.status <> 'open')
          OR EXISTS (SELECT 1 FROM invoices x WHERE x.customer_id = c.id AND x.id NOT IN (${created('invoice')}))
          OR EXISTS (SELECT 1 FROM payments x WHERE x.customer_id = c.id AND x.id NOT IN (${created('payment')}))
        ) LIMIT 1`,
  );
  if (busyCustomer) refuse(`${busyCustomer.name} has been contacted or changed since.`);

  // Put back what was changed.
  const { rows: updates } = await sql<{
    entity: string;
    entity_id: number;
    before: string;
  }>`SELECT entity, entity_id, before FROM import_changes
     WHERE import_id = ${importId} ORDER BY id DESC`.execute(trx);
  for (const update of updates) {
    const before = JSON.parse(update.before) as Before;
    if (update.entity === 'invoice') {
      await sql`UPDATE invoices SET issue_date = ${before.issue_date}, due_date = ${before.due_date},
                  total_amount = ${before.total_amount}, net_amount = ${before.net_amount},
                  settled_amount = ${before.settled_amount}, is_draft = ${before.is_draft},
                  voided_at = ${before.voided_at}, updated_at = ${now}
                WHERE id = ${update.entity_id}`.execute(trx);
    } else if (update.entity === 'payment') {
      await sql`UPDATE payments SET amount = ${before.amount}, applied_amount = ${before.amount}
                WHERE id = ${update.entity_id}`.execute(trx);
      await sql`UPDATE allocations SET amount = ${before.amount}
                WHERE payment_id = ${update.entity_id}`.execute(trx);
    } else {
      await sql`UPDATE customers SET email = ${before.email}, phone = ${before.phone},
                  company = ${before.company}, updated_at = ${now}
                WHERE id = ${update.entity_id}`.execute(trx);
    }
  }

  // Payments it made against invoices it only updated: take them off those invoices.
  await sql`UPDATE invoices SET settled_amount = settled_amount - (
              SELECT coalesce(sum(a.amount), 0) FROM allocations a
              WHERE a.invoice_id = invoices.id AND a.payment_id IN (${created('payment')})),
              updated_at = ${now}
            WHERE id IN (SELECT a.invoice_id FROM allocations a
              WHERE a.payment_id IN (${created('payment')}))
              AND id NOT IN (${created('invoice')})
              AND id NOT IN (${updated('invoice')})`.execute(trx);

  // Remove what it created. Credit notes, write-offs and refunds (only Goodwill's own export
  // brings them) carry the import's instant, on invoices and payments it created or changed.
  await sql`DELETE FROM refunds WHERE payment_id IN (${created('payment')})`.execute(trx);
  for (const table of ['credit_notes', 'write_offs'] as const) {
    await sql`DELETE FROM ${sql.table(table)}
              WHERE created_at = ${createdAt} AND invoice_id IN (${mine('invoice')})`.execute(trx);
  }
  await sql`DELETE FROM allocations WHERE payment_id IN (${created('payment')})`.execute(trx);
  await sql`DELETE FROM payments WHERE id IN (${created('payment')})`.execute(trx);
  await sql`DELETE FROM invoice_lines WHERE invoice_id IN (${created('invoice')})`.execute(trx);
  await sql`DELETE FROM invoices WHERE id IN (${created('invoice')})`.execute(trx);
  const customers = created('customer');
  await sql`DELETE FROM reminder_items WHERE customer_id IN (${customers})`.execute(trx);
  await sql`DELETE FROM reminder_episodes WHERE customer_id IN (${customers})`.execute(trx);
  await sql`DELETE FROM events WHERE customer_id IN (${customers})`.execute(trx);
  await sql`DELETE FROM customers WHERE id IN (${customers})`.execute(trx);
}
