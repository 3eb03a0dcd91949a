/**
 * Writes a matched import plan, inside the caller's transaction: customers, invoices (their
 * totals, not the other program's line items: an invoice without lines is a whole invoice in
 * the ledger, and the PDF shows its total), what was paid before as one payment allocated to it, payments from the file allocated to
 * their invoice, a record of every row created or changed (for undo), and one timeline
 * event per customer touched. Every thousand rows it lets the event loop breathe, so a
 * progress request is answered and a cancel is heard; a cancel throws and the caller's
 * transaction rolls everything back.
 */
import type { Transaction } from 'kysely';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { ImportCounts } from '../../shared/api/imports';
import { daysBetween } from '../../shared/dates';
import { customerKinds, type CustomerKind } from '../../shared/ledger';
import type { ImportKind } from '../../shared/import/fields';
import { importWrites } from '../db/imports.repository';
import type { DB } from '../db/schema';
import { paidBeforeKey, type MatchedPlan } from './match';

export interface ApplyOptions {
  sqlite: Database.Database;
  trx: Transaction<DB>;
  matched: MatchedPlan;
  source: string;
  label: string;
  fileName: string;
  checksum: string;
  kind: ImportKind;
  /** The import's instant, ISO: every row it writes carries it. */
  now: string;
  /** Rows written so far, for the progress bar. */
  onProgress?: (written: number) => void;
  cancelled: () => boolean;
}

const breathEvery = 1000;

function termsOf(issueDate: string, dueDate: string): { kind: string; days: number } {
  const days = daysBetween(issueDate, dueDate);
  if (days === 0) return { kind: 'on_receipt', days: 0 };
  return days <= 366 ? { kind: 'net', days } : { kind: 'fixed_date', days: 0 };
}

interface Tally {
  created: number;
  updated: number;
  payments: number;
}

export async function applyImport(options: ApplyOptions): Promise<number> {
  const { matched, source, label, now, trx } = options;
  const w = importWrites(options.sqlite, trx);
  const importId = Number(
    w.insertImport.run(
      source,
      options.fileName,
      options.checksum,
      options.kind,
      JSON.stringify(matched.counts),
      now,
    ).lastInsertRowid,
  );
  /** An update, with the columns it changed as they were: created rows carry `import_id`. */
  const changed = (
    entity: 'customer' | 'invoice' | 'payment',
    id: number,
    before: Record<string, unknown>,
  ) => w.insertChange.run(importId, entity, id, JSON.stringify(before));

  let written = 0;
  /** Every thousand rows: report, let other work in, and stop if cancelled. */
  const breathe = async () => {
    options.onProgress?.(written);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.cancelled()) {
      throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
    }
  };

  const tallies = new Map<number, Tally>();
  const tallyOf = (customerId: number) => {
    let tally = tallies.get(customerId);
    if (!tally) tallies.set(customerId, (tally = { created: 0, updated: 0, payments: 0 }));
    return tally;
  };

  const customerIds = new Map<string, number>();
  const createdCustomers = new Set<number>();
  for (const match of matched.customers) {
    const { planned, existing } = match;
    if (!existing) {
      const id = Number(
        w.insertCustomer.run(
          planned.name,
          planned.company,
          // The kind decides which rules apply; a file seldom says, so a company column
          // makes a company and anything else gets the gentlest rules, a consumer's.
          customerKinds.includes(planned.kind as CustomerKind)
            ? planned.kind
            : planned.company !== ''
              ? 'company'
              : 'consumer',
          planned.email,
          planned.phone,
          now,
          now,
          importId,
        ).lastInsertRowid,
      );
      customerIds.set(planned.key, id);
      createdCustomers.add(id);
    } else {
      customerIds.set(planned.key, existing.id);
      if (match.action === 'update') {
        w.fillCustomer.run(
          existing.email || planned.email,
          existing.phone || planned.phone,
          existing.company || planned.company,
          now,
          existing.id,
        );
        changed('customer', existing.id, {
          email: existing.email,
          phone: existing.phone,
          company: existing.company,
        });
      }
    }
    if (++written % breathEvery === 0) await breathe();
  }

  const paidReference = `Paid before import from ${label}`;
  for (const match of matched.invoices) {
    const { planned, existing } = match;
    if (match.action === 'unchanged') continue;
    const customerId = customerIds.get(planned.customerKey)!;
    const voided = planned.standing === 'void' ? now : null;
    const voidReason = voided ? `Void in ${label}` : '';
    const terms = termsOf(planned.issueDate, planned.dueDate);
    let invoiceId: number;
    if (!existing) {
      // What was paid before is settled at once: its payment and allocation follow below.
      invoiceId = Number(
        w.insertInvoice.run(
          customerId,
          planned.number,
          source,
          planned.externalId,
          planned.issueDate,
          planned.dueDate,
          planned.currency,
          terms.kind,
          terms.days,
          planned.total,
          0,
          planned.total,
          match.paidToImport,
          planned.standing === 'draft' ? 1 : 0,
          voided,
          voidReason,
          now,
          now,
          importId,
        ).lastInsertRowid,
      );
      tallyOf(customerId).created += 1;
    } else {
      invoiceId = existing.id;
      const before = {
        issue_date: existing.issue_date,
        due_date: existing.due_date,
        total_amount: existing.total_amount,
        net_amount: existing.total_amount - existing.tax_amount,
        settled_amount: existing.settled_amount,
        is_draft: existing.is_draft,
        voided_at: existing.voided_at,
        paid_before: match.importedPaid?.amount ?? 0,
      };
      const settled =
        existing.settled_amount - (match.importedPaid?.amount ?? 0) + match.paidToImport;
      w.updateInvoice.run(
        planned.issueDate,
        planned.dueDate,
        planned.total - existing.tax_amount,
        planned.total,
        settled,
        planned.standing === 'draft' ? 1 : 0,
        existing.voided_at ?? voided,
        existing.voided_at ? '' : voidReason,
        now,
        invoiceId,
      );
      changed('invoice', invoiceId, before);
      if (match.importedPaid && match.importedPaid.amount !== match.paidToImport) {
        w.setPaymentAmount.run(match.paidToImport, match.paidToImport, match.importedPaid.id);
        w.setAllocationAmount.run(match.paidToImport, match.importedPaid.id);
        changed('payment', match.importedPaid.id, { amount: match.importedPaid.amount });
      }
      tallyOf(customerId).updated += 1;
    }
    if (match.paidToImport > 0 && !match.importedPaid) {
      const paymentId = Number(
        w.insertPayment.run(
          customerId,
          planned.issueDate,
          match.paidToImport,
          planned.currency,
          'Imported',
          paidReference,
          source,
          paidBeforeKey(planned),
          match.paidToImport,
          now,
          importId,
        ).lastInsertRowid,
      );
      w.insertAllocation.run(paymentId, invoiceId, match.paidToImport, now);
    }
    if (++written % breathEvery === 0) await breathe();
  }

  for (const match of matched.payments) {
    if (match.action === 'unchanged') continue;
    const { planned } = match;
    const customerId = customerIds.get(planned.customerKey)!;
    const invoice =
      planned.invoiceNumber === ''
        ? undefined
        : w.invoiceForPayment.get(planned.invoiceNumber, customerId);
    const allocate =
      invoice && invoice.live === 1 && invoice.currency === planned.currency
        ? Math.min(invoice.open, planned.amount)
        : 0;
    const paymentId = Number(
      w.insertPayment.run(
        customerId,
        planned.date,
        planned.amount,
        planned.currency,
        'Imported',
        planned.invoiceNumber === '' ? '' : `Invoice ${planned.invoiceNumber}`,
        source,
        planned.key,
        allocate,
        now,
        importId,
      ).lastInsertRowid,
    );
    if (allocate > 0) {
      w.insertAllocation.run(paymentId, invoice!.id, allocate, now);
      w.addToSettled.run(allocate, now, invoice!.id);
    }
    tallyOf(customerId).payments += 1;
    if (++written % breathEvery === 0) await breathe();
  }

  const from = `from ${label} (${options.fileName})`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const customerId of new Set([...createdCustomers, ...tallies.keys()])) {
    const tally = tallyOf(customerId);
    const parts = [
      tally.created > 0 ? `${plural(tally.created, 'invoice')} added` : '',
      tally.updated > 0 ? `${plural(tally.updated, 'invoice')} brought up to date` : '',
      tally.payments > 0 ? `${plural(tally.payments, 'payment')} added` : '',
    ].filter((part) => part !== '');
    const summary = createdCustomers.has(customerId)
      ? `Added ${from}${parts.length > 0 ? `, with ${parts.join(', ')}` : ''}.`
      : `Import ${from}: ${parts.join(', ')}.`;
    w.appendEvent.run(
      now,
      'import.applied',
      summary,
      JSON.stringify({ importId, ...tally }),
      customerId,
    );
  }
  const counts: ImportCounts = matched.counts;
  w.appendEvent.run(
    now,
    'import.applied',
    `Imported ${options.fileName} ${from.slice(0, from.indexOf(' ('))}: ${plural(counts.customers.created, 'new customer')}, ${plural(counts.invoices.created, 'new invoice')}, ${plural(counts.invoices.updated, 'invoice')} updated, ${plural(counts.payments.created, 'payment')}.`,
    JSON.stringify({ importId, counts }),
    null,
  );
  options.onProgress?.(written);
  return importId;
}
