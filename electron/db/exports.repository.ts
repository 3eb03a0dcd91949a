/**
 * The ledger read out as the rows of Goodwill's own export (shared/exports/goodwill-export.ts),
 * for everyone or for one customer (the agency dossier). Read-only: plain queries, each a
 * consistent snapshot of its table.
 */
import { sql, type Kysely } from 'kysely';
import { invoiceState, openAmount } from '../../shared/invoices';
import type {
  AdjustmentExportRow,
  CustomerExportRow,
  InvoiceLineExportRow,
  PaymentAllocationExportRow,
} from '../../shared/exports/goodwill-export';
import type { Settlement } from '../../shared/invoices';
import type { DB } from './schema';
import { minorFromSql } from './sql-helpers';

export interface ExportScope {
  /** One customer's rows only; everyone's when left out. */
  customerId?: number | undefined;
}

export async function customerExportRows(
  db: Kysely<DB>,
  scope: ExportScope,
): Promise<CustomerExportRow[]> {
  let query = db.selectFrom('customers').selectAll();
  if (scope.customerId !== undefined) query = query.where('id', '=', scope.customerId);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
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
  }));
}

/** Paid, credited and written off per invoice, summed from the rows (no id list: any size). */
async function settlements(db: Kysely<DB>, scope: ExportScope): Promise<Map<number, Settlement>> {
  const result = new Map<number, Settlement>();
  const field = {
    allocations: 'paid',
    credit_notes: 'credited',
    write_offs: 'writtenOff',
  } as const;
  const customer =
    scope.customerId === undefined ? sql`` : sql`WHERE i.customer_id = ${scope.customerId}`;
  await Promise.all(
    (['allocations', 'credit_notes', 'write_offs'] as const).map(async (table) => {
      const { rows } = await sql<{ invoice_id: number; amount: unknown }>`
        SELECT x.invoice_id, SUM(x.amount) AS amount
        FROM ${sql.table(table)} AS x JOIN invoices AS i ON i.id = x.invoice_id
        ${customer}
        GROUP BY x.invoice_id`.execute(db);
      for (const row of rows) {
        let settled = result.get(row.invoice_id);
        if (!settled) {
          settled = { paid: 0, credited: 0, writtenOff: 0 };
          result.set(row.invoice_id, settled);
        }
        settled[field[table]] = minorFromSql(row.amount);
      }
    }),
  );
  return result;
}

export async function invoiceExportRows(
  db: Kysely<DB>,
  scope: ExportScope,
): Promise<InvoiceLineExportRow[]> {
  let query = db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .selectAll('i')
    .select('c.name as customer_name');
  if (scope.customerId !== undefined) query = query.where('i.customer_id', '=', scope.customerId);
  const invoices = await query.orderBy('i.issue_date').orderBy('i.id').execute();
  let linesQuery = db.selectFrom('invoice_lines as l').selectAll('l');
  if (scope.customerId !== undefined) {
    linesQuery = linesQuery
      .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
      .where('i.customer_id', '=', scope.customerId);
  }
  const [lines, settlementsById] = await Promise.all([
    linesQuery.orderBy('l.invoice_id').orderBy('l.position').execute(),
    settlements(db, scope),
  ]);
  const linesByInvoice = new Map<number, typeof lines>();
  for (const line of lines) {
    const list = linesByInvoice.get(line.invoice_id);
    if (list) list.push(line);
    else linesByInvoice.set(line.invoice_id, [line]);
  }
  return invoices.flatMap((invoice): InvoiceLineExportRow[] => {
    const settled = settlementsById.get(invoice.id) ?? { paid: 0, credited: 0, writtenOff: 0 };
    const state = invoiceState(
      {
        total: invoice.total_amount,
        draft: invoice.is_draft === 1,
        voided: invoice.voided_at !== null,
      },
      settled,
    );
    const live = state === 'open' || state === 'partially_paid';
    const common = {
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
      invoiceNet: invoice.net_amount,
      invoiceTax: invoice.tax_amount,
      invoiceTotal: invoice.total_amount,
      ...settled,
      open: live ? openAmount(invoice.total_amount, settled) : 0,
      source: invoice.source,
      externalId: invoice.external_id,
    };
    const invoiceLines = linesByInvoice.get(invoice.id) ?? [];
    if (invoiceLines.length === 0) {
      return [
        {
          ...common,
          lineNumber: null,
          lineDescription: '',
          lineQuantity: '',
          lineUnitPrice: null,
          lineTaxRate: null,
          lineNet: null,
          lineTax: null,
        },
      ];
    }
    return invoiceLines.map((line, index) => ({
      ...common,
      lineNumber: index + 1,
      lineDescription: line.description,
      lineQuantity: line.quantity,
      lineUnitPrice: line.unit_price,
      lineTaxRate: line.tax_rate,
      lineNet: line.net_amount,
      lineTax: line.tax_amount,
    }));
  });
}

export async function paymentExportRows(
  db: Kysely<DB>,
  scope: ExportScope,
): Promise<PaymentAllocationExportRow[]> {
  let query = db
    .selectFrom('payments as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .selectAll('p')
    .select('c.name as customer_name');
  if (scope.customerId !== undefined) query = query.where('p.customer_id', '=', scope.customerId);
  const payments = await query.orderBy('p.date').orderBy('p.id').execute();
  let allocationsQuery = db
    .selectFrom('allocations as a')
    .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
    .select(['a.payment_id', 'a.invoice_id', 'a.amount', 'i.number']);
  let refundsQuery = db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.payment_id', (eb) => eb.fn.sum<number>('r.amount').as('amount')])
    .groupBy('r.payment_id');
  if (scope.customerId !== undefined) {
    allocationsQuery = allocationsQuery.where('i.customer_id', '=', scope.customerId);
    refundsQuery = refundsQuery.where('p.customer_id', '=', scope.customerId);
  }
  const [allocations, refunds] = await Promise.all([
    allocationsQuery.orderBy('a.payment_id').orderBy('a.id').execute(),
    refundsQuery.execute(),
  ]);
  const refunded = new Map(refunds.map((r) => [r.payment_id, minorFromSql(r.amount)]));
  const byPayment = new Map<number, typeof allocations>();
  for (const allocation of allocations) {
    const list = byPayment.get(allocation.payment_id);
    if (list) list.push(allocation);
    else byPayment.set(allocation.payment_id, [allocation]);
  }
  return payments.flatMap((payment): PaymentAllocationExportRow[] => {
    const common = {
      paymentId: payment.id,
      customerId: payment.customer_id,
      customerName: payment.customer_name,
      date: payment.date,
      currency: payment.currency,
      amount: payment.amount,
      method: payment.method,
      reference: payment.reference,
      refunded: refunded.get(payment.id) ?? 0,
      unapplied: payment.amount - payment.applied_amount,
      source: payment.source,
      externalId: payment.external_id,
    };
    const list = byPayment.get(payment.id) ?? [];
    if (list.length === 0) {
      return [{ ...common, invoiceId: null, invoiceNumber: '', allocatedAmount: null }];
    }
    return list.map((allocation) => ({
      ...common,
      invoiceId: allocation.invoice_id,
      invoiceNumber: allocation.number,
      allocatedAmount: allocation.amount,
    }));
  });
}

export async function adjustmentExportRows(
  db: Kysely<DB>,
  scope: ExportScope,
): Promise<AdjustmentExportRow[]> {
  const againstInvoices = (table: 'credit_notes' | 'write_offs') => {
    // The two tables have the same columns; one name keeps Kysely's types simple.
    let query = db
      .selectFrom(`${table} as x` as 'credit_notes as x')
      .innerJoin('invoices as i', 'i.id', 'x.invoice_id')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .select([
        'x.id',
        'x.date',
        'x.amount',
        'x.reason',
        'i.id as invoice_id',
        'i.number',
        'i.currency',
        'c.id as customer_id',
        'c.name as customer_name',
      ]);
    if (scope.customerId !== undefined) query = query.where('c.id', '=', scope.customerId);
    return query.execute();
  };
  let refundsQuery = db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select([
      'r.id',
      'r.date',
      'r.amount',
      'r.method',
      'r.reference',
      'p.id as payment_id',
      'p.currency',
      'c.id as customer_id',
      'c.name as customer_name',
    ]);
  if (scope.customerId !== undefined)
    refundsQuery = refundsQuery.where('c.id', '=', scope.customerId);
  const [credits, writeOffs, refunds] = await Promise.all([
    againstInvoices('credit_notes'),
    againstInvoices('write_offs'),
    refundsQuery.execute(),
  ]);
  const rows: AdjustmentExportRow[] = [
    ...(
      [
        ['credit_note', credits],
        ['write_off', writeOffs],
      ] as const
    ).flatMap(([kind, list]) =>
      list.map((x) => ({
        kind,
        adjustmentId: x.id,
        date: x.date,
        customerId: x.customer_id,
        customerName: x.customer_name,
        currency: x.currency,
        amount: x.amount,
        invoiceId: x.invoice_id,
        invoiceNumber: x.number,
        paymentId: null,
        reason: x.reason,
        method: '',
        reference: '',
      })),
    ),
    ...refunds.map((r) => ({
      kind: 'refund' as const,
      adjustmentId: r.id,
      date: r.date,
      customerId: r.customer_id,
      customerName: r.customer_name,
      currency: r.currency,
      amount: r.amount,
      invoiceId: null,
      invoiceNumber: '',
      paymentId: r.payment_id,
      reason: '',
      method: r.method,
      reference: r.reference,
    })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
