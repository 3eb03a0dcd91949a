/**
 * plans.preview through the API: the schedule from a total or from invoices; refusals by field.
 * plans.agreementPdf: the same terms as a PDF to sign.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentFile } from '../../shared/api/invoices';
import type { PlanPreview } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

// The ledger app's clock: 2027-03-15T09:00:00Z, the business in Europe/London.
async function ledgerWithInvoices() {
  const ledger = await startLedgerApp(await tempDir());
  const { ok } = ledger;
  const customer = await ok<Customer>('customers.create', { name: 'Ana Pereira' });
  const other = await ok<Customer>('customers.create', { name: 'Bob Okafor' });
  const invoice = (customerId: number, dueDate: string, unitPrice: number, extra = {}) =>
    ok<Invoice>('invoices.create', {
      customerId,
      issueDate: '2027-01-05',
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: '1', unitPrice }],
      ...extra,
    });
  const later = await invoice(customer.id, '2027-03-01', 40000);
  const older = await invoice(customer.id, '2027-02-01', 60001);
  await ok('payments.record', {
    customerId: customer.id,
    date: '2027-03-10',
    amount: 10000,
    currency: 'GBP',
    allocations: [{ invoiceId: older.id, amount: 10000 }],
  });
  const euro = await invoice(customer.id, '2027-02-01', 5000, { currency: 'EUR' });
  const othersInvoice = await invoice(other.id, '2027-02-01', 5000);
  const paid = await invoice(customer.id, '2027-02-01', 5000);
  await ok('payments.record', {
    customerId: customer.id,
    date: '2027-03-10',
    amount: 5000,
    currency: 'GBP',
    allocations: [{ invoiceId: paid.id, amount: 5000 }],
  });
  const voided = await invoice(customer.id, '2027-02-01', 5000);
  await ok('invoices.void', { id: voided.id, reason: 'Sent twice' });
  const draft = await invoice(customer.id, '2027-02-01', 5000, { draft: true });
  return {
    ...ledger,
    customer,
    invoices: { later, older, euro, othersInvoice, paid, voided, draft },
  };
}

describe('plans.preview', () => {
  it('splits a plain total: the remainder on the first payment, month ends kept', async () => {
    const { app, ok } = await startLedgerApp(await tempDir());
    const plan = await ok<PlanPreview>('plans.preview', {
      total: 100000,
      currency: 'gbp',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-03-31',
    });
    expect(plan.instalments.map((row) => [row.due, row.amount, row.balanceAfter])).toEqual([
      ['2027-03-31', 33334, 66666],
      ['2027-04-30', 33333, 33333],
      ['2027-05-31', 33333, 0],
    ]);
    expect(plan).toMatchObject({
      currency: 'GBP',
      total: 100000,
      deposit: null,
      customerId: null,
      invoices: [],
      remainderSentence:
        '£1,000.00 does not split exactly into 3 payments, so the first is £333.34 and the other 2 are £333.33.',
      datesSentence: 'On the last day of each month, from 31 March 2027 to 31 May 2027.',
    });
    expect(plan.instalments[2]).toMatchObject({ holiday: 'Spring bank holiday', weekend: false });
    expect(plan.nonWorkingDaysSentence).toContain('Monday 31 May 2027 (Spring bank holiday)');
    await app.close();
  });

  it("covers several invoices' open amounts, oldest due first, with a deposit today, writing nothing", async () => {
    const { app, ok, fingerprint, customer, invoices } = await ledgerWithInvoices();
    const before = fingerprint();
    const plan = await ok<PlanPreview>('plans.preview', {
      customerId: customer.id,
      invoiceIds: [invoices.later.id, invoices.older.id],
      currency: 'GBP',
      deposit: 20001,
      amount: 25000,
      frequency: 'fortnightly',
      firstDue: '2027-03-19',
    });
    expect(plan.invoices).toEqual([
      {
        id: invoices.older.id,
        number: invoices.older.number,
        issueDate: '2027-01-05',
        dueDate: '2027-02-01',
        open: 50001,
      },
      {
        id: invoices.later.id,
        number: invoices.later.number,
        issueDate: '2027-01-05',
        dueDate: '2027-03-01',
        open: 40000,
      },
    ]);
    expect(plan.total).toBe(90001);
    expect(plan.customerId).toBe(customer.id);
    expect(plan.deposit).toMatchObject({ due: '2027-03-15', amount: 20001, balanceAfter: 70000 });
    expect(plan.instalments.map((row) => [row.due, row.amount, row.balanceAfter])).toEqual([
      ['2027-03-19', 25000, 45000],
      ['2027-04-02', 25000, 20000],
      ['2027-04-16', 20000, 0],
    ]);
    expect(plan.remainderSentence).toBe(
      'Each payment is £250.00, and the last, smaller one of £200.00 clears the balance: 3 payments in all.',
    );
    expect(fingerprint()).toBe(before);
    await app.close();
  });

  it("reads today in the business's time zone, and the holidays of its country", async () => {
    // 12:00 UTC on 15 March is already 16 March on Kiritimati (UTC+14).
    const { app, ok, call } = await startLedgerApp(await tempDir(), '2027-03-15T12:00:00Z');
    const terms = { total: 5000, currency: 'USD', count: 1, frequency: 'weekly' };
    await ok('plans.preview', { ...terms, firstDue: '2027-03-15' });
    await ok('settings.update', { timeZone: 'Pacific/Kiritimati', locale: 'en-US' });
    const early = await call('plans.preview', { ...terms, firstDue: '2027-03-15' });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'firstDue' } });
    const plan = await ok<PlanPreview>('plans.preview', { ...terms, firstDue: '2027-07-05' });
    expect(plan.instalments[0]!.holiday).toBe('Independence Day (observed)');
    expect(plan.holidayCoverage).toContain('US federal holidays');
    await app.close();
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { app, call, fingerprint, customer, invoices } = await ledgerWithInvoices();
    const plain = {
      total: 100000,
      currency: 'GBP',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    };
    const fromInvoices = {
      customerId: customer.id,
      invoiceIds: [invoices.older.id],
      currency: 'GBP',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    };
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['zero total', { ...plain, total: 0 }, 'total', /more than zero/],
      ['negative total', { ...plain, total: -100 }, 'total', /more than zero/],
      ['no total, no invoices', { ...plain, total: undefined }, 'total', /Please give the total/],
      ['a total and invoices', { ...fromInvoices, total: 500 }, 'total', /comes from the invoices/],
      ['a count of 0', { ...plain, count: 0 }, 'count', /from 1 to 520/],
      ['a count over 520', { ...plain, count: 521 }, 'count', /from 1 to 520/],
      ['neither count nor amount', { ...plain, count: undefined }, 'count', /either how many/],
      ['count and amount', { ...plain, amount: 1000 }, 'amount', /not both/],
      [
        'an amount over 520 payments',
        { ...plain, count: undefined, amount: 10 },
        'amount',
        /at most 520/,
      ],
      [
        'a deposit above the total',
        { ...plain, deposit: 100001 },
        'deposit',
        /more than the £1,000.00/,
      ],
      [
        'a deposit above the invoices',
        { ...fromInvoices, deposit: 50002 },
        'deposit',
        /more than the £500.01/,
      ],
      ['a negative deposit', { ...plain, deposit: -1 }, 'deposit', /zero or more/],
      ['a first date before today', { ...plain, firstDue: '2027-03-14' }, 'firstDue', /has passed/],
      [
        'a first date that is not one',
        { ...plain, firstDue: '2027-02-29' },
        'firstDue',
        /real date/,
      ],
      [
        'an unknown frequency',
        { ...plain, frequency: 'daily' },
        'frequency',
        /weekly, fortnightly or monthly/,
      ],
      ['an unknown currency', { ...plain, currency: 'XXX' }, 'currency', /ISO 4217/],
      ['a round amount too large', { ...plain, roundTo: 50000 }, 'roundTo', /smaller round amount/],
      [
        'invoices without a customer',
        { ...fromInvoices, customerId: undefined },
        'customerId',
        /whose invoices/,
      ],
      [
        'a customer without invoices',
        { ...fromInvoices, invoiceIds: undefined },
        'invoiceIds',
        /choose the invoices/,
      ],
      [
        'an invoice twice',
        { ...fromInvoices, invoiceIds: [invoices.older.id, invoices.older.id] },
        'invoiceIds',
        /once/,
      ],
      [
        "another customer's invoice",
        { ...fromInvoices, invoiceIds: [invoices.older.id, invoices.othersInvoice.id] },
        'invoiceIds.1',
        /another customer's/,
      ],
      [
        'an invoice in another currency',
        { ...fromInvoices, invoiceIds: [invoices.euro.id] },
        'invoiceIds.0',
        /is in EUR; a plan is in one currency \(GBP\)/,
      ],
      [
        'a paid invoice',
        { ...fromInvoices, invoiceIds: [invoices.paid.id] },
        'invoiceIds.0',
        /nothing left to pay/,
      ],
      [
        'a void invoice',
        { ...fromInvoices, invoiceIds: [invoices.voided.id] },
        'invoiceIds.0',
        /is void/,
      ],
      [
        'a draft invoice',
        { ...fromInvoices, invoiceIds: [invoices.draft.id] },
        'invoiceIds.0',
        /is a draft/,
      ],
      ['a field it does not know', { ...plain, interest: '5' }, 'interest', /not a field/],
    ];
    const before = fingerprint();
    for (const [name, input, field, message] of cases) {
      const result = await call('plans.preview', input);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, name).toBe('invalid_input');
      expect(result.error.field, name).toBe(field);
      expect(result.error.message, name).toMatch(message);
    }
    const missing = await call('plans.preview', { ...fromInvoices, invoiceIds: [9999] });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'invoiceIds.0' },
    });
    const stranger = await call('plans.preview', { ...fromInvoices, customerId: 9999 });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'customerId' },
    });
    expect(fingerprint()).toBe(before);
    await app.close();
  });
});

describe('plans.agreementPdf', () => {
  it("returns the agreement as a PDF naming the customer and the plan's total", async () => {
    const { ok, customer, invoices } = await ledgerWithInvoices();
    const file = await ok<DocumentFile>('plans.agreementPdf', {
      customerId: customer.id,
      invoiceIds: [invoices.later.id, invoices.older.id],
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      hardship: true,
    });
    expect(file.fileName).toBe('Payment plan agreement - Ana Pereira.pdf');
    const pdf = Buffer.from(file.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Ana Pereira');
    // 400.00 + 600.01 - 100.00 paid.
    expect(text).toContain('Total £900.01');
    expect(text).toContain('Jones Plumbing');
  });
});
