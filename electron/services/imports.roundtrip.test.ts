/**
 * "A round trip through our own import gives the same ledger": a varied ledger built through
 * the API in one temp folder, exported as Goodwill's four CSV files, imported together into a
 * fresh ledger in another, and the two compared table by table (customers, invoices with
 * their lines, payments with where they went and their refunds, credit notes, write-offs, and
 * aging): equal but for ids and timestamps. Importing the same files again changes nothing.
 * Bad sets are refused by file and row, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentFile } from '../../shared/api/invoices';
import type { ImportPreview, ImportRecord } from '../../shared/api/imports';
import { fromColumns } from '../../shared/columns';
import type { AgingReport, Customer, Invoice, Payment } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
type Ledger = Awaited<ReturnType<typeof startLedgerApp>>;

async function variedLedger(): Promise<Ledger> {
  const ledger = await startLedgerApp(await tempDir());
  const { ok } = ledger;
  const harbour = await ok<Customer>('customers.create', {
    name: 'Harbour Café, "The Quay"',
    company: 'Harbour Café Ltd',
    kind: 'company',
    contactPerson: "Maya O'Neill",
    email: 'maya@harbour.example',
    ccEmails: ['books@harbour.example', 'owner@harbour.example'],
    phone: '+44 20 7946 0000',
    address: '1 Quay Street\nBristol, BS1 4DJ',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    notes: 'Prefers "email", never calls.\r\nSecond line',
    tags: ['-vip', 'café'],
  });
  const formula = await ok<Customer>('customers.create', { name: '=SUM(1)', kind: 'consumer' });
  const minus = await ok<Customer>('customers.create', {
    name: '-5 Ltd',
    kind: 'sole_trader',
    email: 'five@example.org',
    doNotContact: { reason: 'Asked for letters only', until: '2027-06-30' },
    creditHold: { reason: '@Paid late twice' },
  });
  const yamada = await ok<Customer>('customers.create', {
    name: '山田 Yamada\nTrading',
    kind: 'company',
    locale: null,
  });
  const gone = await ok<Customer>('customers.create', { name: "'Old Customer", kind: 'consumer' });
  await ok('customers.archive', { id: gone.id });

  const invoice = (customerId: number, extra: Record<string, unknown>) =>
    ok<Invoice>('invoices.create', { customerId, ...extra });
  const work = (description: string, unitPrice: number, quantity = '1', taxRate?: string) => ({
    description,
    quantity,
    unitPrice,
    ...(taxRate ? { taxRate } : {}),
  });

  // GBP, with tax and several lines; part paid, then a credit note.
  const gbp1 = await invoice(harbour.id, {
    issueDate: '2027-01-05',
    dueDate: '2027-02-04',
    currency: 'GBP',
    lines: [work('Tiling, kitchen', 60000, '2', '20'), work('=Grout "extra"', 1250, '1.5', '20')],
    notes: 'Thank you,\nMaya',
  });
  const gbp2 = await invoice(harbour.id, {
    issueDate: '2027-02-01',
    currency: 'GBP',
    terms: { kind: 'net', days: 14 },
    lines: [work('Call-out', 9000)],
  });
  // An early-payment discount, earned: the rest is credited when paid in time.
  const discounted = await invoice(harbour.id, {
    issueDate: '2027-03-01',
    dueDate: '2027-03-31',
    currency: 'GBP',
    discount: { percent: '2', withinDays: 10 },
    lines: [work('Grouting', 10000)],
  });
  await ok('payments.record', {
    customerId: harbour.id,
    date: '2027-01-20',
    amount: 50000,
    currency: 'GBP',
    method: 'Bank transfer',
    reference: 'BACS, 991',
    allocations: [{ invoiceId: gbp1.id, amount: 50000 }],
  });
  // One payment over two invoices, with some left over, part of it refunded.
  const over = await ok<Payment>('payments.record', {
    customerId: harbour.id,
    date: '2027-02-10',
    amount: 100000,
    currency: 'GBP',
    reference: '-overpaid',
    allocations: [
      { invoiceId: gbp1.id, amount: 20000 },
      { invoiceId: gbp2.id, amount: 9000 },
    ],
  });
  await ok('payments.refund', {
    paymentId: over.id,
    amount: 30000,
    date: '2027-02-12',
    method: 'Bank transfer',
    reference: '=refund',
  });
  await ok('creditNotes.create', {
    invoiceId: gbp1.id,
    amount: 5000,
    reason: 'Damaged tile, "sorry"',
    date: '2027-02-15',
  });
  await ok('payments.record', {
    customerId: harbour.id,
    date: '2027-03-05',
    amount: 9800,
    currency: 'GBP',
    allocations: [{ invoiceId: discounted.id, amount: 9800 }],
  });

  // EUR for the formula-looking customer: two equal payments on one day, and a write-off.
  const eur = await invoice(formula.id, {
    issueDate: '2027-01-10',
    dueDate: '2027-01-24',
    currency: 'EUR',
    lines: [work('Beratung', 12345)],
  });
  for (let i = 0; i < 2; i += 1) {
    await ok('payments.record', {
      customerId: formula.id,
      date: '2027-01-30',
      amount: 2000,
      currency: 'EUR',
      allocations: [{ invoiceId: eur.id, amount: 2000 }],
    });
  }
  await ok('invoices.writeOff', {
    invoiceId: eur.id,
    amount: 345,
    reason: 'Rounding',
    date: '2027-02-01',
  });

  // JPY (no decimals) and KWD (three), a draft and a void.
  const jpy = await invoice(yamada.id, {
    issueDate: '2027-02-20',
    dueDate: '2027-03-20',
    currency: 'JPY',
    lines: [work('Consulting', 150000, '3')],
  });
  await ok('payments.record', {
    customerId: yamada.id,
    date: '2027-03-01',
    amount: 100000,
    currency: 'JPY',
    allocations: [{ invoiceId: jpy.id, amount: 100000 }],
  });
  await invoice(minus.id, {
    issueDate: '2027-01-15',
    dueDate: '2027-02-14',
    currency: 'KWD',
    lines: [work('Survey', 12345, '1', '5')],
  });
  await invoice(minus.id, {
    issueDate: '2027-03-10',
    currency: 'GBP',
    lines: [work('Quote only', 5000)],
    draft: true,
  });
  const voided = await invoice(minus.id, {
    issueDate: '2027-02-02',
    dueDate: '2027-03-02',
    currency: 'GBP',
    lines: [work('Sent twice', 7000)],
  });
  await ok('invoices.void', { id: voided.id, reason: 'Sent twice, sorry' });
  // Money with nowhere to go yet.
  await ok('payments.record', {
    customerId: minus.id,
    date: '2027-03-12',
    amount: 2500,
    currency: 'GBP',
    method: 'Cash',
  });
  return ledger;
}

const exportKinds = ['customers', 'invoices', 'payments', 'adjustments'] as const;

async function exportFiles(ledger: Ledger) {
  return Promise.all(
    exportKinds.map(async (kind) => {
      const file = await ledger.ok<DocumentFile>('exports.csv', { kind });
      return {
        fileName: `${kind}.csv`,
        text: Buffer.from(file.contentBase64, 'base64').toString('utf8'),
      };
    }),
  );
}

/** The ledger without ids and timestamps: what must survive a round trip. */
async function ledgerOf(ledger: Ledger) {
  const db = ledger.app.connection.sqlite;
  const all = <T>(query: string) => db.prepare(query).all() as T[];
  const customers = all<Record<string, unknown>>('SELECT * FROM customers ORDER BY name').map(
    ({ id: _id, created_at: _c, updated_at: _u, import_id: _i, archived_at, ...rest }) => ({
      ...rest,
      archived: archived_at !== null,
    }),
  );
  const lines = all<Record<string, unknown>>(
    'SELECT i.number, l.* FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id ORDER BY i.number, l.position',
  ).map(({ id: _id, invoice_id: _i, ...rest }) => rest);
  const invoices = all<Record<string, unknown>>(
    `SELECT c.name AS customer, i.* FROM invoices i JOIN customers c ON c.id = i.customer_id
     ORDER BY i.number`,
  ).map(
    ({
      id: _id,
      customer_id: _c,
      created_at: _cr,
      updated_at: _u,
      import_id: _i,
      voided_at,
      ...rest
    }) => ({
      ...rest,
      void: voided_at !== null,
      lines: lines.filter((line) => line.number === rest.number),
    }),
  );
  const allocations = all<{ payment_id: number; number: string; amount: number }>(
    'SELECT a.payment_id, i.number, a.amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id ORDER BY i.number',
  );
  const refunds = all<Record<string, unknown>>('SELECT * FROM refunds ORDER BY date, amount');
  const payments = all<Record<string, unknown>>(
    `SELECT c.name AS customer, p.* FROM payments p JOIN customers c ON c.id = p.customer_id
     ORDER BY c.name, p.date, p.amount, p.reference`,
  ).map(({ id, customer_id: _c, created_at: _cr, import_id: _i, ...rest }) => ({
    ...rest,
    allocations: allocations
      .filter((a) => a.payment_id === id)
      .map((a) => `${a.number}: ${a.amount}`),
    refunds: refunds
      .filter((r) => r.payment_id === id)
      .map(({ id: _r, payment_id: _p, created_at: _rc, ...refund }) => refund),
  }));
  const adjustments = all<Record<string, unknown>>(
    `SELECT 'credit_note' AS kind, i.number, x.date, x.amount, x.reason
       FROM credit_notes x JOIN invoices i ON i.id = x.invoice_id
     UNION ALL
     SELECT 'write_off', i.number, x.date, x.amount, x.reason
       FROM write_offs x JOIN invoices i ON i.id = x.invoice_id
     ORDER BY 2, 1, 3, 4`,
  );
  const aging = await ledger.ok<AgingReport>('ledger.aging', { asOf: '2027-03-15' });
  return {
    customers,
    invoices,
    payments,
    adjustments,
    aging: {
      rows: fromColumns(aging.rows).map(({ customerId: _c, ...row }) => row),
      totals: aging.totals,
      unapplied: fromColumns(aging.unappliedCredit).map(({ customerId: _c, ...row }) => row),
    },
  };
}

describe('a round trip through our own export and import', () => {
  it('gives the same ledger, and importing it twice changes nothing', async () => {
    const source = await variedLedger();
    const files = await exportFiles(source);
    const before = await ledgerOf(source);
    // The ledger is as varied as promised.
    expect(before.customers).toHaveLength(5);
    expect(before.invoices.map((i) => (i as Record<string, unknown>).currency)).toEqual(
      expect.arrayContaining(['GBP', 'EUR', 'JPY', 'KWD']),
    );
    expect(before.adjustments.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['credit_note', 'write_off']),
    );
    expect(before.payments.some((p) => (p.refunds as unknown[]).length > 0)).toBe(true);
    expect(before.aging.unapplied.length).toBeGreaterThan(0);
    await source.app.close();

    const target = await startLedgerApp(await tempDir());
    // Picked in any order: the set is known by its headers.
    const picked = [files[2]!, files[0]!, files[3]!, files[1]!];
    const preview = await target.ok<ImportPreview>('import.preview', { files: picked });
    expect(preview.source?.id).toBe('goodwill-export');
    expect(preview.errorCount).toBe(0);
    expect(preview.issues).toEqual([]);
    expect(preview.fileName).toBe('customers.csv, invoices.csv, payments.csv, adjustments.csv');
    expect(preview.counts.customers.created).toBe(5);
    expect(preview.counts.invoices.created).toBe(before.invoices.length);
    expect(preview.counts.payments.created).toBe(before.payments.length);
    // Credit notes and write-offs, and the one refund.
    expect(preview.counts.adjustments).toEqual({
      created: before.adjustments.length + 1,
      unchanged: 0,
    });
    const record = await target.ok<ImportRecord>('import.commit', { files: picked });
    expect(record.source).toBe('goodwill-export');
    expect(await ledgerOf(target)).toEqual(before);

    const again = await target.ok<ImportPreview>('import.preview', { files });
    expect(again.importedBefore?.id).toBe(record.id);
    expect(again.counts.customers).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.counts.invoices.created).toBe(0);
    expect(again.counts.payments).toEqual({ created: 0, unchanged: before.payments.length });
    expect(again.counts.adjustments?.created).toBe(0);
    await target.ok('import.commit', { files });
    expect(await ledgerOf(target)).toEqual(before);

    // Each customer's timeline says where their books came from.
    const events = target.app.connection.sqlite
      .prepare(
        "SELECT summary FROM events WHERE kind = 'import.applied' AND customer_id IS NOT NULL",
      )
      .pluck()
      .all() as string[];
    expect(events).toContain(
      'Added from a Goodwill export (customers.csv, invoices.csv, payments.csv, adjustments.csv), with 1 invoice added, 2 payments added, 1 credit note or write-off added.',
    );
    await target.app.close();
  });

  it('undoes the whole set as one step', async () => {
    const source = await variedLedger();
    const files = await exportFiles(source);
    await source.app.close();
    const target = await startLedgerApp(await tempDir());
    const record = await target.ok<ImportRecord>('import.commit', { files });
    await target.ok('import.undo', { id: record.id });
    const db = target.app.connection.sqlite;
    for (const table of [
      'customers',
      'invoices',
      'invoice_lines',
      'payments',
      'allocations',
      'refunds',
      'credit_notes',
      'write_offs',
    ]) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    await target.app.close();
  });

  it('refuses a set with a bad row, naming the file, row and column, and writes nothing', async () => {
    const source = await variedLedger();
    const files = await exportFiles(source);
    await source.app.close();
    const target = await startLedgerApp(await tempDir());
    const payments = files[2]!;
    // The first payment row's amount, made unreadable; and an allocation to a missing invoice.
    const rows = payments.text.split('\r\n');
    rows[1] = rows[1]!.replace(/,500\.00,/, ',5O0.00,');
    const broken = [
      files[0]!,
      files[1]!,
      { fileName: 'payments.csv', text: rows.join('\r\n') },
      files[3]!,
    ];
    const untouched = target.fingerprint();
    const preview = await target.ok<ImportPreview>('import.preview', { files: broken });
    expect(preview.errorCount).toBeGreaterThan(0);
    expect(preview.issues[0]).toMatchObject({
      file: 'payments.csv',
      row: 2,
      column: 'amount',
      value: '5O0.00',
      severity: 'error',
    });
    const refused = await target.call('import.commit', { files: broken });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'skipErrors' },
    });
    expect(target.fingerprint()).toBe(untouched);

    const stranger = await target.call('import.preview', {
      files: [files[0]!, { fileName: 'other.csv', text: 'Name,Amount\r\nAna,1.00\r\n' }],
    });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'files.1' },
    });
    const twice = await target.call('import.preview', { files: [files[0]!, files[0]!] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'files.1' } });
    expect(target.fingerprint()).toBe(untouched);
    await target.app.close();
  });
});
