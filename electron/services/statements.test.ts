/**
 * statements.email through the API, to a real SMTP server on 127.0.0.1: the statement letter
 * with its figures in words and the statement PDF attached (read back with pdftotext); at most
 * once however often it is asked for; one timeline event in the same transaction; and bad
 * input (no email address, an unknown currency, a day still to come) refused by field with
 * nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StatementEmailResult } from '../../shared/api/exports';
import type { LetterDraft } from '../../shared/api/letters';
import type { Customer, Invoice } from '../../shared/ledger';
import type { OutboxMessage, OutboxMessageDetail } from '../../shared/mail/outbox';
import { startLedgerApp } from '../testing/ledger-app';
import { sinkAccount } from '../testing/mail-fixture';
import { mimeParts } from '../testing/mime-parts';
import { pdfPages } from '../testing/pdf-text';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

/** Monday 15 March 2027, 10:00 in London: inside the default contact window. */
const now = '2027-03-15T10:00:00Z';

/**
 * Alder & Co, GBP:
 *   before the period: INV-0001 issued 2027-01-04, £400.00, due 2027-01-18  → opening £400.00
 *   in it:  £150.00 paid on 2027-02-10 (to INV-0001)                        → £250.00
 *           INV-0002 issued 2027-03-01, £120.50, due 2027-03-31             → £370.50
 * On 15 March: INV-0001 has £250.00 open, 56 days late (31–60); INV-0002 is not yet due.
 */
async function ledger(options: { account?: boolean; email?: string } = {}) {
  const app = await startLedgerApp(await tempDir(), now);
  open.push(app.app);
  let server: SmtpSink | null = null;
  if (options.account !== false) {
    server = await startSmtpSink();
    open.push(server);
    await app.ok('mail.updateAccount', sinkAccount(server.port));
  }
  const alder = await app.ok<Customer>('customers.create', {
    name: 'Alder & Co',
    kind: 'company',
    email: options.email ?? 'accounts@alder.example',
  });
  const invoice = (issueDate: string, dueDate: string, unitPrice: number) =>
    app.ok<Invoice>('invoices.create', {
      customerId: alder.id,
      issueDate,
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Shelving', quantity: '1', unitPrice }],
    });
  await invoice('2027-01-04', '2027-01-18', 40000);
  await app.ok('payments.record', {
    customerId: alder.id,
    date: '2027-02-10',
    amount: 15000,
    currency: 'GBP',
    method: 'bank_transfer',
    reference: 'BACS 77',
  });
  await invoice('2027-03-01', '2027-03-31', 12050);
  const period = { customerId: alder.id, from: '2027-02-01', to: '2027-03-15' };
  const events = () =>
    app.app.connection.sqlite
      .prepare("SELECT summary, details FROM events WHERE kind = 'statement.emailed' ORDER BY id")
      .all() as { summary: string; details: string }[];
  return { ...app, alder, server, period, events };
}

describe('statements.email', () => {
  it('sends the statement letter with its figures in words and the statement PDF attached', async () => {
    const { ok, app, server, period, events } = await ledger();
    const result = await ok<StatementEmailResult>('statements.email', period);
    expect(result.alreadyQueued).toBe(false);
    expect(result.message).toMatchObject({
      occasion: 'statement',
      state: 'queued',
      to: 'accounts@alder.example',
      subject: 'Your statement from Jones Plumbing to 15 March 2027',
      attachments: [
        expect.objectContaining({
          fileName: expect.stringMatching(/^Statement 2027-03-15 - Alder & Co\.pdf$/),
          contentType: 'application/pdf',
        }),
      ],
    });
    const detail = await ok<OutboxMessageDetail>('outbox.get', { id: result.message.id });
    // The words the owner reviews are the words that go.
    expect(detail.text).toContain('Here is your statement from 1 February 2027 to 15 March 2027.');
    expect(detail.text).toContain(
      'The balance was £400.00 before 1 February 2027 and is £370.50 on 15 March 2027.',
    );
    expect(detail.text).toContain(
      'Of what is open, £120.50 is not yet due and £250.00 is 31 to 60 days overdue.',
    );
    expect(detail.text).toMatch(/Paid or credited\s+-£150\.00/);
    // The default words pass the tone check as the customer will read them.
    const draft = await ok<LetterDraft>('letters.draft', {
      customerId: period.customerId,
      occasion: 'statement',
      statement: { from: period.from, to: period.to },
    });
    expect(draft.text).toBe(detail.text);
    expect(draft.tone.findings).toEqual([]);

    // One timeline event, written with the message.
    const [event, ...more] = events();
    expect(more).toEqual([]);
    expect(event!.summary).toBe(
      'Statement to 15 March 2027 (£370.50) put in the outbox for accounts@alder.example.',
    );
    expect(JSON.parse(event!.details)).toMatchObject({
      outboxId: result.message.id,
      from: '2027-02-01',
      to: '2027-03-15',
      closing: [{ currency: 'GBP', amount: 37050 }],
    });

    expect(await app.outbox.drain()).toEqual({ sent: 1, other: 0 });
    const [got] = server!.received;
    expect(got).toMatchObject({ to: ['accounts@alder.example'], messageId: detail.messageId });
    const { parts } = mimeParts(got!.raw);
    expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html', 'application/pdf']);
    const text = parts[0]!.body.toString('utf8');
    expect(text).toContain('The balance was £400.00 before 1 February 2027');
    expect(text).toContain('Sort code 12-34-56');
    const pdf = (await pdfPages(parts[2]!.body)).join('\n');
    expect(pdf).toContain('Alder & Co');
    expect(pdf).toMatch(/INV-0002/);
    expect(pdf).toMatch(/BACS 77/);
    expect(pdf).toMatch(/£370\.50/);
  });

  it('queues the same statement once, however often it is asked for at once or later', async () => {
    const { ok, call, period, events, app } = await ledger();
    // A double click: two requests in flight together.
    const [first, second] = await Promise.all([
      ok<StatementEmailResult>('statements.email', period),
      ok<StatementEmailResult>('statements.email', period),
    ]);
    expect([first.alreadyQueued, second.alreadyQueued].sort()).toEqual([false, true]);
    expect(second.message.id).toBe(first.message.id);
    await app.outbox.drain();
    // Already sent: asking again gives back the message that went, and sends nothing more.
    const again = await ok<StatementEmailResult>('statements.email', period);
    expect(again).toMatchObject({ alreadyQueued: true, message: { id: first.message.id } });
    expect(again.message.state).toBe('sent');
    expect(await ok<OutboxMessage[]>('outbox.list', {})).toHaveLength(1);
    expect(events()).toHaveLength(1);

    // Another period is another statement.
    const march = await ok<StatementEmailResult>('statements.email', {
      ...period,
      from: '2027-03-01',
    });
    expect(march.alreadyQueued).toBe(false);
    // A cancelled one may be queued afresh.
    await ok('outbox.cancel', { id: march.message.id });
    const afresh = await ok<StatementEmailResult>('statements.email', {
      ...period,
      from: '2027-03-01',
    });
    expect(afresh.alreadyQueued).toBe(false);
    expect(afresh.message.id).not.toBe(march.message.id);
    expect(events()).toHaveLength(3);
    expect((await call('statements.email', period)).ok).toBe(true);
  });

  it('waits as a draft for the owner’s mail program when no account is set up', async () => {
    const { ok, period } = await ledger({ account: false });
    const result = await ok<StatementEmailResult>('statements.email', period);
    expect(result.message.state).toBe('draft');
  });

  it.each([
    [
      'a customer without an email address',
      { email: '' },
      {},
      'invalid_input',
      'customerId',
      /has no email address/,
    ],
    ['an unknown currency', {}, { currency: 'XYZ' }, 'invalid_input', 'currency', /ISO 4217/],
    [
      'a currency the customer has nothing in',
      {},
      { currency: 'EUR' },
      'invalid_input',
      'currency',
      /nothing in EUR/,
    ],
    ['an as-of date still to come', {}, { to: '2027-03-16' }, 'invalid_input', 'to', /up to today/],
    [
      'a period ending before it starts',
      {},
      { from: '2027-03-10', to: '2027-03-01' },
      'invalid_input',
      'from',
      /start on or before/,
    ],
    ['an unknown customer', {}, { customerId: 999 }, 'not_found', 'customerId', /no customer 999/],
  ])('refuses %s and writes nothing', async (_, setup, change, code, field, message) => {
    const { call, period, fingerprint } = await ledger(setup);
    const before = fingerprint();
    const result = await call('statements.email', { ...period, ...change });
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(fingerprint()).toBe(before);
  });
});
