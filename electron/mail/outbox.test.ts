import { afterEach, describe, expect, it } from 'vitest';
import type { ActResult } from '../../shared/api/reminders';
import type { OutboxMessage } from '../../shared/mail/outbox';
import type { Customer } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

async function approvedReminder(sink: SmtpSink | null) {
  const ledger = await startLedgerApp(await tempDir(), '2027-03-15T10:00:00Z');
  open.push(ledger.app);
  if (sink) {
    await ledger.ok('mail.updateAccount', {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      username: '',
      fromName: 'Brook & Sons',
      fromAddress: 'owner@brook.example',
    });
  }
  const customer = await ledger.ok<Customer>('customers.create', {
    name: 'Alder & Co',
    kind: 'company',
    email: 'accounts@alder.example',
  });
  await ledger.ok('invoices.create', {
    customerId: customer.id,
    issueDate: '2027-01-15',
    dueDate: '2027-03-01',
    currency: 'GBP',
    lines: [{ description: 'Shelving', quantity: '1', unitPrice: 50000 }],
  });
  const [item] = (await ledger.ok<ReminderQueue>('reminders.queue', {})).items;
  const acted = await ledger.ok<ActResult>('reminders.act', {
    itemId: item!.id,
    action: 'approve',
  });
  const [message] = await ledger.ok<OutboxMessage[]>('outbox.list', {});
  return { ...ledger, customer, acted, message: message! };
}

describe('the outbox', () => {
  it('sends an approved reminder once, with its Message-ID, subject and invoice attached', async () => {
    const sink = await startSmtpSink();
    open.push(sink);
    const { ok, app, message, acted } = await approvedReminder(sink);
    expect(acted.message).toMatch(/in the Outbox/);
    expect(message).toMatchObject({ state: 'queued', to: 'accounts@alder.example' });
    await app.outbox.drain();
    await app.outbox.drain();
    expect(sink.received).toHaveLength(1);
    const [got] = sink.received;
    expect(got!.messageId).toBe(message.messageId);
    expect(got!.to).toEqual(['accounts@alder.example']);
    const raw = got!.raw.toString('utf8');
    expect(raw).toContain('Subject: Checking in about invoice INV-0001');
    expect(raw).toMatch(/filename="?Invoice INV-0001/);
    const [sent] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(sent).toMatchObject({ state: 'sent', response: '250 Queued as 1' });
  });

  it('retries a 4xx later, and leaves a dropped connection uncertain, never resent', async () => {
    const sink = await startSmtpSink();
    open.push(sink);
    const { ok, app, clock, message } = await approvedReminder(sink);
    sink.script.push(451);
    await app.outbox.drain();
    let [now] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(now).toMatchObject({ state: 'retrying', attempts: 1 });
    expect(now!.lastError).toMatch(/451 Try again later/);
    clock.set('2027-03-15T10:01:30Z');
    sink.script.push('drop');
    await app.outbox.drain();
    [now] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(now).toMatchObject({ state: 'uncertain' });
    await app.outbox.drain();
    expect(sink.received.map((r) => r.messageId)).toEqual([message.messageId]);
    await ok('outbox.resolve', { id: message.id, outcome: 'was_sent' });
    [now] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(now!.state).toBe('sent');
  });

  it('without an account, keeps a draft to send from the owner’s mail program', async () => {
    const { ok, message } = await approvedReminder(null);
    expect(message.state).toBe('draft');
    const eml = await ok<{ fileName: string; contentBase64: string }>('outbox.eml', {
      id: message.id,
    });
    const text = Buffer.from(eml.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('X-Unsent: 1\r\n')).toBe(true);
    expect(text).toContain(message.messageId);
    const sent = await ok<OutboxMessage>('outbox.markSent', { id: message.id });
    expect(sent.state).toBe('sent');
  });

  it('sends the printable letter with a final notice, which goes by letter and email', async () => {
    const sink = await startSmtpSink();
    open.push(sink);
    const { ok, app, clock } = await approvedReminder(sink);
    await app.outbox.drain();
    clock.set('2027-05-03T10:00:00Z'); // 63 days overdue: the final notice (+60)
    const [item] = (await ok<ReminderQueue>('reminders.queue', {})).items;
    expect(item).toMatchObject({ step: 'final', channel: 'letter_email' });
    await ok('reminders.act', { itemId: item!.id, action: 'approve' });
    const [final] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(final!.attachments.map((a) => a.fileName)).toEqual([
      'Letter 2027-05-03 - Alder & Co.pdf',
      'Invoice INV-0001 - Alder & Co.pdf',
    ]);
  });
});
