/**
 * The ledger read out as the rows of Goodwill's own export (shared/exports/goodwill-export.ts)
 * and the timeline, for everyone or for one customer (the agency dossier). Read-only.
 *
 * Rows come one at a time (better-sqlite3's `iterate`), so a file of any size is written
 * without holding its rows: each function is a generator, read to its end by the caller. Kysely
 * builds every query (typed by the schema) but never runs it; better-sqlite3 runs it on the
 * connection given, which for a whole-ledger export is a read-only one of its own (see
 * export-reader.ts): while a statement is being iterated its connection can take no writes.
 * The one-row-at-a-time sums and lines use the indexes on invoice_id and payment_id.
 */
import type Database from 'better-sqlite3';
import { sql, type Compilable, type Kysely } from 'kysely';
import type {
  AdjustmentExportRow,
  CustomerExportRow,
  InvoiceLineExportRow,
  PaymentAllocationExportRow,
} from '../../shared/exports/goodwill-export';
import type { TimelineCsvRow } from '../../shared/exports/report-csv';
import { invoiceState, openAmount } from '../../shared/invoices';
import type { DB } from './schema';
import { minorFromSql } from './sql-helpers';

export interface ExportScope {
  /** One customer's rows only; everyone's when left out. */
  customerId?: number | undefined;
}

/** Where rows are read from: `db` builds the queries, `sqlite` runs them row by row. */
export interface RowSource {
  db: Kysely<DB>;
  sqlite: Database.Database;
}

/** The query's rows, one at a time. */
function* rowsOf<O>(sqlite: Database.Database, query: Compilable<O>): Generator<O> {
  const { sql: text, parameters } = query.compile();
  yield* sqlite.prepare(text).iterate(...parameters) as IterableIterator<O>;
}

/**
 * A query asked once per row of another (an invoice's lines): prepared once, with the one id
 * it is built with (`0`) replaced by each row's.
 */
function perRow<O>(sqlite: Database.Database, query: Compilable<O>): (id: number) => O[] {
  const { sql: text, parameters } = query.compile();
  if (parameters.length !== 1) throw new Error('A per-row query takes exactly one id.');
  const statement = sqlite.prepare(text);
  return (id) => statement.all(id) as O[];
}

export function* customerExportRows(
  { db, sqlite }: RowSource,
  scope: ExportScope,
): Generator<CustomerExportRow> {
  let query = db.selectFrom('customers').selectAll();
  if (scope.customerId !== undefined) query = query.where('id', '=', scope.customerId);
  for (const row of rowsOf(sqlite, query.orderBy('id'))) {
    yield {
      customerId: row.id,
      name: row.name,
      company: row.company,
      kind: row.kind,
      contactPerson: row.contact_person,
      email: row.email,
      ccEmails: JSON.parse(row.cc_emails) as string[],
      phone: row.phone,
      address: row.address,
      locale: row.locale,
      timeZone: row.time_zone,
      tags: JSON.parse(row.tags) as string[],
      notes: row.notes,
      doNotContactReason: row.do_not_contact ? row.do_not_contact_reason : null,
      doNotContactUntil: row.do_not_contact ? row.do_not_contact_until : null,
      creditHoldReason: row.credit_hold ? row.credit_hold_reason : null,
      archived: row.archived_at !== null,
      createdAt: row.created_at,
    };
  }
}

export function* invoiceExportRows(
  { db, sqlite }: RowSource,
  scope: ExportScope,
): Generator<InvoiceLineExportRow> {
  let query = db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .selectAll('i')
    .select((eb) => {
      // Paid, credited and written off per invoice, summed where the invoice is read.
      const sumOf = (table: 'allocations' | 'credit_notes' | 'write_offs') =>
        eb
          .selectFrom(`${table} as x` as 'allocations as x')
          .select((e) => e.fn.sum<number>('x.amount').as('amount'))
          .whereRef('x.invoice_id', '=', 'i.id');
      return [
        'c.name as customer_name',
        sumOf('allocations').as('paid_sum'),
        sumOf('credit_notes').as('credited_sum'),
        sumOf('write_offs').as('written_off_sum'),
      ];
    });
  if (scope.customerId !== undefined) query = query.where('i.customer_id', '=', scope.customerId);
  const linesOf = perRow(
    sqlite,
    db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', 0).orderBy('position'),
  );
  for (const invoice of rowsOf(sqlite, query.orderBy('i.issue_date').orderBy('i.id'))) {
    const settled = {
      paid: minorFromSql(invoice.paid_sum),
      credited: minorFromSql(invoice.credited_sum),
      writtenOff: minorFromSql(invoice.written_off_sum),
    };
    const state = invoiceState(
      {
        total: invoice.total_amount,
        draft: invoice.is_draft === 1,
        voided: invoice.voided_at !== null,
      },
      settled,
    );
    const live = state === 'open' || state === 'partially_paid';
    const open = live ? openAmount(invoice.total_amount, settled) : 0;
    const lines = linesOf(invoice.id);
    // Each row written out whole, not spread from a shared part: hundreds of thousands of rows
    // with one shape each are several times faster to make and to read than spread copies.
    const row = (line: (typeof lines)[number] | null, lineNumber: number | null) => ({
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerId: invoice.customer_id,
      customerName: invoice.customer_name,
      state,
      issueDate: invoice.issue_date,
      dueDate: invoice.due_date,
      currency: invoice.currency,
      termsKind: invoice.terms_kind,
      termsDays: invoice.terms_days,
      discountPercent: invoice.discount_percent,
      discountDays: invoice.discount_days,
      notes: invoice.notes,
      voidReason: invoice.void_reason,
      lineNumber,
      lineDescription: line?.description ?? '',
      lineQuantity: line?.quantity ?? '',
      lineUnitPrice: line?.unit_price ?? null,
      lineTaxRate: line ? line.tax_rate : null,
      lineNet: line?.net_amount ?? null,
      lineTax: line?.tax_amount ?? null,
      invoiceNet: invoice.net_amount,
      invoiceTax: invoice.tax_amount,
      invoiceTotal: invoice.total_amount,
      paid: settled.paid,
      credited: settled.credited,
      writtenOff: settled.writtenOff,
      open,
      source: invoice.source,
      externalId: invoice.external_id,
    });
    if (lines.length === 0) yield row(null, null);
    for (const [index, line] of lines.entries()) yield row(line, index + 1);
  }
}

export function* paymentExportRows(
  { db, sqlite }: RowSource,
  scope: ExportScope,
): Generator<PaymentAllocationExportRow> {
  let query = db
    .selectFrom('payments as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .selectAll('p')
    .select((eb) => [
      'c.name as customer_name',
      eb
        .selectFrom('refunds as r')
        .select((e) => e.fn.sum<number>('r.amount').as('amount'))
        .whereRef('r.payment_id', '=', 'p.id')
        .as('refunded_sum'),
    ]);
  if (scope.customerId !== undefined) query = query.where('p.customer_id', '=', scope.customerId);
  const allocationsOf = perRow(
    sqlite,
    db
      .selectFrom('allocations as a')
      .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
      .select(['a.invoice_id', 'a.amount', 'i.number', 'i.customer_id'])
      .where('a.payment_id', '=', 0)
      .orderBy('a.id'),
  );
  for (const payment of rowsOf(sqlite, query.orderBy('p.date').orderBy('p.id'))) {
    // One customer's slice lists only what went to that customer's invoices.
    const allocations = allocationsOf(payment.id).filter(
      (a) => scope.customerId === undefined || a.customer_id === scope.customerId,
    );
    const refunded = minorFromSql(payment.refunded_sum);
    // Written out whole, as invoice rows are (see there).
    const row = (allocation: (typeof allocations)[number] | null) => ({
      paymentId: payment.id,
      customerId: payment.customer_id,
      customerName: payment.customer_name,
      date: payment.date,
      currency: payment.currency,
      amount: payment.amount,
      method: payment.method,
      reference: payment.reference,
      refunded,
      unapplied: payment.amount - payment.applied_amount,
      invoiceId: allocation?.invoice_id ?? null,
      invoiceNumber: allocation?.number ?? '',
      allocatedAmount: allocation?.amount ?? null,
      source: payment.source,
      externalId: payment.external_id,
    });
    if (allocations.length === 0) yield row(null);
    for (const allocation of allocations) yield row(allocation);
  }
}

export function* adjustmentExportRows(
  { db, sqlite }: RowSource,
  scope: ExportScope,
): Generator<AdjustmentExportRow> {
  const againstInvoices = (table: 'credit_notes' | 'write_offs') => {
    const kind = table === 'credit_notes' ? 'credit_note' : 'write_off';
    // The two tables have the same columns; one name keeps Kysely's types simple.
    let query = db
      .selectFrom(`${table} as x` as 'credit_notes as x')
      .innerJoin('invoices as i', 'i.id', 'x.invoice_id')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .select([
        sql<AdjustmentExportRow['kind']>`${sql.lit(kind)}`.as('kind'),
        'x.id as adjustment_id',
        'x.date',
        'c.id as customer_id',
        'c.name as customer_name',
        'i.currency',
        'x.amount',
        sql<number | null>`i.id`.as('invoice_id'),
        'i.number as invoice_number',
        sql<number | null>`NULL`.as('payment_id'),
        'x.reason',
        sql<string>`''`.as('method'),
        sql<string>`''`.as('reference'),
      ]);
    if (scope.customerId !== undefined) query = query.where('c.id', '=', scope.customerId);
    return query;
  };
  let refunds = db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select([
      sql<AdjustmentExportRow['kind']>`'refund'`.as('kind'),
      'r.id as adjustment_id',
      'r.date',
      'c.id as customer_id',
      'c.name as customer_name',
      'p.currency',
      'r.amount',
      sql<number | null>`NULL`.as('invoice_id'),
      sql<string>`''`.as('invoice_number'),
      sql<number | null>`p.id`.as('payment_id'),
      sql<string>`''`.as('reason'),
      'r.method',
      'r.reference',
    ]);
  if (scope.customerId !== undefined) refunds = refunds.where('c.id', '=', scope.customerId);
  const all = againstInvoices('credit_notes')
    .unionAll(againstInvoices('write_offs'))
    .unionAll(refunds)
    // By day, then kind; ties in the order they were recorded.
    .orderBy('date')
    .orderBy('kind')
    .orderBy('adjustment_id');
  for (const x of rowsOf(sqlite, all)) {
    yield {
      kind: x.kind,
      adjustmentId: x.adjustment_id,
      date: x.date,
      customerId: x.customer_id,
      customerName: x.customer_name,
      currency: x.currency,
      amount: x.amount,
      invoiceId: x.invoice_id,
      invoiceNumber: x.invoice_number,
      paymentId: x.payment_id,
      reason: x.reason,
      method: x.method,
      reference: x.reference,
    };
  }
}

export function* timelineExportRows(
  { db, sqlite }: RowSource,
  scope: ExportScope,
): Generator<TimelineCsvRow> {
  let query = db
    .selectFrom('events as e')
    .leftJoin('customers as c', 'c.id', 'e.customer_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.kind',
      'e.summary',
      'e.details',
      'e.customer_id',
      'c.name',
    ]);
  if (scope.customerId !== undefined) query = query.where('e.customer_id', '=', scope.customerId);
  for (const row of rowsOf(sqlite, query.orderBy('e.occurred_at').orderBy('e.id'))) {
    yield {
      id: row.id,
      occurredAt: row.occurred_at,
      kind: row.kind,
      summary: row.summary,
      details: JSON.parse(row.details) as Record<string, unknown>,
      customerId: row.customer_id,
      customerName: row.name ?? '',
    };
  }
}
