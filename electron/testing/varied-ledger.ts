/**
 * A varied ledger built through the API: five customers (a formula-looking name, quotes, commas,
 * line breaks, CJK, an archived one), GBP/EUR/JPY/KWD invoices with lines and tax, a draft, a
 * void, an earned discount, split and equal payments, a refund, a credit note, a write-off and
 * unapplied money. Shared by the round-trip import test and the export's byte-for-byte test.
 */
import type { Customer, Invoice, Payment } from '../../shared/ledger';
import { startLedgerApp } from './ledger-app';

export type Ledger = Awaited<ReturnType<typeof startLedgerApp>>;

export async function variedLedger(dataDir: string): Promise<Ledger> {
  const ledger = await startLedgerApp(dataDir);
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
