/**
 * Messages in the outbox the way they get there: customers who owe money, an overdue invoice
 * each, the reminder queue built, and each step approved (which drafts, composes with the
 * invoice PDF attached, and queues the message). Also the mail account input for a test sink.
 */
import type { MailAccountInput } from '../../shared/api/mail';
import type { ActResult } from '../../shared/api/reminders';
import type { Customer } from '../../shared/ledger';
import type { OutboxMessage } from '../../shared/mail/outbox';
import type { ReminderQueue } from '../../shared/reminders/queue';
import type { startLedgerApp } from './ledger-app';

type LedgerApp = Awaited<ReturnType<typeof startLedgerApp>>;

/** An account that sends to a sink on this computer, without TLS or a login unless told. */
export function sinkAccount(
  port: number,
  overrides: Partial<MailAccountInput> = {},
): Partial<MailAccountInput> {
  return {
    host: '127.0.0.1',
    port,
    security: 'none',
    username: '',
    fromName: 'Brook & Sons',
    fromAddress: 'owner@brook.example',
    ...overrides,
  };
}

/**
 * `count` customers (`customer-N@example.com`), each with one invoice due 14 days before the
 * ledger's "now" (2027-03-15 in these tests), every step approved. Returns the queued messages
 * in the order they were approved.
 */
export async function approvedReminders(
  ledger: LedgerApp,
  count: number,
): Promise<{ customers: Customer[]; messages: OutboxMessage[]; acted: ActResult[] }> {
  const customers: Customer[] = [];
  for (let n = 1; n <= count; n += 1) {
    const customer = await ledger.ok<Customer>('customers.create', {
      name: count === 1 ? 'Alder & Co' : `Customer ${n}`,
      kind: 'company',
      email: count === 1 ? 'accounts@alder.example' : `customer-${n}@example.com`,
    });
    await ledger.ok('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-15',
      dueDate: '2027-03-01',
      currency: 'GBP',
      lines: [{ description: 'Shelving', quantity: '1', unitPrice: 50000 + n }],
    });
    customers.push(customer);
  }
  const queue = await ledger.ok<ReminderQueue>('reminders.queue', {});
  const acted: ActResult[] = [];
  for (const item of queue.items) {
    acted.push(await ledger.ok<ActResult>('reminders.act', { itemId: item.id, action: 'approve' }));
  }
  const messages = await ledger.ok<OutboxMessage[]>('outbox.list', { limit: 1000 });
  return { customers, messages: messages.reverse(), acted };
}
