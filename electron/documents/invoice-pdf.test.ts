import { describe, expect, it } from 'vitest';
import { invoiceTotals, type InvoiceLineInput } from '../../shared/invoices';
import type { Customer, Invoice } from '../../shared/ledger';
import { pdfInfo, pdfPages } from '../testing/pdf-text';
import { renderInvoicePdf, type InvoicePdfInput } from './invoice-pdf';

const now = new Date('2027-03-15T09:00:00Z');

function makeInvoice(
  lines: InvoiceLineInput[],
  overrides: Partial<Omit<Invoice, 'lines'>> = {},
): Invoice {
  const totals = invoiceTotals(lines);
  return {
    id: 1,
    customerId: 1,
    customerName: 'Zoë Łukasiewicz',
    reductions: [],
    number: 'INV-0001',
    issueDate: '2027-03-15',
    dueDate: '2027-04-14',
    currency: 'GBP',
    terms: { kind: 'net', days: 30 },
    discount: null,
    notes: '',
    lines: lines.map((line, index) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate ?? null,
      net: totals.lines[index]!.net,
      tax: totals.lines[index]!.tax,
    })),
    net: totals.net,
    tax: totals.tax,
    total: totals.total,
    paid: 0,
    credited: 0,
    writtenOff: 0,
    open: totals.total,
    state: 'open',
    daysOverdue: 0,
    voidReason: '',
    source: 'goodwill',
    ...overrides,
  };
}

const customer: Customer = {
  id: 1,
  name: 'Zoë Łukasiewicz',
  company: 'Παπαδόπουλος Α.Ε.',
  kind: 'company',
  contactPerson: 'Žofie Dvořáková',
  email: 'zoe@example.com',
  ccEmails: [],
  phone: '',
  address: 'ул. Иванова 7\nİstanbul, Şükrü Öztürk Sokak 3',
  locale: null,
  timeZone: null,
  notes: '',
  tags: [],
  doNotContact: null,
  creditHold: null,
  archived: false,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
};

const settings: InvoicePdfInput['settings'] = {
  businessName: 'Jones Plumbing',
  address: '14 Station Road\nLlandudno LL30 2AB',
  email: 'accounts@jones.example',
  phone: '01632 960 001',
  paymentInstructions:
    'Bank transfer to Jones Plumbing\nSort code 20-00-00, account 12345678\nOr by card: https://pay.example/jones',
  locale: 'en-GB',
};

const oneLine: InvoiceLineInput[] = [
  { description: 'Boiler service', quantity: '1', unitPrice: 12_000, taxRate: '20' },
];

async function textOf(input: Partial<InvoicePdfInput> & { invoice: Invoice }) {
  const pdf = await renderInvoicePdf({ customer, settings, now, ...input });
  return (await pdfPages(pdf)).join('\n');
}

describe('the invoice PDF', () => {
  it('prints names in any European script, and € and £, exactly', async () => {
    const lines: InvoiceLineInput[] = [
      { description: 'Survey for Παπαδόπουλος', quantity: '1', unitPrice: 15_000 },
      { description: 'Report translated for Иванов', quantity: '2', unitPrice: 4_550 },
      { description: 'Visit with Şükrü Öztürk', quantity: '1', unitPrice: 9_999 },
    ];
    const euro = await textOf({ invoice: makeInvoice(lines, { currency: 'EUR' }) });
    for (const name of [
      'Zoë Łukasiewicz',
      'Žofie Dvořáková',
      'Παπαδόπουλος Α.Ε.',
      'ул. Иванова 7',
      'İstanbul, Şükrü Öztürk Sokak 3',
      'Survey for Παπαδόπουλος',
      'Report translated for Иванов',
      'Visit with Şükrü Öztürk',
    ]) {
      expect(euro).toContain(name);
    }
    expect(euro).toContain('€150.00');
    expect(euro).toContain('€45.50');
    expect(euro).toContain('€91.00');
    expect(euro).toContain('€340.99');

    const pound = await textOf({ invoice: makeInvoice(lines) });
    expect(pound).toContain('£340.99');
  });

  it('states the letterhead, dates, terms, totals and every way to pay', async () => {
    const text = await textOf({
      invoice: makeInvoice(oneLine, { notes: 'Parts carry a year’s guarantee.' }),
    });
    for (const part of [
      'Jones Plumbing',
      '14 Station Road',
      'Llandudno LL30 2AB',
      'accounts@jones.example',
      '01632 960 001',
      'INV-0001',
      '15 March 2027',
      '14 April 2027',
      'Payment is due within 30 days of the invoice date, by 14 April 2027.',
      'Bank transfer to Jones Plumbing',
      'Sort code 20-00-00, account 12345678',
      'Or by card: https://pay.example/jones',
      'Please quote invoice number INV-0001 with your payment',
      'Parts carry a year’s guarantee.',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Subtotal\s+£120\.00/);
    expect(text).toMatch(/Tax\s+£24\.00/);
    expect(text).toMatch(/Total\s+£144\.00/);
    expect(text).toMatch(/AMOUNT DUE[\s\S]*£144\.00/);
    // Nothing was rounded, so the rounding note would only be noise.
    expect(text).not.toContain('rounded per line');
  });

  it('states the rounding rule when a line was rounded', async () => {
    const text = await textOf({
      invoice: makeInvoice([
        { description: 'Pipe, per metre', quantity: '3.5', unitPrice: 437, taxRate: '20' },
      ]),
    });
    // 3.5 × £4.37 = £15.295 → £15.30; 20% of that is £3.06.
    expect(text).toMatch(/Pipe, per metre\s+3\.5\s+£4\.37\s+20%\s+£15\.30/);
    expect(text).toMatch(/Total\s+£18\.36/);
    expect(text).toContain('Amounts are rounded per line, half away from zero.');
  });

  it('offers the early-payment discount with its date and amount', async () => {
    const text = await textOf({
      invoice: makeInvoice(oneLine, { discount: { percent: '2', withinDays: 10 } }),
    });
    expect(text).toContain(
      '2% discount if paid within 10 days, by 25 March 2027: £141.12 instead of £144.00.',
    );
  });

  it('shows what was paid and credited, and the amount still due', async () => {
    const text = await textOf({
      invoice: makeInvoice(oneLine, {
        paid: 5_000,
        credited: 1_000,
        open: 8_400,
        state: 'partially_paid',
        discount: { percent: '2', withinDays: 10 },
      }),
    });
    expect(text).toMatch(/Paid\s+-£50\.00/);
    expect(text).toMatch(/Credited\s+-£10\.00/);
    expect(text).toMatch(/Amount due\s+£84\.00/);
    // The discounted figure would be wrong once something has been paid.
    expect(text).toContain('2% discount if paid within 10 days, by 25 March 2027.');
  });

  it('thanks the customer on a paid invoice and marks a void one', async () => {
    const paid = await textOf({
      invoice: makeInvoice(oneLine, { paid: 14_400, open: 0, state: 'paid' }),
    });
    expect(paid).toContain('Paid in full. Thank you.');
    const voided = await textOf({
      invoice: makeInvoice(oneLine, { state: 'void', voidReason: 'Raised twice by mistake.' }),
    });
    expect(voided).toContain('THIS INVOICE IS VOID');
    expect(voided).toContain('Raised twice by mistake.');
    expect(voided).not.toContain('HOW TO PAY');
  });

  it('formats currencies with no and with three decimals', async () => {
    const yen = await textOf({
      invoice: makeInvoice(
        [{ description: 'Consulting', quantity: '1.5', unitPrice: 12_345, taxRate: '10' }],
        { currency: 'JPY' },
      ),
    });
    // 1.5 × ¥12,345 = ¥18,517.5 → ¥18,518; tax ¥1,852.
    expect(yen).toMatch(/Consulting\s+1\.5\s+JP¥12,345\s+10%\s+JP¥18,518/);
    expect(yen).toMatch(/Total\s+JP¥20,370/);

    const dinar = await textOf({
      invoice: makeInvoice([{ description: 'Licence', quantity: '2', unitPrice: 1_234_567 }], {
        currency: 'KWD',
      }),
    });
    expect(dinar).toMatch(/Licence\s+2\s+KWD 1,234\.567\s+KWD 2,469\.134/);
    expect(dinar).toMatch(/Total\s+KWD 2,469\.134/);
  });

  it('breaks a long invoice across pages with the table header on each', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => ({
      description: `Item ${String(index + 1).padStart(2, '0')}`,
      quantity: '1',
      unitPrice: 1_000 + index,
      taxRate: '20',
    }));
    const pdf = await renderInvoicePdf({ invoice: makeInvoice(lines), customer, settings, now });
    const pages = await pdfPages(pdf);
    expect(Number((await pdfInfo(pdf)).Pages)).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const pagesWithLines = pages.filter((page) => /Item \d\d/.test(page));
    expect(pagesWithLines.length).toBeGreaterThanOrEqual(2);
    for (const page of pagesWithLines) {
      expect(page).toMatch(/Description\s+Qty\s+Unit price\s+Tax\s+Amount/);
    }
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const all = pages.join('\n');
    for (let n = 1; n <= 60; n += 1) {
      expect(all.match(new RegExp(`Item ${String(n).padStart(2, '0')}\\b`, 'g'))).toHaveLength(1);
    }
    expect(all).toContain('Payment is due within 30 days');
  });

  it('gives the same bytes for the same input', async () => {
    const invoice = makeInvoice(oneLine, { discount: { percent: '2.5', withinDays: 7 } });
    const first = await renderInvoicePdf({ invoice, customer, settings, now });
    const second = await renderInvoicePdf({ invoice, customer, settings, now });
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    const later = await renderInvoicePdf({
      invoice,
      customer,
      settings,
      now: new Date('2027-03-16T09:00:00Z'),
    });
    expect(later.equals(first)).toBe(false);
  });

  it('uses Letter in the United States and Canada, A4 elsewhere, and the customer’s locale', async () => {
    const invoice = makeInvoice(oneLine);
    const gb = await pdfInfo(await renderInvoicePdf({ invoice, customer, settings, now }));
    expect(gb['Page size']).toContain('(A4)');
    expect(gb.Title).toBe('Invoice INV-0001');

    const us = await renderInvoicePdf({
      invoice,
      customer: { ...customer, locale: 'en-US' },
      settings,
      now,
    });
    expect((await pdfInfo(us))['Page size']).toContain('(letter)');
    expect((await pdfPages(us)).join('\n')).toContain('April 14, 2027');
  });
});
