/**
 * Writes a generated ledger into a migrated database in one transaction, with raw
 * better-sqlite3 prepared statements (Kysely's per-call overhead would dominate a bulk load),
 * and the timeline event the app would have written beside each row.
 */
import type Database from 'better-sqlite3';
import { formatMoney } from '../../shared/money';
import { dateOf, type Day, type SeedLedger } from './generate';

export const seededTables = [
  'customers',
  'invoices',
  'invoice_lines',
  'payments',
  'allocations',
  'credit_notes',
  'write_offs',
  'refunds',
  'events',
] as const;

export type RowCounts = Record<(typeof seededTables)[number], number>;

/** A time of day during office hours (UTC) on `day`, fixed by `salt` so it is reproducible. */
function instantOf(day: Day, salt: number): string {
  const h = Math.imul(salt ^ 0x5bd1e995, 0x27d4eb2d) >>> 0;
  const hour = 8 + (h % 10);
  const minute = (h >>> 8) % 60;
  const second = (h >>> 16) % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dateOf(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.000Z`;
}

export function writeLedger(
  sqlite: Database.Database,
  ledger: SeedLedger,
  locale: string,
): RowCounts {
  const counts: RowCounts = {
    customers: 0,
    invoices: 0,
    invoice_lines: 0,
    payments: 0,
    allocations: 0,
    credit_notes: 0,
    write_offs: 0,
    refunds: 0,
    events: 0,
  };
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);

  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (id, name, company, kind, contact_person, email, phone, address, locale,
       notes, tags, do_not_contact, do_not_contact_reason, credit_hold, credit_hold_reason,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (id, customer_id, number, issue_date, due_date, currency, terms_kind,
       terms_days, discount_percent, discount_days, notes, net_amount, tax_amount, total_amount,
       settled_amount, is_draft, voided_at, void_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price, tax_rate,
       net_amount, tax_amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayment = sqlite.prepare(
    `INSERT INTO payments (id, customer_id, date, amount, currency, method, reference, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAllocation = sqlite.prepare(
    `INSERT INTO allocations (payment_id, invoice_id, amount, created_at) VALUES (?, ?, ?, ?)`,
  );
  const insertCreditNote = sqlite.prepare(
    `INSERT INTO credit_notes (invoice_id, date, amount, reason, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertWriteOff = sqlite.prepare(
    `INSERT INTO write_offs (invoice_id, date, amount, reason, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertRefund = sqlite.prepare(
    `INSERT INTO refunds (payment_id, date, amount, method, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (occurred_at, kind, summary, details, customer_id) VALUES (?, ?, ?, ?, ?)`,
  );
  const event = (
    at: string,
    kind: string,
    summary: string,
    details: object,
    customerId: number,
  ) => {
    insertEvent.run(at, kind, summary, JSON.stringify(details), customerId);
    counts.events++;
  };

  sqlite.transaction(() => {
    for (const c of ledger.customers) {
      const at = instantOf(c.createdDay, c.id);
      insertCustomer.run(
        c.id,
        c.name,
        c.company,
        c.kind,
        c.contactPerson,
        c.email,
        c.phone,
        c.address,
        c.locale,
        c.notes,
        JSON.stringify(c.tags),
        c.doNotContact ? 1 : 0,
        c.doNotContact?.reason ?? '',
        c.creditHoldReason === null ? 0 : 1,
        c.creditHoldReason ?? '',
        at,
        at,
      );
      counts.customers++;
      event(
        at,
        'customer.created',
        `${c.name} was added as a customer.`,
        { customerId: c.id },
        c.id,
      );
    }

    for (const invoice of ledger.invoices) {
      const created = instantOf(invoice.issueDay, invoice.id);
      const dueDate = dateOf(invoice.dueDay);
      insertInvoice.run(
        invoice.id,
        invoice.customerId,
        invoice.number,
        dateOf(invoice.issueDay),
        dueDate,
        invoice.currency,
        invoice.termsKind,
        invoice.termsDays,
        invoice.discount?.percent ?? null,
        invoice.discount?.days ?? null,
        invoice.notes,
        invoice.net,
        invoice.tax,
        invoice.total,
        invoice.settled,
        invoice.draft ? 1 : 0,
        invoice.voidDay === null ? null : instantOf(invoice.voidDay, invoice.id + 1),
        invoice.voidDay === null ? '' : 'Raised in error',
        created,
        invoice.lastChangeDay > invoice.issueDay
          ? instantOf(invoice.lastChangeDay, invoice.id + 2)
          : created,
      );
      counts.invoices++;
      invoice.lines.forEach((line, position) => {
        insertLine.run(
          invoice.id,
          position,
          line.description,
          line.quantity,
          line.unitPrice,
          line.taxRate,
          line.net,
          line.tax,
        );
        counts.invoice_lines++;
      });
      event(
        created,
        invoice.draft ? 'invoice.drafted' : 'invoice.created',
        `Invoice ${invoice.number} for ${money(invoice.total, invoice.currency)}, due ${dueDate}.`,
        {
          invoiceId: invoice.id,
          number: invoice.number,
          total: invoice.total,
          currency: invoice.currency,
          dueDate,
        },
        invoice.customerId,
      );
    }

    const numbers = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice.number]));
    let next = 0;
    for (const payment of ledger.payments) {
      const at = instantOf(payment.day, payment.id);
      insertPayment.run(
        payment.id,
        payment.customerId,
        dateOf(payment.day),
        payment.amount,
        payment.currency,
        payment.method,
        payment.reference,
        at,
      );
      counts.payments++;
      // Allocations are sorted by payment: this payment's are the next ones.
      const applied: { invoiceId: number; number: string; amount: number }[] = [];
      for (; next < ledger.allocations.length; next++) {
        const allocation = ledger.allocations[next]!;
        if (allocation.payment !== payment) break;
        insertAllocation.run(payment.id, allocation.invoiceId, allocation.amount, at);
        counts.allocations++;
        applied.push({
          invoiceId: allocation.invoiceId,
          number: numbers.get(allocation.invoiceId)!,
          amount: allocation.amount,
        });
      }
      const left = payment.amount - applied.reduce((sum, a) => sum + a.amount, 0);
      const parts = applied.map((a) => `${money(a.amount, payment.currency)} to ${a.number}`);
      if (left > 0) parts.push(`${money(left, payment.currency)} kept as credit`);
      event(
        at,
        'payment.recorded',
        `Payment of ${money(payment.amount, payment.currency)} received${parts.length ? `: ${parts.join(', ')}` : ''}.`,
        {
          paymentId: payment.id,
          amount: payment.amount,
          currency: payment.currency,
          date: dateOf(payment.day),
          allocations: applied,
          unapplied: left,
        },
        payment.customerId,
      );
    }
    if (next !== ledger.allocations.length) {
      throw new Error('Allocations out of payment order: the generator has a bug.');
    }

    ledger.creditNotes.forEach((credit, index) => {
      const at = instantOf(credit.day, index + 3);
      const { invoice } = credit;
      const result = insertCreditNote.run(
        invoice.id,
        dateOf(credit.day),
        credit.amount,
        credit.reason,
        at,
      );
      counts.credit_notes++;
      event(
        at,
        'invoice.credited',
        `Credit note of ${money(credit.amount, invoice.currency)} on invoice ${invoice.number}: ${credit.reason}`,
        {
          invoiceId: invoice.id,
          creditNoteId: Number(result.lastInsertRowid),
          amount: credit.amount,
        },
        invoice.customerId,
      );
    });

    ledger.writeOffs.forEach((writeOff, index) => {
      const at = instantOf(writeOff.day, index + 5);
      const { invoice } = writeOff;
      insertWriteOff.run(invoice.id, dateOf(writeOff.day), writeOff.amount, writeOff.reason, at);
      counts.write_offs++;
      event(
        at,
        'invoice.written_off',
        `${money(writeOff.amount, invoice.currency)} of invoice ${invoice.number} written off: ${writeOff.reason}`,
        { invoiceId: invoice.id, amount: writeOff.amount, reason: writeOff.reason },
        invoice.customerId,
      );
    });

    ledger.refunds.forEach((refund, index) => {
      const at = instantOf(refund.day, index + 7);
      const { payment } = refund;
      insertRefund.run(payment.id, dateOf(refund.day), refund.amount, refund.method, at);
      counts.refunds++;
      event(
        at,
        'payment.refunded',
        `${money(refund.amount, payment.currency)} refunded.`,
        { paymentId: payment.id, amount: refund.amount },
        payment.customerId,
      );
    });

    // What each payment has used, kept beside its rows as the app keeps it (see 0002_ledger).
    sqlite.exec(`UPDATE payments SET applied_amount =
        coalesce((SELECT sum(amount) FROM allocations WHERE payment_id = payments.id), 0)
      + coalesce((SELECT sum(amount) FROM refunds WHERE payment_id = payments.id), 0)`);
  })();
  return counts;
}
