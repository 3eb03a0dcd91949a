/**
 * Terms, late charges and waivers through the API, on a real SQLite ledger: the workings of a
 * claim to the penny (worked by hand in shared/interest/charges.test.ts), the charge as its
 * own invoice in aging and balances, waivers as credit notes, and every refusal by field with
 * nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { fromColumns } from '../../shared/columns';
import type { InterestClaim, InterestPreview } from '../../shared/interest/claims';
import type { ReferenceRate } from '../../shared/interest/rates';
import type { BusinessTerms, CustomerTerms } from '../../shared/interest/terms';
import type { AgingReport, Customer, Invoice, TimelineEntry } from '../../shared/ledger';
import type { DocumentFile } from '../../shared/api/invoices';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** A company owing £5,000.00 due 31 May 2023, on 15 Mar 2024 (the business in Europe/London). */
async function lateCompany(now = '2024-03-15T12:00:00Z') {
  const ledger = await startLedgerApp(await tempDir(), now);
  const customer = await ledger.ok<Customer>('customers.create', {
    name: 'Harbour Joinery Ltd',
    kind: 'company',
  });
  const invoice = await ledger.ok<Invoice>('invoices.create', {
    customerId: customer.id,
    issueDate: '2023-05-01',
    dueDate: '2023-05-31',
    currency: 'GBP',
    lines: [{ description: 'Fitted kitchen', quantity: '1', unitPrice: 500_000 }],
  });
  return { ...ledger, customer, invoice };
}

function failure(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('late-payment terms', () => {
  it('are off by default, for the business and every customer', async () => {
    const { ok, customer } = await lateCompany();
    const terms = await ok<BusinessTerms>('terms.get', {});
    expect(terms.late).toEqual({ kind: 'off' });
    expect(terms.payment.terms).toEqual({ kind: 'net', days: 30 });
    const preview = await ok<InterestPreview>('interest.preview', { customerId: customer.id });
    expect(preview.invoices.map((i) => i.status)).toEqual(['off']);
    expect(preview.totals).toEqual([]);
  });

  it('a customer override wins over the business default, and goes on their timeline', async () => {
    const { ok, customer } = await lateCompany();
    await ok('terms.update', { late: { kind: 'flat_fee', amount: '25.00', graceDays: 7 } });
    const set = await ok<CustomerTerms>('terms.setCustomer', {
      customerId: customer.id,
      late: { kind: 'uk_statutory' },
    });
    expect(set.effective.late).toEqual({ kind: 'uk_statutory', graceDays: 0 });
    const back = await ok<CustomerTerms>('terms.setCustomer', {
      customerId: customer.id,
      late: null,
    });
    expect(back.effective.late).toEqual({ kind: 'flat_fee', amount: '25.00', graceDays: 7 });
    const timeline = await ok<TimelineEntry[]>('customers.timeline', { id: customer.id });
    expect(timeline.filter((e) => e.kind === 'terms.customer_updated')).toHaveLength(2);
  });
});

describe('interest.preview and interest.claim', () => {
  it('claims UK statutory interest across 30 June and a leap year as a charge of its own', async () => {
    const { ok, customer, invoice } = await lateCompany();
    await ok('terms.setCustomer', { customerId: customer.id, late: { kind: 'uk_statutory' } });
    const preview = await ok<InterestPreview>('interest.preview', { customerId: customer.id });
    // 11.5% (3.5% Bank Rate on 31 Dec 2022 + 8) on £5,000 for 289 days = £455.27, + £70.
    expect(preview.invoices[0]).toMatchObject({ status: 'claimable', total: 52_527 });
    expect(preview.totals).toEqual([{ currency: 'GBP', amount: 52_527 }]);

    const [claim] = await ok<InterestClaim[]>('interest.claim', { customerId: customer.id });
    expect(claim).toMatchObject({
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      chargeNumber: `${invoice.number}-LATE`,
      amount: 52_527,
      open: 52_527,
      interestFrom: '2023-06-01',
      interestThrough: '2024-03-15',
      claimedOn: '2024-03-15',
    });
    expect(claim!.lines[1]!.periods[0]).toMatchObject({ days: 289, ratePercent: '11.5' });

    // The charge is an invoice: due today, in the balance and aging beside the debt.
    const charge = await ok<Invoice>('invoices.get', { id: claim!.chargeInvoiceId });
    expect(charge).toMatchObject({ total: 52_527, open: 52_527, dueDate: '2024-03-15' });
    expect(charge.lines.map((l) => l.net)).toEqual([7_000, 45_527]);
    const aging = await ok<AgingReport>('ledger.aging', {});
    expect(fromColumns(aging.rows)[0]).toMatchObject({ total: 552_527, current: 52_527 });

    // Never twice, never compounded: the same day there is nothing more to claim.
    const again = await ok<InterestPreview>('interest.preview', { customerId: customer.id });
    expect(again.invoices.map((i) => [i.number, i.status])).toEqual([
      [invoice.number, 'nothing_yet'],
    ]);
    const timeline = await ok<TimelineEntry[]>('customers.timeline', { id: customer.id });
    expect(timeline.find((e) => e.kind === 'interest.claimed')?.summary).toContain('£525.27');
    expect(await ok<InterestClaim[]>('interest.claims', { customerId: customer.id })).toEqual([
      claim,
    ]);
  });

  it('splits at a partial payment recorded in the ledger', async () => {
    const { ok, customer } = await lateCompany('2025-04-30T12:00:00Z');
    const invoice = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2025-01-01',
      dueDate: '2025-01-31',
      currency: 'GBP',
      lines: [{ description: 'Survey', quantity: '1', unitPrice: 120_000 }],
    });
    await ok('payments.record', {
      customerId: customer.id,
      date: '2025-03-10',
      amount: 50_000,
      currency: 'GBP',
      allocations: [{ invoiceId: invoice.id, amount: 50_000 }],
    });
    await ok('terms.setCustomer', { customerId: customer.id, late: { kind: 'uk_statutory' } });
    const preview = await ok<InterestPreview>('interest.preview', { customerId: customer.id });
    const survey = preview.invoices.find((i) => i.invoiceId === invoice.id)!;
    expect(survey.lines[1]!.periods.map((p) => [p.from, p.to, p.principal, p.amount])).toEqual([
      ['2025-02-01', '2025-03-10', 120_000, 1_593],
      ['2025-03-11', '2025-04-30', 70_000, 1_247],
    ]);
    expect(survey.total).toBe(9_840);
  });

  it('adds nothing on a disputed invoice', async () => {
    const { ok, call, customer, invoice, fingerprint } = await lateCompany();
    await ok('terms.setCustomer', { customerId: customer.id, late: { kind: 'uk_statutory' } });
    await ok('disputes.open', {
      customerId: customer.id,
      reason: 'Doors do not close',
      invoiceIds: [invoice.id],
    });
    const preview = await ok<InterestPreview>('interest.preview', { customerId: customer.id });
    expect(preview.invoices[0]!.status).toBe('disputed');
    const before = fingerprint();
    const error = failure(await call('interest.claim', { customerId: customer.id }));
    expect(error).toMatchObject({ code: 'conflict', field: 'customerId' });
    expect(fingerprint()).toBe(before);
  });
});

describe('interest.waive', () => {
  it('waives in part, then the rest, each a credit note on the charge', async () => {
    const { ok, call, customer, fingerprint } = await lateCompany();
    await ok('terms.setCustomer', { customerId: customer.id, late: { kind: 'uk_statutory' } });
    const [claim] = await ok<InterestClaim[]>('interest.claim', { customerId: customer.id });
    const part = await ok<InterestClaim>('interest.waive', { claimId: claim!.id, amount: 7_000 });
    expect(part).toMatchObject({ waived: 7_000, open: 45_527 });

    const before = fingerprint();
    const tooMuch = failure(await call('interest.waive', { claimId: claim!.id, amount: 45_528 }));
    expect(tooMuch).toMatchObject({ code: 'invalid_input', field: 'amount' });
    expect(tooMuch.message).toContain('£455.27');
    expect(fingerprint()).toBe(before);

    const rest = await ok<InterestClaim>('interest.waive', {
      claimId: claim!.id,
      note: 'Long-standing customer',
    });
    expect(rest).toMatchObject({ waived: 52_527, open: 0 });
    expect(rest.waivers.map((w) => w.amount)).toEqual([7_000, 45_527]);
    const charge = await ok<Invoice>('invoices.get', { id: claim!.chargeInvoiceId });
    expect(charge).toMatchObject({ total: 52_527, credited: 52_527, open: 0, state: 'paid' });
    expect(failure(await call('interest.waive', { claimId: claim!.id }))).toMatchObject({
      code: 'conflict',
      field: 'claimId',
    });
    expect(failure(await call('interest.waive', { claimId: 999 }))).toMatchObject({
      code: 'not_found',
      field: 'claimId',
    });
  });
});

describe('bad input: a clear error naming the field, nothing written', () => {
  it('refuses rates out of range, long grace periods and statutory interest for a consumer', async () => {
    const { call, ok, fingerprint } = await lateCompany();
    const consumer = await ok<Customer>('customers.create', { name: 'Sam Reed', kind: 'consumer' });
    const before = fingerprint();
    const cases: [string, unknown, string][] = [
      [
        'interest.saveRate',
        { source: 'boe_base', effectiveFrom: '2026-02-05', ratePercent: '-0.25' },
        'ratePercent',
      ],
      [
        'interest.saveRate',
        { source: 'boe_base', effectiveFrom: '2026-02-05', ratePercent: '100.5' },
        'ratePercent',
      ],
      [
        'terms.update',
        { late: { kind: 'simple_interest', ratePercent: '101', graceDays: 0 } },
        'late.ratePercent',
      ],
      [
        'terms.update',
        { late: { kind: 'simple_interest', ratePercent: '-1', graceDays: 0 } },
        'late.ratePercent',
      ],
      [
        'terms.update',
        { late: { kind: 'flat_fee', amount: '25', graceDays: 366 } },
        'late.graceDays',
      ],
      ['terms.update', { late: { kind: 'uk_statutory', graceDays: 400 } }, 'late.graceDays'],
      [
        'terms.setCustomer',
        { customerId: consumer.id, late: { kind: 'uk_statutory' } },
        'late.kind',
      ],
      [
        'terms.setCustomer',
        { customerId: consumer.id, late: { kind: 'eu_statutory' } },
        'late.kind',
      ],
    ];
    for (const [method, input, field] of cases) {
      const error = failure(await call(method as never, input));
      expect([method, error.code, error.field]).toEqual([method, 'invalid_input', field]);
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect(fingerprint()).toBe(before);
  });

  it('refuses a claim for a consumer under statutory terms, and on a paid invoice', async () => {
    const { call, ok, customer, fingerprint } = await lateCompany();
    await ok('terms.update', { late: { kind: 'uk_statutory' } });
    const consumer = await ok<Customer>('customers.create', { name: 'Sam Reed', kind: 'consumer' });
    await ok('invoices.create', {
      customerId: consumer.id,
      issueDate: '2023-05-01',
      dueDate: '2023-05-31',
      currency: 'GBP',
      lines: [{ description: 'Shelves', quantity: '1', unitPrice: 30_000 }],
    });
    const paid = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2023-05-01',
      dueDate: '2023-05-31',
      currency: 'GBP',
      lines: [{ description: 'Doors', quantity: '1', unitPrice: 10_000 }],
    });
    await ok('payments.record', {
      customerId: customer.id,
      date: '2023-07-01',
      amount: 10_000,
      currency: 'GBP',
      allocations: [{ invoiceId: paid.id, amount: 10_000 }],
    });
    const preview = await ok<InterestPreview>('interest.preview', { customerId: consumer.id });
    expect(preview.invoices[0]!.status).toBe('consumer');
    const before = fingerprint();
    expect(failure(await call('interest.claim', { customerId: consumer.id }))).toMatchObject({
      code: 'invalid_input',
      field: 'customerId',
    });
    const onPaid = failure(
      await call('interest.claim', { customerId: customer.id, invoiceIds: [paid.id] }),
    );
    expect(onPaid).toMatchObject({ code: 'conflict', field: 'invoiceIds.0' });
    expect(onPaid.message).toContain('is paid');
    expect(fingerprint()).toBe(before);
  });
});

describe('reference rates', () => {
  it('are seeded, and the owner adds, changes and removes them with their dates', async () => {
    const { ok } = await lateCompany();
    const seeded = await ok<ReferenceRate[]>('interest.rates', {});
    expect(seeded).toContainEqual({
      source: 'boe_base',
      effectiveFrom: '2022-12-15',
      ratePercent: '3.5',
    });
    expect(seeded).toContainEqual({
      source: 'ecb_mro',
      effectiveFrom: '2024-06-12',
      ratePercent: '4.25',
    });
    const added = await ok<ReferenceRate[]>('interest.saveRate', {
      source: 'boe_base',
      effectiveFrom: '2026-02-05',
      ratePercent: '3.5',
    });
    expect(added[0]).toEqual({
      source: 'boe_base',
      effectiveFrom: '2026-02-05',
      ratePercent: '3.5',
    });
    const removed = await ok<ReferenceRate[]>('interest.removeRate', {
      source: 'boe_base',
      effectiveFrom: '2026-02-05',
    });
    expect(removed).toEqual(seeded);
  });
});

describe('early-payment discount', () => {
  it('is honoured when the discounted amount arrives in time: a credit note and an event', async () => {
    const { ok, customer } = await lateCompany('2027-03-20T12:00:00Z');
    const invoice = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-15',
      terms: { kind: 'net', days: 30 },
      discount: { percent: '2', withinDays: 10 },
      currency: 'GBP',
      lines: [{ description: 'Repairs', quantity: '1', unitPrice: 14_400 }],
    });
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-20',
      amount: 14_112,
      currency: 'GBP',
      allocations: [{ invoiceId: invoice.id, amount: 14_112 }],
    });
    const paid = await ok<Invoice>('invoices.get', { id: invoice.id });
    // 2% of £144.00 = £2.88, credited: the invoice is settled at £141.12.
    expect(paid).toMatchObject({ paid: 14_112, credited: 288, open: 0, state: 'paid' });
    expect(paid.reductions.map((r) => [r.kind, r.amount])).toEqual([
      ['payment', 14_112],
      ['credit_note', 288],
    ]);
    const timeline = await ok<TimelineEntry[]>('customers.timeline', { id: customer.id });
    expect(timeline.find((e) => e.kind === 'invoice.discount_applied')?.summary).toBe(
      `Early-payment discount of £2.88 (2%) applied to ${invoice.number}: paid by 25 March 2027.`,
    );
  });

  it('is not given when the payment comes after the window', async () => {
    const { ok, customer } = await lateCompany('2027-03-30T12:00:00Z');
    const invoice = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-15',
      terms: { kind: 'net', days: 30 },
      discount: { percent: '2', withinDays: 10 },
      currency: 'GBP',
      lines: [{ description: 'Repairs', quantity: '1', unitPrice: 14_400 }],
    });
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-26',
      amount: 14_112,
      currency: 'GBP',
      allocations: [{ invoiceId: invoice.id, amount: 14_112 }],
    });
    const late = await ok<Invoice>('invoices.get', { id: invoice.id });
    expect(late).toMatchObject({ credited: 0, open: 288, state: 'partially_paid' });
  });
});

describe('late charges in letters', () => {
  it('prints the workings while owed, then the kind note once waived', async () => {
    const { ok, customer, invoice } = await lateCompany();
    await ok('terms.setCustomer', { customerId: customer.id, late: { kind: 'uk_statutory' } });
    const [claim] = await ok<InterestClaim[]>('interest.claim', { customerId: customer.id });
    const draft = await ok<{ text: string; html: string; tone: { findings: unknown[] } }>(
      'letters.draft',
      { customerId: customer.id, occasion: 'firm' },
    );
    expect(draft.text).toContain('late-payment charges of £525.27 have been added');
    expect(draft.text).toMatch(
      new RegExp(
        `${invoice.number} +Interest 1 Jun 2023 – 15 Mar 2024 +289 +£5,000.00 +11.5% +£455.27`,
      ),
    );
    expect(draft.text).toMatch(new RegExp(`${invoice.number} +Fixed sum +£70.00`));
    expect(draft.text).toContain(
      '8% over the Bank of England base rate of 3.5% on 31 December 2022',
    );
    expect(draft.html).toContain(
      '<td style="padding:4px 12px 4px 0;text-align:right">£455.27</td>',
    );
    expect(draft.text).not.toContain('As a gesture');
    // The printed letter draws the same workings as a table.
    const pdf = await ok<DocumentFile>('letters.pdf', {
      customerId: customer.id,
      occasion: 'firm',
    });
    const printed = (await pdfPages(Buffer.from(pdf.contentBase64, 'base64'))).join('\n');
    expect(printed).toMatch(/Fixed sum\s+£70\.00/);
    expect(printed).toMatch(/1 Jun 2023 – 15 Mar 2024\s+289\s+£5,000\.00\s+11\.5%\s+£455\.27/);
    expect(printed).toMatch(/Total\s+£525\.27/);

    await ok('interest.waive', { claimId: claim!.id });
    const after = await ok<{ text: string }>('letters.draft', {
      customerId: customer.id,
      occasion: 'firm',
    });
    expect(after.text).toContain(
      `As a gesture, we've waived the late-payment interest and charges of £525.27 on invoice ${invoice.number}.`,
    );
    expect(after.text).not.toContain('have been added');
  });
});

describe('payment terms for new invoices', () => {
  it('come from the customer, else the business, when an invoice gives none', async () => {
    const { ok, customer } = await lateCompany('2027-03-15T09:00:00Z');
    await ok('terms.update', {
      payment: { terms: { kind: 'net', days: 14 }, discount: { percent: '2', withinDays: 7 } },
    });
    const other = await ok<Customer>('customers.create', {
      name: 'Tern Studio',
      kind: 'sole_trader',
    });
    await ok('terms.setCustomer', {
      customerId: other.id,
      payment: { terms: { kind: 'end_of_month', days: 0 }, discount: null },
    });
    const line = [{ description: 'Work', quantity: '1', unitPrice: 10_000 }];
    const usual = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-15',
      currency: 'GBP',
      lines: line,
    });
    expect(usual).toMatchObject({
      dueDate: '2027-03-29',
      terms: { kind: 'net', days: 14 },
      discount: { percent: '2', withinDays: 7 },
    });
    const theirs = await ok<Invoice>('invoices.create', {
      customerId: other.id,
      issueDate: '2027-03-15',
      currency: 'GBP',
      lines: line,
    });
    expect(theirs).toMatchObject({
      dueDate: '2027-03-31',
      terms: { kind: 'end_of_month', days: 0 },
      discount: null,
    });
    // Terms given on the invoice win, and an explicit "no discount" stays none.
    const given = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-15',
      terms: { kind: 'net', days: 30 },
      discount: null,
      currency: 'GBP',
      lines: line,
    });
    expect(given).toMatchObject({ dueDate: '2027-04-14', discount: null });
  });

  it('refuse a fixed date as the usual terms, naming the field, nothing written', async () => {
    const { call, fingerprint } = await lateCompany();
    const before = fingerprint();
    const result = await call('terms.update', {
      payment: { terms: { kind: 'fixed_date' }, discount: null },
    });
    expect(failure(result)).toMatchObject({ code: 'invalid_input', field: 'payment.terms' });
    expect(fingerprint()).toBe(before);
  });
});
