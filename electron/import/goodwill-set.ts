/**
 * Goodwill's own export, read as a set of files (shared/import/goodwill-set.ts), matched
 * against the ledger and written in the caller's transaction.
 *
 * Matching, so that importing the same export again changes nothing:
 * - customers by name (loosely, as every import does); one already there is left as it is;
 * - invoices by number; one already there is left as it is (its customer, currency and total
 *   must agree, else the row is an error);
 * - payments, credit notes, write-offs and refunds have no number, so they are matched by what
 *   they are: a payment by customer, date, amount, currency, method, reference and where it
 *   went (or by its source and id in the program it first came from); a credit note or
 *   write-off by invoice, date, amount and reason; each counted, so two equal payments in the
 *   file are two payments, and a third in the ledger is not taken for either.
 *
 * Undo: created rows carry the import's number; credit notes, write-offs and refunds carry its
 * instant (`created_at`), and an invoice already there that gets one is recorded as changed,
 * with its settled amount as it was.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportCounts } from '../../shared/api/imports';
import type {
  GoodwillSetPlan,
  SetCustomer,
  SetInvoice,
  SetInvoiceAdjustment,
  SetPayment,
} from '../../shared/import/goodwill-set';
import { customerKey } from '../../shared/import/plan';
import type { DB } from '../db/schema';

export const goodwillSetSource = { id: 'goodwill-export', label: 'Goodwill export' };

interface LedgerInvoiceRow {
  id: number;
  customer_id: number;
  number: string;
  currency: string;
  total_amount: number;
  settled_amount: number;
  issue_date: string;
  due_date: string;
  net_amount: number;
  is_draft: number;
  voided_at: string | null;
}

export interface SetMatch {
  customers: { planned: SetCustomer; existingId: number | null }[];
  invoices: { planned: SetInvoice; existing: LedgerInvoiceRow | null }[];
  /** Invoices already in Goodwill that this import adds money or credit to. */
  touched: Map<number, LedgerInvoiceRow>;
  payments: { planned: SetPayment; action: 'create' | 'unchanged' }[];
  adjustments: { planned: SetInvoiceAdjustment; action: 'create' | 'unchanged' }[];
  refunds: { created: number; unchanged: number };
  counts: ImportCounts;
}

const count = <T>(list: T[], keep: (item: T) => boolean) => list.filter(keep).length;

/** A multiset: how many of each key are still to be claimed. */
class Tally<V> {
  private readonly map = new Map<string, V[]>();
  add(key: string, value: V) {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }
  /** One value with this key, taken out; undefined when none is left. */
  take(key: string): V | undefined {
    return this.map.get(key)?.shift();
  }
}

const allocationKey = (allocations: { invoiceNumber: string; amount: number }[]) =>
  allocations
    .map((a) => `${a.invoiceNumber}:${a.amount}`)
    .sort()
    .join(',');

const paymentKey = (p: {
  customerId: number;
  date: string;
  currency: string;
  amount: number;
  method: string;
  reference: string;
  allocations: { invoiceNumber: string; amount: number }[];
}) =>
  JSON.stringify([
    p.customerId,
    p.date,
    p.currency,
    p.amount,
    p.method,
    p.reference,
    allocationKey(p.allocations),
  ]);

const adjustmentKey = (a: {
  kind: string;
  invoiceId: number;
  date: string;
  amount: number;
  reason: string;
}) => JSON.stringify([a.kind, a.invoiceId, a.date, a.amount, a.reason]);

const refundKey = (r: { date: string; amount: number; method: string; reference: string }) =>
  JSON.stringify([r.date, r.amount, r.method, r.reference]);

export async function matchGoodwillSet(
  db: Kysely<DB> | Transaction<DB>,
  plan: GoodwillSetPlan,
): Promise<SetMatch> {
  const conflict = (
    at: { file: string; row: number },
    column: string,
    message: string,
    value?: string,
  ) => {
    plan.errorCount += 1;
    plan.issues.push({
      file: at.file,
      row: at.row,
      column,
      ...(value !== undefined ? { value } : {}),
      message,
      severity: 'error',
    });
  };

  const ledgerCustomers = new Map<string, number>();
  for (const c of await db.selectFrom('customers').select(['id', 'name']).orderBy('id').execute()) {
    const key = customerKey(c.name);
    if (!ledgerCustomers.has(key)) ledgerCustomers.set(key, c.id);
  }
  const customers = plan.customers.map((planned) => ({
    planned,
    existingId: ledgerCustomers.get(planned.key) ?? null,
  }));
  const customerIdOf = new Map(customers.map((c) => [c.planned.key, c.existingId]));

  // Invoices: by number. Every number the set names, from any file.
  const numbers = new Set([
    ...plan.invoices.map((i) => i.number),
    ...plan.payments.flatMap((p) => p.allocations.map((a) => a.invoiceNumber)),
    ...plan.adjustments.map((a) => a.invoiceNumber),
  ]);
  const ledgerInvoices = new Map<string, LedgerInvoiceRow>();
  const numberList = [...numbers];
  for (let i = 0; i < numberList.length; i += 500) {
    const rows = await db
      .selectFrom('invoices')
      .select([
        'id',
        'customer_id',
        'number',
        'currency',
        'total_amount',
        'settled_amount',
        'issue_date',
        'due_date',
        'net_amount',
        'is_draft',
        'voided_at',
      ])
      .where('number', 'in', numberList.slice(i, i + 500))
      .execute();
    for (const row of rows) ledgerInvoices.set(row.number, row);
  }
  const externalIds = new Map<string, string>();
  for (const row of await db
    .selectFrom('invoices')
    .select(['source', 'external_id', 'number'])
    .where('external_id', 'is not', null)
    .execute()) {
    externalIds.set(JSON.stringify([row.source, row.external_id]), row.number);
  }

  const invoices: SetMatch['invoices'] = [];
  /** What each invoice the set names would still have open: to refuse paying it twice. */
  const open = new Map<string, { open: number; customerKey: string; currency: string }>();
  const inSet = new Set<string>();
  for (const planned of plan.invoices) {
    const existing = ledgerInvoices.get(planned.number) ?? null;
    if (existing) {
      if (existing.customer_id !== customerIdOf.get(planned.customerKey)) {
        conflict(
          planned,
          'invoice_number',
          `Goodwill already has an invoice ${planned.number} for another customer; it was left as it is.`,
          planned.number,
        );
        continue;
      }
      if (existing.currency !== planned.currency || existing.total_amount !== planned.total) {
        conflict(
          planned,
          'invoice_total',
          `Invoice ${planned.number} is already in Goodwill with another total or currency; it was left as it is.`,
        );
        continue;
      }
    } else if (planned.externalId !== null) {
      const twin = externalIds.get(JSON.stringify([planned.source, planned.externalId]));
      if (twin !== undefined) {
        conflict(
          planned,
          'external_id',
          `Goodwill already has this invoice from ${planned.source}, numbered ${twin}.`,
        );
        continue;
      }
    }
    inSet.add(planned.number);
    invoices.push({ planned, existing });
    open.set(planned.number, {
      open: existing ? existing.total_amount - existing.settled_amount : planned.total,
      customerKey: planned.customerKey,
      currency: planned.currency,
    });
  }
  const touched = new Map<number, LedgerInvoiceRow>();
  /** The invoice a payment or adjustment names, if it may take `amount` more. */
  const claim = (number: string, owner: string, currency: string, amount: number) => {
    let entry = open.get(number);
    if (!entry && !inSet.has(number)) {
      const existing = ledgerInvoices.get(number);
      if (existing) {
        const ownerId = customerIdOf.get(owner);
        if (existing.customer_id !== ownerId) return 'another customer';
        entry = {
          open: existing.total_amount - existing.settled_amount,
          customerKey: owner,
          currency: existing.currency,
        };
        open.set(number, entry);
      }
    }
    if (!entry) return 'missing';
    if (entry.customerKey !== owner || entry.currency !== currency) return 'another customer';
    if (entry.open < amount) return 'too much';
    entry.open -= amount;
    const existing = ledgerInvoices.get(number);
    if (existing) touched.set(existing.id, existing);
    return 'ok';
  };
  const why = (result: string, number: string) =>
    result === 'missing'
      ? `Invoice ${number} is neither among the files nor in Goodwill.`
      : result === 'another customer'
        ? `Invoice ${number} is another customer's or in another currency.`
        : `This would bring invoice ${number} below nothing owed.`;

  // Payments already in Goodwill, by what they are.
  const knownCustomerIds = [...new Set(customers.flatMap((c) => c.existingId ?? []))];
  const ledgerPayments = new Tally<number>();
  const bySourceId = new Map<string, number>();
  const ledgerRefunds = new Map<number, Tally<number>>();
  for (let i = 0; i < knownCustomerIds.length; i += 500) {
    const ids = knownCustomerIds.slice(i, i + 500);
    const payments = await db
      .selectFrom('payments')
      .select([
        'id',
        'customer_id',
        'date',
        'currency',
        'amount',
        'method',
        'reference',
        'source',
        'external_id',
      ])
      .where('customer_id', 'in', ids)
      .execute();
    const allocations = await db
      .selectFrom('allocations as a')
      .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
      .innerJoin('payments as p', 'p.id', 'a.payment_id')
      .select(['a.payment_id', 'a.amount', 'i.number'])
      .where('p.customer_id', 'in', ids)
      .execute();
    const refunds = await db
      .selectFrom('refunds as r')
      .innerJoin('payments as p', 'p.id', 'r.payment_id')
      .select(['r.id', 'r.payment_id', 'r.date', 'r.amount', 'r.method', 'r.reference'])
      .where('p.customer_id', 'in', ids)
      .execute();
    const allocationsOf = new Map<number, { invoiceNumber: string; amount: number }[]>();
    for (const a of allocations) {
      const list = allocationsOf.get(a.payment_id) ?? [];
      list.push({ invoiceNumber: a.number, amount: a.amount });
      allocationsOf.set(a.payment_id, list);
    }
    for (const p of payments) {
      ledgerPayments.add(
        paymentKey({
          customerId: p.customer_id,
          date: p.date,
          currency: p.currency,
          amount: p.amount,
          method: p.method,
          reference: p.reference,
          allocations: allocationsOf.get(p.id) ?? [],
        }),
        p.id,
      );
      if (p.external_id !== null) bySourceId.set(JSON.stringify([p.source, p.external_id]), p.id);
    }
    for (const r of refunds) {
      let tally = ledgerRefunds.get(r.payment_id);
      if (!tally) ledgerRefunds.set(r.payment_id, (tally = new Tally()));
      tally.add(refundKey(r), r.id);
    }
  }

  const payments: SetMatch['payments'] = [];
  const refunds = { created: 0, unchanged: 0 };
  const claimedPayments = new Set<number>();
  for (const planned of plan.payments) {
    const customerId = customerIdOf.get(planned.customerKey) ?? null;
    let existingId: number | undefined;
    if (customerId !== null) {
      existingId = ledgerPayments.take(paymentKey({ ...planned, customerId }));
      if (existingId === undefined && planned.externalId !== null) {
        const byId = bySourceId.get(JSON.stringify([planned.source, planned.externalId]));
        if (byId !== undefined && !claimedPayments.has(byId)) existingId = byId;
      }
    }
    if (existingId !== undefined) {
      claimedPayments.add(existingId);
      // A refund made since the payment came in: one step too many for an import to undo.
      const known = ledgerRefunds.get(existingId);
      const fresh = planned.refunds.find((r) => known?.take(refundKey(r)) === undefined);
      if (fresh) {
        conflict(
          fresh,
          'payment_id',
          'This refund is of a payment already in Goodwill: please record it on that payment there.',
        );
      }
      refunds.unchanged += planned.refunds.length - (fresh ? 1 : 0);
      payments.push({ planned, action: 'unchanged' });
      continue;
    }
    if (planned.externalId !== null) {
      const byId = bySourceId.get(JSON.stringify([planned.source, planned.externalId]));
      if (byId !== undefined) {
        conflict(
          planned,
          'external_id',
          `Goodwill already has this payment from ${planned.source}, with other details; it was left as it is.`,
        );
        continue;
      }
    }
    const refused = planned.allocations
      .map((a) => ({
        a,
        result: claim(a.invoiceNumber, planned.customerKey, planned.currency, a.amount),
      }))
      .find((x) => x.result !== 'ok');
    if (refused) {
      conflict(
        { file: planned.file, row: refused.a.row },
        'invoice_number',
        why(refused.result, refused.a.invoiceNumber),
        refused.a.invoiceNumber,
      );
      continue;
    }
    refunds.created += planned.refunds.length;
    payments.push({ planned, action: 'create' });
  }

  // Credit notes and write-offs already in Goodwill, on the invoices the set names.
  const ledgerAdjustments = new Tally<number>();
  const touchedIds = [...ledgerInvoices.values()].map((i) => i.id);
  for (let i = 0; i < touchedIds.length; i += 500) {
    const ids = touchedIds.slice(i, i + 500);
    for (const kind of ['credit_note', 'write_off'] as const) {
      const rows = await db
        .selectFrom(kind === 'credit_note' ? 'credit_notes' : 'write_offs')
        .select(['id', 'invoice_id', 'date', 'amount', 'reason'])
        .where('invoice_id', 'in', ids)
        .execute();
      for (const row of rows) {
        ledgerAdjustments.add(adjustmentKey({ kind, invoiceId: row.invoice_id, ...row }), row.id);
      }
    }
  }
  const adjustments: SetMatch['adjustments'] = [];
  for (const planned of plan.adjustments) {
    const existing = ledgerInvoices.get(planned.invoiceNumber);
    if (
      existing &&
      existing.customer_id === customerIdOf.get(planned.customerKey) &&
      ledgerAdjustments.take(adjustmentKey({ ...planned, invoiceId: existing.id })) !== undefined
    ) {
      adjustments.push({ planned, action: 'unchanged' });
      continue;
    }
    const result = claim(
      planned.invoiceNumber,
      planned.customerKey,
      planned.currency,
      planned.amount,
    );
    if (result !== 'ok') {
      conflict(
        planned,
        'invoice_number',
        why(result, planned.invoiceNumber),
        planned.invoiceNumber,
      );
      continue;
    }
    adjustments.push({ planned, action: 'create' });
  }

  return {
    customers,
    invoices,
    touched,
    payments,
    adjustments,
    refunds,
    counts: {
      rows: {
        read: plan.rows.read,
        used: plan.rows.used,
        passedOver: plan.rows.passedOver,
        withErrors: plan.errorCount,
      },
      customers: {
        created: count(customers, (c) => c.existingId === null),
        updated: 0,
        unchanged: count(customers, (c) => c.existingId !== null),
      },
      invoices: {
        created: count(invoices, (i) => i.existing === null),
        updated: 0,
        unchanged: count(invoices, (i) => i.existing !== null),
      },
      payments: {
        created: count(payments, (p) => p.action === 'create'),
        unchanged: count(payments, (p) => p.action === 'unchanged'),
      },
      adjustments: {
        created: count(adjustments, (a) => a.action === 'create') + refunds.created,
        unchanged: count(adjustments, (a) => a.action === 'unchanged') + refunds.unchanged,
      },
    },
  };
}

export async function applyGoodwillSet(options: {
  trx: Transaction<DB>;
  matched: SetMatch;
  fileName: string;
  checksum: string;
  now: string;
}): Promise<number> {
  const { trx, matched, now } = options;
  const { id: importId } = await trx
    .insertInto('imports')
    .values({
      source: goodwillSetSource.id,
      file_name: options.fileName,
      checksum: options.checksum,
      kind: 'invoices',
      counts: JSON.stringify(matched.counts),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const tallies = new Map<number, { invoices: number; payments: number; adjustments: number }>();
  const tallyOf = (customerId: number) => {
    let tally = tallies.get(customerId);
    if (!tally) tallies.set(customerId, (tally = { invoices: 0, payments: 0, adjustments: 0 }));
    return tally;
  };

  const customerIds = new Map<string, number>();
  const created = new Set<number>();
  for (const { planned, existingId } of matched.customers) {
    if (existingId !== null) {
      customerIds.set(planned.key, existingId);
      continue;
    }
    const { id } = await trx
      .insertInto('customers')
      .values({
        name: planned.name,
        company: planned.company,
        kind: planned.kind,
        contact_person: planned.contactPerson,
        email: planned.email,
        cc_emails: JSON.stringify(planned.ccEmails),
        phone: planned.phone,
        address: planned.address,
        locale: planned.locale,
        time_zone: planned.timeZone,
        tags: JSON.stringify(planned.tags),
        notes: planned.notes,
        do_not_contact: planned.doNotContact ? 1 : 0,
        do_not_contact_reason: planned.doNotContact?.reason ?? '',
        do_not_contact_until: planned.doNotContact?.until ?? null,
        credit_hold: planned.creditHoldReason !== null ? 1 : 0,
        credit_hold_reason: planned.creditHoldReason ?? '',
        archived_at: planned.archived ? now : null,
        created_at: now,
        updated_at: now,
        import_id: importId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    customerIds.set(planned.key, id);
    created.add(id);
  }

  // Invoices already there that get money or credit: recorded as they were, for undo.
  for (const existing of matched.touched.values()) {
    await trx
      .insertInto('import_changes')
      .values({
        import_id: importId,
        entity: 'invoice',
        entity_id: existing.id,
        action: 'updated',
        before: JSON.stringify({
          issue_date: existing.issue_date,
          due_date: existing.due_date,
          total_amount: existing.total_amount,
          net_amount: existing.net_amount,
          settled_amount: existing.settled_amount,
          is_draft: existing.is_draft,
          voided_at: existing.voided_at,
        }),
      })
      .execute();
  }

  const invoiceIds = new Map<string, number>();
  for (const { planned, existing } of matched.invoices) {
    if (existing) {
      invoiceIds.set(planned.number, existing.id);
      continue;
    }
    const customerId = customerIds.get(planned.customerKey)!;
    const { id } = await trx
      .insertInto('invoices')
      .values({
        customer_id: customerId,
        number: planned.number,
        source: planned.source,
        external_id: planned.externalId,
        issue_date: planned.issueDate,
        due_date: planned.dueDate,
        currency: planned.currency,
        terms_kind: planned.termsKind,
        terms_days: planned.termsDays,
        discount_percent: planned.discountPercent,
        discount_days: planned.discountDays,
        notes: planned.notes,
        net_amount: planned.net,
        tax_amount: planned.tax,
        total_amount: planned.total,
        settled_amount: 0,
        is_draft: planned.draft ? 1 : 0,
        voided_at: planned.void ? now : null,
        void_reason: planned.voidReason,
        created_at: now,
        updated_at: now,
        import_id: importId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (planned.lines.length > 0) {
      await trx
        .insertInto('invoice_lines')
        .values(
          planned.lines.map((line, index) => ({
            invoice_id: id,
            position: index,
            description: line.description,
            quantity: line.quantity,
            unit_price: line.unitPrice,
            tax_rate: line.taxRate,
            net_amount: line.net,
            tax_amount: line.tax,
          })),
        )
        .execute();
    }
    invoiceIds.set(planned.number, id);
    tallyOf(customerId).invoices += 1;
  }
  const invoiceIdOf = async (number: string) => {
    const known = invoiceIds.get(number);
    if (known !== undefined) return known;
    const row = await trx
      .selectFrom('invoices')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    invoiceIds.set(number, row.id);
    return row.id;
  };
  const settle = (invoiceId: number, amount: number) =>
    trx
      .updateTable('invoices')
      .set({ settled_amount: sql`settled_amount + ${amount}`, updated_at: now })
      .where('id', '=', invoiceId)
      .execute();

  for (const { planned, action } of matched.payments) {
    if (action === 'unchanged') continue;
    const customerId = customerIds.get(planned.customerKey)!;
    const applied =
      planned.allocations.reduce((sum, a) => sum + a.amount, 0) +
      planned.refunds.reduce((sum, r) => sum + r.amount, 0);
    const { id } = await trx
      .insertInto('payments')
      .values({
        customer_id: customerId,
        date: planned.date,
        amount: planned.amount,
        currency: planned.currency,
        method: planned.method,
        reference: planned.reference,
        source: planned.source,
        external_id: planned.externalId,
        applied_amount: applied,
        created_at: now,
        import_id: importId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const allocation of planned.allocations) {
      const invoiceId = await invoiceIdOf(allocation.invoiceNumber);
      await trx
        .insertInto('allocations')
        .values({
          payment_id: id,
          invoice_id: invoiceId,
          amount: allocation.amount,
          created_at: now,
        })
        .execute();
      await settle(invoiceId, allocation.amount);
    }
    for (const refund of planned.refunds) {
      await trx
        .insertInto('refunds')
        .values({
          payment_id: id,
          date: refund.date,
          amount: refund.amount,
          method: refund.method,
          reference: refund.reference,
          created_at: now,
        })
        .execute();
    }
    tallyOf(customerId).payments += 1;
  }

  for (const { planned, action } of matched.adjustments) {
    if (action === 'unchanged') continue;
    const invoiceId = await invoiceIdOf(planned.invoiceNumber);
    await trx
      .insertInto(planned.kind === 'credit_note' ? 'credit_notes' : 'write_offs')
      .values({
        invoice_id: invoiceId,
        date: planned.date,
        amount: planned.amount,
        reason: planned.reason,
        created_at: now,
      })
      .execute();
    await settle(invoiceId, planned.amount);
    tallyOf(customerIds.get(planned.customerKey)!).adjustments += 1;
  }

  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const from = `from a Goodwill export (${options.fileName})`;
  const events = [];
  for (const customerId of new Set([...created, ...tallies.keys()])) {
    const tally = tallyOf(customerId);
    const parts = [
      tally.invoices > 0 ? `${plural(tally.invoices, 'invoice')} added` : '',
      tally.payments > 0 ? `${plural(tally.payments, 'payment')} added` : '',
      tally.adjustments > 0
        ? `${plural(tally.adjustments, 'credit note or write-off')} added`.replace(
            'credit note or write-offs',
            'credit notes or write-offs',
          )
        : '',
    ].filter((part) => part !== '');
    events.push({
      occurred_at: now,
      kind: 'import.applied',
      summary: created.has(customerId)
        ? `Added ${from}${parts.length > 0 ? `, with ${parts.join(', ')}` : ''}.`
        : `Import ${from}: ${parts.join(', ')}.`,
      details: JSON.stringify({ importId, ...tally }),
      customer_id: customerId,
    });
  }
  const counts = matched.counts;
  events.push({
    occurred_at: now,
    kind: 'import.applied',
    summary:
      `Imported a Goodwill export (${options.fileName}): ${plural(counts.customers.created, 'new customer')}, ${plural(counts.invoices.created, 'new invoice')}, ${plural(counts.payments.created, 'payment')}, ${plural(counts.adjustments?.created ?? 0, 'credit, write-off or refund')}.`.replace(
        'credit, write-off or refunds',
        'credits, write-offs or refunds',
      ),
    details: JSON.stringify({ importId, counts }),
    customer_id: null,
  });
  for (let i = 0; i < events.length; i += 200) {
    await trx
      .insertInto('events')
      .values(events.slice(i, i + 200))
      .execute();
  }
  return importId;
}
