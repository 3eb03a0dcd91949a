import { describe, expect, it } from 'vitest';
import { fromColumns } from '../../shared/columns';
import type { AgingReport, Customer, Invoice, Payment } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

async function ledgerWithTwoInvoices() {
  const ledger = await startLedgerApp(await tempDir());
  const customer = await ledger.ok<Customer>('customers.create', {
    name: 'Zoë Łukasiewicz',
    kind: 'sole_trader',
  });
  const first = await ledger.ok<Invoice>('invoices.create', {
    customerId: customer.id,
    issueDate: '2027-01-10',
    dueDate: '2027-02-09',
    currency: 'GBP',
    lines: [{ description: 'Boiler service', quantity: '1.5', unitPrice: 4999, taxRate: '20' }],
  });
  const second = await ledger.ok<Invoice>('invoices.create', {
    customerId: customer.id,
    issueDate: '2027-03-01',
    terms: { kind: 'net', days: 30 },
    currency: 'GBP',
    lines: [{ description: 'Parts', quantity: '3', unitPrice: 1250 }],
  });
  return { ...ledger, customer, first, second };
}

describe('invoices', () => {
  it('are numbered in sequence, with totals, terms and state from their rows', async () => {
    const { app, first, second } = await ledgerWithTwoInvoices();
    expect(first).toMatchObject({
      number: 'INV-0001',
      net: 7499,
      tax: 1500,
      total: 8999,
      open: 8999,
      state: 'open',
      daysOverdue: 34,
    });
    expect(first.terms).toEqual({ kind: 'net', days: 30 });
    expect(second).toMatchObject({
      number: 'INV-0002',
      dueDate: '2027-03-31',
      state: 'open',
      daysOverdue: 0,
    });
    await app.close();
  });

  it('keep an imported number as it is, and skip it in the sequence', async () => {
    const { app, ok, customer } = await ledgerWithTwoInvoices();
    const line = [{ description: 'x', quantity: '1', unitPrice: 100 }];
    const base = {
      customerId: customer.id,
      issueDate: '2027-03-01',
      dueDate: '2027-03-01',
      currency: 'GBP',
      lines: line,
    };
    await ok('invoices.create', { ...base, number: 'INV-0003' });
    expect(await ok<Invoice>('invoices.create', base)).toMatchObject({ number: 'INV-0004' });
    await app.close();
  });

  it('take the prefix from the settings', async () => {
    const { app, ok, customer } = await ledgerWithTwoInvoices();
    await ok('settings.update', { invoicePrefix: 'JP/' });
    const line = [{ description: 'x', quantity: '1', unitPrice: 100 }];
    const next = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-01',
      dueDate: '2027-03-01',
      currency: 'GBP',
      lines: line,
    });
    expect(next.number).toBe('JP/0003');
    await app.close();
  });

  it('move through partial payment, credit and write-off to settled', async () => {
    const { app, ok, customer, first } = await ledgerWithTwoInvoices();
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-10',
      amount: 4000,
      currency: 'GBP',
      allocations: [{ invoiceId: first.id, amount: 4000 }],
    });
    expect(await ok<Invoice>('invoices.get', { id: first.id })).toMatchObject({
      paid: 4000,
      open: 4999,
      state: 'partially_paid',
    });
    await ok('creditNotes.create', { invoiceId: first.id, amount: 999, reason: 'Part not fitted' });
    const writtenOff = await ok<Invoice>('invoices.writeOff', {
      invoiceId: first.id,
      reason: 'Goodwill gesture',
    });
    expect(writtenOff).toMatchObject({
      paid: 4000,
      credited: 999,
      writtenOff: 4000,
      open: 0,
      state: 'written_off',
    });
    expect(writtenOff.reductions).toEqual([
      {
        kind: 'payment',
        date: '2027-03-10',
        amount: 4000,
        detail: '',
        paymentId: 1,
        paymentAmount: 4000,
      },
      {
        kind: 'credit_note',
        date: '2027-03-15',
        amount: 999,
        detail: 'Part not fitted',
        paymentId: null,
        paymentAmount: null,
      },
      {
        kind: 'write_off',
        date: '2027-03-15',
        amount: 4000,
        detail: 'Goodwill gesture',
        paymentId: null,
        paymentAmount: null,
      },
    ]);
    await app.close();
  });
});

describe('payments', () => {
  it('go to the oldest due invoice first and keep the rest as credit', async () => {
    const { app, ok, customer, first, second } = await ledgerWithTwoInvoices();
    const payment = await ok<Payment>('payments.record', {
      customerId: customer.id,
      date: '2027-03-14',
      amount: 15000,
      currency: 'GBP',
      method: 'Bank transfer',
    });
    expect(payment.allocations).toEqual([
      { invoiceId: first.id, invoiceNumber: 'INV-0001', amount: 8999 },
      { invoiceId: second.id, invoiceNumber: 'INV-0002', amount: 3750 },
    ]);
    expect(payment.unapplied).toBe(15000 - 8999 - 3750);
    const aging = await ok<AgingReport>('ledger.aging', {});
    expect(fromColumns(aging.rows)).toEqual([]);
    expect(fromColumns(aging.unappliedCredit)).toEqual([
      { customerId: customer.id, currency: 'GBP', amount: 2251 },
    ]);

    // Credit waits for the next invoice, then is applied, or refunded.
    const third = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-15',
      dueDate: '2027-04-14',
      currency: 'GBP',
      lines: [{ description: 'Tap', quantity: '1', unitPrice: 2000 }],
    });
    const applied = await ok<Payment>('payments.applyCredit', { paymentId: payment.id });
    expect(applied.unapplied).toBe(251);
    expect(await ok<Invoice>('invoices.get', { id: third.id })).toMatchObject({
      state: 'paid',
      open: 0,
    });
    const refunded = await ok<Payment>('payments.refund', {
      paymentId: payment.id,
      amount: 251,
      date: '2027-03-15',
    });
    expect(refunded).toMatchObject({ refunded: 251, unapplied: 0 });
    await app.close();
  });

  it('preview where a payment would go without writing anything', async () => {
    const { app, ok, customer, fingerprint } = await ledgerWithTwoInvoices();
    const before = fingerprint();
    const preview = await ok('payments.previewAllocation', {
      customerId: customer.id,
      amount: 10000,
      currency: 'GBP',
    });
    expect(preview).toEqual({
      allocations: [
        { invoiceId: 1, invoiceNumber: 'INV-0001', open: 8999, amount: 8999 },
        { invoiceId: 2, invoiceNumber: 'INV-0002', open: 3750, amount: 1001 },
      ],
      unapplied: 0,
    });
    expect(fingerprint()).toBe(before);
    await app.close();
  });
});

describe('aging', () => {
  it('buckets by days past due as of today, tracing each figure to invoices', async () => {
    const { app, ok, customer, first } = await ledgerWithTwoInvoices();
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-10',
      amount: 5000,
      currency: 'GBP',
    });
    const aging = await ok<AgingReport>('ledger.aging', {});
    expect(aging.asOf).toBe('2027-03-15');
    expect(fromColumns(aging.rows)).toEqual([
      expect.objectContaining({
        customerName: 'Zoë Łukasiewicz',
        current: 3750,
        d31_60: 3999,
        total: 7749,
        oldestDaysOverdue: 34,
      }),
    ]);
    expect(aging.totals).toEqual([
      expect.objectContaining({ currency: 'GBP', total: 7749, customers: 1 }),
    ]);
    const detail = await ok('ledger.agingDetail', {
      customerId: customer.id,
      currency: 'GBP',
      bucket: 'd31_60',
    });
    expect(detail).toEqual([
      {
        invoiceId: first.id,
        number: 'INV-0001',
        issueDate: '2027-01-10',
        dueDate: '2027-02-09',
        total: 8999,
        open: 3999,
        daysOverdue: 34,
        bucket: 'd31_60',
      },
    ]);
    await app.close();
  });

  it('looks back to a past date from the rows dated on or before it', async () => {
    const { app, ok, customer } = await ledgerWithTwoInvoices();
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-10',
      amount: 5000,
      currency: 'GBP',
    });
    const before = await ok<AgingReport>('ledger.aging', { asOf: '2027-03-05' });
    expect(fromColumns(before.rows)).toEqual([
      expect.objectContaining({ current: 3750, d1_30: 8999, total: 12749, oldestDaysOverdue: 24 }),
    ]);
    const beforeSecond = await ok<AgingReport>('ledger.aging', { asOf: '2027-02-09' });
    expect(fromColumns(beforeSecond.rows)).toEqual([
      expect.objectContaining({ current: 8999, total: 8999, oldestDaysOverdue: 0 }),
    ]);
    const today = await ok<AgingReport>('ledger.aging', {});
    const rebuilt = await ok<AgingReport>('ledger.aging', { asOf: '2027-03-14' });
    expect(rebuilt.totals[0]!.total).toBe(today.totals[0]!.total);
    await app.close();
  });

  it('lists the most overdue first, then the largest, then by customer and currency', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const { ok } = ledger;
    const owe = async (name: string, due: string, debts: [currency: string, amount: number][]) => {
      const customer = await ok<Customer>('customers.create', { name });
      for (const [currency, unitPrice] of debts) {
        await ok('invoices.create', {
          customerId: customer.id,
          issueDate: '2026-10-01',
          dueDate: due,
          currency,
          lines: [{ description: 'Work', quantity: '1', unitPrice }],
        });
      }
    };
    // Not yet due counts as 0 days overdue, however far off: then the larger comes first.
    await owe('Far off, small', '2027-06-30', [['GBP', 100]]);
    await owe('Soon, large', '2027-03-20', [['GBP', 900]]);
    await owe('Two currencies alike', '2027-03-10', [
      ['GBP', 500],
      ['EUR', 500],
    ]);
    await owe('Five days, less', '2027-03-10', [['GBP', 400]]);
    await owe('Long overdue', '2026-11-01', [['EUR', 1]]);
    const aging = await ok<AgingReport>('ledger.aging', {});
    expect(fromColumns(aging.rows).map((row) => `${row.customerName} ${row.currency}`)).toEqual([
      'Long overdue EUR',
      'Two currencies alike EUR',
      'Two currencies alike GBP',
      'Five days, less GBP',
      'Soon, large GBP',
      'Far off, small GBP',
    ]);
    expect(fromColumns(aging.rows).map((row) => row.oldestDaysOverdue)).toEqual([
      134, 5, 5, 5, 0, 0,
    ]);
    await ledger.app.close();
  });

  it('leaves void and draft invoices out', async () => {
    const { app, ok, customer, second } = await ledgerWithTwoInvoices();
    await ok('invoices.void', { id: second.id, reason: 'Sent twice by mistake' });
    await ok('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-01',
      dueDate: '2027-01-01',
      currency: 'GBP',
      draft: true,
      lines: [{ description: 'x', quantity: '1', unitPrice: 100 }],
    });
    const aging = await ok<AgingReport>('ledger.aging', {});
    expect(aging.totals).toEqual([expect.objectContaining({ total: 8999 })]);
    await app.close();
  });
});

describe('bad input', () => {
  const cases: [
    string,
    string,
    (ids: { customer: number; first: number; second: number }) => unknown,
    string,
    string,
  ][] = [
    [
      'an unknown currency',
      'invoices.create',
      (ids) => ({
        customerId: ids.customer,
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        currency: 'XYZ',
        lines: [{ description: 'x', quantity: '1', unitPrice: 100 }],
      }),
      'invalid_input',
      'currency',
    ],
    [
      'fractional minor units',
      'invoices.create',
      (ids) => ({
        customerId: ids.customer,
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        currency: 'GBP',
        lines: [{ description: 'x', quantity: '1', unitPrice: 12.5 }],
      }),
      'invalid_input',
      'lines.0.unitPrice',
    ],
    [
      'a float quantity',
      'invoices.create',
      (ids) => ({
        customerId: ids.customer,
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        currency: 'GBP',
        lines: [{ description: 'x', quantity: 1.5, unitPrice: 100 }],
      }),
      'invalid_input',
      'lines.0.quantity',
    ],
    [
      'a due date before the issue date',
      'invoices.create',
      (ids) => ({
        customerId: ids.customer,
        issueDate: '2027-03-01',
        dueDate: '2027-02-28',
        currency: 'GBP',
        lines: [{ description: 'x', quantity: '1', unitPrice: 100 }],
      }),
      'invalid_input',
      'dueDate',
    ],
    [
      'a date that does not exist',
      'invoices.create',
      (ids) => ({
        customerId: ids.customer,
        issueDate: '2027-02-30',
        dueDate: '2027-03-31',
        currency: 'GBP',
        lines: [{ description: 'x', quantity: '1', unitPrice: 100 }],
      }),
      'invalid_input',
      'issueDate',
    ],
    [
      'a duplicate invoice number',
      'invoices.create',
      (ids) => ({
        customerId: ids.customer,
        number: 'INV-0001',
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        currency: 'GBP',
        lines: [{ description: 'x', quantity: '1', unitPrice: 100 }],
      }),
      'conflict',
      'number',
    ],
    [
      'a customer that does not exist',
      'invoices.create',
      () => ({
        customerId: 999,
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        currency: 'GBP',
        lines: [{ description: 'x', quantity: '1', unitPrice: 100 }],
      }),
      'not_found',
      'customerId',
    ],
    [
      'a negative payment',
      'payments.record',
      (ids) => ({ customerId: ids.customer, date: '2027-03-10', amount: -500, currency: 'GBP' }),
      'invalid_input',
      'amount',
    ],
    [
      'an amount beyond the safe bound',
      'payments.record',
      (ids) => ({
        customerId: ids.customer,
        date: '2027-03-10',
        amount: 2 ** 53 + 2,
        currency: 'GBP',
      }),
      'invalid_input',
      'amount',
    ],
    [
      'an allocation beyond the open amount',
      'payments.record',
      (ids) => ({
        customerId: ids.customer,
        date: '2027-03-10',
        amount: 20000,
        currency: 'GBP',
        allocations: [{ invoiceId: ids.second, amount: 3751 }],
      }),
      'invalid_input',
      'allocations.0.amount',
    ],
    [
      'allocations beyond the payment',
      'payments.record',
      (ids) => ({
        customerId: ids.customer,
        date: '2027-03-10',
        amount: 1000,
        currency: 'GBP',
        allocations: [
          { invoiceId: ids.first, amount: 900 },
          { invoiceId: ids.second, amount: 900 },
        ],
      }),
      'invalid_input',
      'allocations',
    ],
    [
      'an allocation across currencies',
      'payments.record',
      (ids) => ({
        customerId: ids.customer,
        date: '2027-03-10',
        amount: 1000,
        currency: 'EUR',
        allocations: [{ invoiceId: ids.first, amount: 500 }],
      }),
      'invalid_input',
      'allocations.0.invoiceId',
    ],
    [
      'a payment for nobody',
      'payments.record',
      () => ({ customerId: 999, date: '2027-03-10', amount: 1000, currency: 'GBP' }),
      'not_found',
      'customerId',
    ],
    [
      'a credit note beyond the open amount',
      'creditNotes.create',
      (ids) => ({ invoiceId: ids.second, amount: 3751, reason: 'x' }),
      'invalid_input',
      'amount',
    ],
    [
      'a write-off without a reason',
      'invoices.writeOff',
      (ids) => ({ invoiceId: ids.first, reason: ' ' }),
      'invalid_input',
      'reason',
    ],
    [
      'a customer without a name',
      'customers.create',
      () => ({ name: '  ' }),
      'invalid_input',
      'name',
    ],
    [
      'an unknown customer kind',
      'customers.create',
      () => ({ name: 'A', kind: 'alien' }),
      'invalid_input',
      'kind',
    ],
  ];

  it.each(cases)(
    '%s is refused, naming the field, and nothing is written',
    async (_name, method, input, code, field) => {
      const ledger = await ledgerWithTwoInvoices();
      const before = ledger.fingerprint();
      const result = await ledger.call(
        method as never,
        input({ customer: ledger.customer.id, first: ledger.first.id, second: ledger.second.id }),
      );
      expect(result).toMatchObject({ ok: false, error: { code, field } });
      expect(ledger.fingerprint()).toBe(before);
      await ledger.app.close();
    },
  );
});

describe('customers', () => {
  it('are archived rather than deleted, keep their history, and can be restored', async () => {
    const { app, ok, call, customer } = await ledgerWithTwoInvoices();
    await ok('customers.archive', { id: customer.id });
    expect(await ok('customers.list', {})).toEqual([]);
    expect(await ok<unknown[]>('customers.list', { includeArchived: true })).toHaveLength(1);
    const refused = await call('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-01',
      dueDate: '2027-03-01',
      currency: 'GBP',
      lines: [{ description: 'x', quantity: '1', unitPrice: 1 }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'customerId' } });
    const restored = await ok<Customer>('customers.restore', { id: customer.id });
    expect(restored.archived).toBe(false);
    const detail = await ok<{ balances: unknown[]; openInvoices: unknown[] }>('customers.get', {
      id: customer.id,
    });
    expect(detail.balances).toEqual([{ currency: 'GBP', open: 12749, unappliedCredit: 0 }]);
    expect(detail.openInvoices).toHaveLength(2);
    await app.close();
  });

  it('are found by name, company or email, with % and _ taken literally', async () => {
    const { app, ok } = await ledgerWithTwoInvoices();
    await ok('customers.create', { name: 'Bryn Owen', company: '100% Plumbing_Ltd' });
    const search = async (text: string) =>
      (await ok<{ name: string }[]>('customers.list', { search: text })).map((c) => c.name);
    expect(await search('łukasie')).toEqual(['Zoë Łukasiewicz']);
    expect(await search('100%')).toEqual(['Bryn Owen']);
    expect(await search('plumbing_l')).toEqual(['Bryn Owen']);
    expect(await search('plumbingxltd')).toEqual([]);
    await app.close();
  });
});

describe('the timeline', () => {
  it('records every change to the customer in the same transaction', async () => {
    const { app, ok, customer, first } = await ledgerWithTwoInvoices();
    await ok('customers.update', {
      id: customer.id,
      email: 'zoe@example.com',
      creditHold: { reason: 'Two invoices unpaid' },
    });
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-10',
      amount: 1000,
      currency: 'GBP',
    });
    await ok('invoices.writeOff', { invoiceId: first.id, amount: 500, reason: 'Small balance' });
    const timeline = await ok<{ kind: string; summary: string }[]>('customers.timeline', {
      id: customer.id,
    });
    expect(timeline.map((e) => e.kind)).toEqual([
      'invoice.written_off',
      'payment.recorded',
      'customer.updated',
      'invoice.created',
      'invoice.created',
      'customer.created',
    ]);
    expect(timeline[1]!.summary).toBe('Payment of £10.00 received: £10.00 to INV-0001.');
    expect(timeline[2]!.summary).toBe('Credit put on hold: Two invoices unpaid. Changed email.');
    await app.close();
  });
});
