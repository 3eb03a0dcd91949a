import { afterEach, describe, expect, it } from 'vitest';
import type { LetterDraft, TemplateDetail, TemplateSummary } from '../../shared/api/letters';
import type { Customer, Invoice } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function ledgerWithOverdue() {
  const ledger = await startLedgerApp(await tempDir(), '2027-03-15T10:00:00Z');
  running.push(ledger.app);
  const customer = await ledger.ok<Customer>('customers.create', {
    name: 'Alder & Co',
    kind: 'company',
    contactPerson: 'Sam Alder',
    locale: 'en-US',
    address: '9 Elm Street\nSpringfield',
  });
  const invoices: Invoice[] = [];
  for (const [issueDate, dueDate, price] of [
    ['2027-01-15', '2027-02-14', 50000],
    ['2027-02-01', '2027-03-03', 12550],
  ] as const) {
    invoices.push(
      await ledger.ok<Invoice>('invoices.create', {
        customerId: customer.id,
        issueDate,
        dueDate,
        currency: 'GBP',
        lines: [{ description: 'Shelving', quantity: '1', unitPrice: price }],
      }),
    );
  }
  return { ...ledger, customer, invoices };
}

describe('letters', () => {
  it('draft a queue step for the customer, with every invoice, in their own spelling and formats', async () => {
    const { ok, customer, invoices } = await ledgerWithOverdue();
    const queue = await ok<ReminderQueue>('reminders.queue', {});
    const item = queue.items[0]!;
    const draft = await ok<LetterDraft>('letters.draft', {
      customerId: customer.id,
      occasion: 'firm',
      itemId: item.id,
    });
    expect(draft.locale).toBe('en-US');
    expect(draft.subject).toMatch(
      new RegExp(`^Overdue: invoices ${invoices[0]!.number} and ${invoices[1]!.number} from `),
    );
    expect(draft.text).toContain('Dear Sam Alder,');
    expect(draft.text).toContain('£625.50 is still unpaid');
    expect(draft.text).toContain('Feb 14, 2027');
    expect(draft.text).toContain('payment within 30 days of the invoice date');
    expect(draft.invoiceNumbers).toEqual(invoices.map((i) => i.number));
    expect(draft.html).toContain('<table');
    // The default words pass their own tone check.
    expect(draft.tone.findings).toEqual([]);
    expect(draft.tone.readingLevel.grade).toBeLessThanOrEqual(8);
  });

  it('keep every version of an edited template, check it on save and reset it to the default', async () => {
    const { ok, call, fingerprint, customer } = await ledgerWithOverdue();
    const original = await ok<TemplateDetail>('letters.template', { occasion: 'reminder' });
    expect(original).toMatchObject({ customised: false, version: 0 });

    const before = fingerprint();
    for (const [body, field] of [
      ['Dear {{customer.nmae}}', 'body'],
      ['{{#invoices}}{{number}}', 'body'],
      ['x'.repeat(50_001), 'body'],
    ] as const) {
      const result = await call('letters.saveTemplate', {
        occasion: 'reminder',
        subject: 'Hi',
        body,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
    const badSubject = await call('letters.saveTemplate', {
      occasion: 'reminder',
      subject: 'About {{promise.date}}',
      body: 'Hello',
    });
    expect(badSubject).toMatchObject({ ok: false, error: { field: 'subject' } });
    expect(JSON.stringify(badSubject)).toContain('promise.date');
    expect(fingerprint()).toBe(before);

    const saved = await ok<TemplateDetail>('letters.saveTemplate', {
      occasion: 'reminder',
      subject: 'Invoice {{oldest.number}}',
      body: 'Hello {{customer.greetingName}}, {{totalOpen}} is open.\n\n{{invoiceTable}}',
    });
    expect(saved).toMatchObject({ customised: true, version: 1 });
    expect(saved.tone.findings).toEqual([]);
    const harsh = await ok<TemplateDetail>('letters.saveTemplate', {
      occasion: 'reminder',
      subject: 'FINAL DEMAND',
      body: 'Failure to pay will result in legal action.\n\n{{invoiceTable}}',
    });
    expect(harsh.version).toBe(2);
    expect(harsh.tone.findings.map((f) => f.category)).toEqual(
      expect.arrayContaining(['legal-threat']),
    );
    await ok('letters.saveTemplate', {
      occasion: 'reminder',
      subject: 'Invoice {{oldest.number}}',
      body: 'Hello {{customer.greetingName}}, {{totalOpen}} is open.\n\n{{invoiceTable}}',
    });
    const draft = await ok<LetterDraft>('letters.draft', {
      customerId: customer.id,
      occasion: 'reminder',
    });
    expect(draft.text).toMatch(/^Hello Sam Alder, £625\.50 is open\./);

    const reset = await ok<TemplateDetail>('letters.resetTemplate', { occasion: 'reminder' });
    expect(reset).toMatchObject({ customised: false, version: 4, subject: original.subject });
    expect(reset.versions.map((v) => [v.version, v.customised])).toEqual([
      [4, false],
      [3, true],
      [2, true],
      [1, true],
    ]);
    const list = await ok<TemplateSummary[]>('letters.templates', {});
    // Every occasion, the four hardship plan letters among them.
    expect(list).toHaveLength(21);
  });

  it('preview an unsaved edit against a real customer, naming a variable with no value', async () => {
    const { ok, call, customer } = await ledgerWithOverdue();
    const preview = await ok<LetterDraft>('letters.draft', {
      customerId: customer.id,
      occasion: 'reminder',
      subject: 'Hi {{customer.name}}',
      body: '{{invoiceCount}} invoices',
    });
    expect(preview).toMatchObject({ subject: 'Hi Alder & Co', text: '2 invoices\n' });
    const missing = await call('letters.draft', {
      customerId: customer.id,
      occasion: 'promise_confirmation',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(missing)).toContain('promise.');
    const unknownCustomer = await call('letters.draft', { customerId: 999, occasion: 'reminder' });
    expect(unknownCustomer).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'customerId' },
    });
  });

  it("check an edited letter against the late charges in the customer's terms", async () => {
    const { ok, customer } = await ledgerWithOverdue();
    const edited = {
      customerId: customer.id,
      occasion: 'firm',
      subject: 'Invoice {{invoiceNumbers}}',
      body: 'Dear {{customer.greetingName}},\n\nStatutory interest is charged at 8% over base rate.\n\n{{business.name}}',
    } as const;
    const rulesFound = async () =>
      (await ok<LetterDraft>('letters.draft', edited)).tone.findings.map((f) => f.ruleId);
    // No late charges anywhere in their terms: mentioning interest is a threat.
    expect(await rulesFound()).toContain('unagreed-fees');
    // The business's terms include them: agreed, so not marked.
    await ok('terms.update', { late: { kind: 'simple_interest', ratePercent: '8', graceDays: 0 } });
    expect(await rulesFound()).not.toContain('unagreed-fees');
    // This customer's own terms say none: marked again.
    await ok('terms.setCustomer', { customerId: customer.id, late: { kind: 'off' } });
    expect(await rulesFound()).toContain('unagreed-fees');
  });

  it('print a letter whose text carries every invoice number and the total', async () => {
    const { ok, customer, invoices } = await ledgerWithOverdue();
    const file = await ok<{ fileName: string; contentBase64: string }>('letters.pdf', {
      customerId: customer.id,
      occasion: 'reminder',
    });
    expect(file.fileName).toBe('Letter 2027-03-15 - Alder & Co.pdf');
    const text = (await pdfPages(Buffer.from(file.contentBase64, 'base64'))).join('\n');
    for (const invoice of invoices) expect(text).toContain(invoice.number);
    expect(text).toContain('£625.50');
    expect(text).toContain('Sam Alder');
  });
});
