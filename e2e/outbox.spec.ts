import { readFile } from 'node:fs/promises';
import { startSmtpSink, type SmtpSink } from '../electron/testing/smtp-sink';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { MailSettingsPage } from './pages/MailSettingsPage';
import { OutboxPage } from './pages/OutboxPage';
import { TodayPage } from './pages/TodayPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London (fixtures): inside the sample
// business's contact window, so an approved reminder may go at once. The mail server is a real
// SMTP server in this test process, on 127.0.0.1.
const server = serverForThisFile({ onboarded: true });
let sink: SmtpSink;

test.beforeAll(async () => {
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await sink?.close();
});

interface Message {
  id: number;
  subject: string;
  state: string;
  to: string;
}

/** A customer with an email address and one invoice of £120.00, 14 days overdue. */
async function owing(name: string, number: string, email: string): Promise<number> {
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name,
    email,
  });
  expect(customer.status, JSON.stringify(customer.body)).toBe(200);
  const id = customer.body.value.id;
  const invoice = await server.current.api('invoices.create', {
    customerId: id,
    number,
    issueDate: '2027-03-01',
    dueDate: '2027-03-01',
    currency: 'GBP',
    lines: [{ description: 'Plumbing', quantity: '1', unitPrice: 12000 }],
  });
  expect(invoice.status, JSON.stringify(invoice.body)).toBe(200);
  return id;
}

async function messagesOf(customerId: number): Promise<Message[]> {
  const reply = await server.current.api<{ value: Message[] }>('outbox.list', { customerId });
  return reply.body.value;
}

/** The account pointing at the sink, for the tests after the one that sets it up on screen. */
async function useTheSink() {
  const reply = await server.current.api('mail.updateAccount', {
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    username: '',
    fromName: 'Jones Plumbing',
    fromAddress: 'sam@jonesplumbing.example',
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** What the sink received with this subject (headers unfolded). */
function receivedWith(subject: string) {
  return sink.received.filter((message) =>
    message.raw
      .toString('utf8')
      .replace(/\r\n[ \t]+/g, ' ')
      .includes(`Subject: ${subject}\r\n`),
  );
}

/** Approves the customer's reminder on Today, as the owner would. */
async function approveOnToday(app: AppPage, customer: string) {
  const today = new TodayPage(app.page);
  await app.open(server.current, '/today');
  await today.approve(customer);
  await expect(today.confirmation).toContainText(customer);
  await expect(today.row(customer)).toHaveCount(0);
}

test('an empty outbox says what it is for and how to start', async ({ page }) => {
  const app = new AppPage(page);
  const outbox = new OutboxPage(page);
  await app.open(server.current, '/outbox');
  await expect(outbox.heading).toBeVisible();
  await expect(page.getByText('Nothing in the outbox')).toBeVisible();
  await expect(page.getByText(/When you approve a reminder on Today/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send now' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/outbox-empty.png' });
  await page.getByRole('button', { name: 'Set up your mail account' }).click();
  await expect(app.screenHeading('Settings')).toBeVisible();
});

test('the mail account is set up and tested in Settings', async ({ page }) => {
  const app = new AppPage(page);
  const mail = new MailSettingsPage(page);
  await app.open(server.current, '/settings');
  await expect(mail.section.getByText(/No account is set up yet/)).toBeVisible();
  // Sensible defaults: STARTTLS on 587, sent as the business.
  await expect(mail.field('Port')).toHaveValue('587');
  await expect(mail.field('Sender address')).toHaveValue('sam@jonesplumbing.example');
  await mail.security('TLS');
  await expect(mail.field('Port')).toHaveValue('465');
  // Headless mode keeps the password in memory only, and says so.
  await expect(mail.section).toContainText('keeps the mail password in memory only');

  // No encryption is refused for a server elsewhere, beside the field.
  await mail.fillServer({ host: 'smtp.example.com', port: 25, security: 'None' });
  await mail.save();
  await mail.expectError(
    'Security',
    'An unencrypted connection is allowed only to this computer (localhost).',
  );
  await expect(mail.status).toContainText('Nothing was saved');

  await mail.fillServer({ host: '127.0.0.1', port: sink.port, security: 'None' });
  await mail.save();
  await expect(mail.status).toContainText('Saved');
  await mail.testConnection();
  await expect(mail.status).toContainText('Connected');

  const account = await server.current.api<{
    value: { configured: boolean; host: string; port: number; security: string };
  }>('mail.account');
  expect(account.body.value).toMatchObject({
    configured: true,
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
  });
  await mail.section.screenshot({ path: '/tmp/outbox-mail-settings.png' });

  // A server that does not answer: the reason, in plain words.
  await mail.field('Port').fill('1');
  await mail.testConnection();
  await expect(mail.status).toContainText('Goodwill could not connect.');
  await expect(mail.status).toContainText('Nothing answered at 127.0.0.1:1');
  await mail.field('Port').fill(String(sink.port));
  await mail.save();
  await expect(mail.status).toContainText('Saved');

  // A saved password is never shown, only said to be there; it can be forgotten.
  await mail.field('Password').fill('correct horse');
  await mail.save();
  await expect(mail.status).toContainText('Saved');
  await expect(mail.field('Password')).toHaveValue('');
  await expect(mail.field('Password')).toHaveAttribute('placeholder', '•••• saved');
  await mail.section.getByRole('button', { name: 'Forget password' }).click();
  await expect(mail.status).toContainText('The saved password is forgotten.');
  await expect(mail.field('Password')).not.toHaveAttribute('placeholder', '•••• saved');
  const after = await server.current.api<{ value: { passwordSet: boolean } }>('mail.account');
  expect(after.body.value.passwordSet).toBe(false);
});

test('an approved reminder goes out from the Outbox, once', async ({ page }) => {
  await useTheSink();
  const customer = await owing('Harbour Café', 'HC-14', 'accounts@harbour.example');
  const app = new AppPage(page);
  const outbox = new OutboxPage(page);
  await approveOnToday(app, 'Harbour Café');

  const [message] = await messagesOf(customer);
  expect(message).toBeDefined();
  await app.goTo('Outbox');
  await expect(outbox.message('Harbour Café')).toContainText(message!.subject);
  await expect(outbox.message('Harbour Café')).toContainText('To accounts@harbour.example');
  await outbox.sendNow();
  const sent = outbox.message('Harbour Café', 'Sent');
  await expect(sent).toContainText('Sent');
  await expect(sent).toContainText('The server said:');
  expect(receivedWith(message!.subject)).toHaveLength(1);
  expect(sink.received.at(-1)?.to).toEqual(['accounts@harbour.example']);

  // The words can be read where they are.
  const text = await outbox.readMessage('Harbour Café');
  await expect(text).toContainText('HC-14');
  await page.screenshot({ path: '/tmp/outbox-sent.png', fullPage: true });
});

test('a refused message shows the server’s reason; its words can change and it can be retried', async ({
  page,
}) => {
  await useTheSink();
  const customer = await owing('Castle Dental', 'CD-14', 'office@castle.example');
  sink.script.push(550);
  const app = new AppPage(page);
  const outbox = new OutboxPage(page);
  await approveOnToday(app, 'Castle Dental');
  await app.goTo('Outbox');

  const refused = outbox.message('Castle Dental', 'Needs you');
  await expect(refused).toContainText('Not sent');
  await expect(refused).toContainText('Rejected for policy reasons');
  await expect(outbox.button('Castle Dental', 'Retry')).toBeVisible();
  await page.screenshot({ path: '/tmp/outbox-failed.png', fullPage: true });

  // A subject is needed: the API says so beside the field.
  await outbox.button('Castle Dental', 'Edit').click();
  const subject = outbox.dialog.getByLabel('Subject');
  await expect(subject).not.toHaveValue('');
  await subject.fill('');
  await outbox.dialog.getByRole('button', { name: 'Save the words' }).click();
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await expect(outbox.dialog.getByText('Please write a subject.')).toBeVisible();
  await page.screenshot({ path: '/tmp/outbox-edit.png' });
  await subject.fill('Invoice CD-14: a friendly note');
  await outbox.dialog.getByRole('button', { name: 'Save the words' }).click();
  await expect(outbox.dialog).toBeHidden();
  await expect(outbox.message('Castle Dental', 'Needs you')).toContainText(
    'Invoice CD-14: a friendly note',
  );

  await outbox.button('Castle Dental', 'Retry').click();
  await expect(outbox.confirmation).toContainText('Back in the queue');
  // Sent in the background at once, or by "Send now"; the screen catches up either way.
  await outbox.sendNow();
  await expect(outbox.message('Castle Dental', 'Sent')).toBeVisible();
  expect(receivedWith('Invoice CD-14: a friendly note')).toHaveLength(1);
  const [message] = await messagesOf(customer);
  expect(message?.state).toBe('sent');
});

test('a message that may or may not have gone asks the owner to look', async ({ page }) => {
  await useTheSink();
  const customer = await owing('Bay Garage', 'BG-14', 'hello@baygarage.example');
  sink.script.push('drop');
  const app = new AppPage(page);
  const outbox = new OutboxPage(page);
  await approveOnToday(app, 'Bay Garage');
  const [message] = await messagesOf(customer);
  await app.goTo('Outbox');

  const unsure = outbox.message('Bay Garage', 'Needs you');
  await expect(unsure).toContainText(
    `Did it go? Look in your Sent folder for “${message!.subject}” to hello@baygarage.example.`,
  );
  await outbox.button('Bay Garage', 'It was sent').click();
  await expect(outbox.message('Bay Garage', 'Sent')).toBeVisible();
  // The server had it once; nothing was sent again.
  expect(receivedWith(message!.subject)).toHaveLength(1);
});

test('without an account, an approved message is a draft for your own mail program', async ({
  page,
}) => {
  await useTheSink();
  const app = new AppPage(page);
  const mail = new MailSettingsPage(page);
  const outbox = new OutboxPage(page);
  await app.open(server.current, '/settings');
  await mail.removeAccount();
  await expect(mail.status).toContainText('The account is removed');
  await expect(mail.section.getByText(/No account is set up yet/)).toBeVisible();

  const customer = await owing('Pier Kiosk', 'PK-14', 'pier@kiosk.example');
  const before = sink.received.length;
  await approveOnToday(app, 'Pier Kiosk');
  await app.goTo('Outbox');
  const draft = outbox.message('Pier Kiosk', 'Needs you');
  await expect(draft).toContainText('Draft');
  await expect(
    page.getByText(/No mail account is set up, so approved messages wait here/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send now' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/outbox-draft.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await outbox.button('Pier Kiosk', 'Save .eml').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.eml$/);
  const eml = await readFile((await download.path())!, 'utf8');
  expect(eml).toMatch(/^X-Unsent: 1\r\n/);
  expect(eml).toContain('pier@kiosk.example');

  // The browser cannot open a mail program: it says so, and the .eml is there to save.
  await outbox.button('Pier Kiosk', 'Open in mail program').click();
  await expect(draft).toContainText('Opening a mail program works in the desktop app');

  await outbox.button('Pier Kiosk', 'I’ve sent it').click();
  await expect(outbox.message('Pier Kiosk', 'Sent')).toBeVisible();
  const [message] = await messagesOf(customer);
  expect(message?.state).toBe('sent');
  expect(sink.received.length).toBe(before);
});
