import { readFile } from 'node:fs/promises';
import { pdfPages } from '../electron/testing/pdf-text';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { PaymentPage } from './pages/PaymentPage';
import { PlanBuilderPage } from './pages/PlanBuilderPage';
import { PlanPage } from './pages/PlanPage';
import { PlansPage } from './pages/PlansPage';
import { TodayPage } from './pages/TodayPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London (fixtures).
const server = serverForThisFile({ onboarded: true });

/** A customer owing the invoices given (GBP, one line each); returns the customer's id. */
async function owing(name: string, invoices: { number: string; due: string; amount: number }[]) {
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name,
    email: `accounts@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    address: '2 Quay Street\nConwy\nLL32 8AA',
  });
  expect(customer.status, JSON.stringify(customer.body)).toBe(200);
  const id = customer.body.value.id;
  for (const invoice of invoices) {
    const made = await server.current.api('invoices.create', {
      customerId: id,
      number: invoice.number,
      issueDate: invoice.due,
      dueDate: invoice.due,
      currency: 'GBP',
      lines: [{ description: 'Plumbing', quantity: '1', unitPrice: invoice.amount }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
  }
  return id;
}

async function openInvoiceIds(customerId: number): Promise<number[]> {
  const reply = await server.current.api<{ value: { openInvoices: { id: number }[] } }>(
    'customers.get',
    { id: customerId },
  );
  return reply.body.value.openInvoices.map((invoice) => invoice.id);
}

/** A 1×1 PNG, as a phone's scan would start; and the first bytes of a Windows program. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

async function plansOf(customerId: number) {
  const reply = await server.current.api<{ value: unknown[] }>('plans.list', { customerId });
  expect(reply.status).toBe(200);
  return reply.body.value;
}

test('with no plans yet, the list says what a plan is for and how to offer one', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open(server.current, '/plans');
  await expect(app.screenHeading('Plans')).toBeVisible();
  await expect(page.getByText('No payment plans yet')).toBeVisible();
  await expect(page.getByText(/letting them pay in parts keeps both the money/)).toBeVisible();
  await page.getByRole('button', { name: 'Offer a payment plan' }).last().click();
  await expect(new PlanBuilderPage(page).heading).toBeVisible();
  await expect(page.getByText('Choose a customer to start.')).toBeVisible();
});

test('a plan from two invoices: built, its agreement read back, the first payment recorded, the second missed and a gentle note proposed', async ({
  page,
}) => {
  // A whole plan's life in one journey, with a restart on a later day: longer than most tests.
  test.setTimeout(180_000);
  const customerId = await owing('Harbour Café', [
    { number: 'HC-101', due: '2027-02-01', amount: 45000 },
    { number: 'HC-102', due: '2027-03-01', amount: 30050 },
  ]);
  const app = new AppPage(page);
  const builder = new PlanBuilderPage(page);
  await app.open(server.current, `/customers/${customerId}`);
  await page.getByRole('button', { name: 'Offer a payment plan' }).click();
  await expect(builder.heading).toBeVisible();

  // Both open invoices are in, and three monthly payments from a month today are the start.
  await expect(builder.invoice('HC-101')).toBeChecked();
  await expect(builder.invoice('HC-102')).toBeChecked();
  await builder.expectPaymentCount(3);
  await expect(builder.payment(1)).toContainText('15 Apr 2027');
  await expect(builder.payment(1)).toContainText('£250.17');
  await expect(builder.payment(3)).toContainText('£250.16');
  await expect(builder.payment(3)).toContainText('£0.00');

  // A deposit and another count: the payments follow as the owner types.
  await builder.fill({ deposit: '150.50', count: '4' });
  await builder.expectPaymentCount(5);
  await expect(builder.payment('Deposit')).toContainText('15 Mar 2027');
  await expect(builder.payment('Deposit')).toContainText('£150.50');
  await expect(builder.payment('Deposit')).toContainText('£600.00');
  await expect(builder.payment(4)).toContainText('15 Jul 2027');
  await expect(builder.payment(4)).toContainText('£150.00');
  await expect(builder.agreement).toContainText('Between Jones Plumbing and Harbour Café.');
  await expect(builder.agreement).toContainText('£750.50');

  // A first date already past is the API's to refuse, and it says so on the field.
  await builder.fill({ firstDue: '2027-03-01' });
  await builder.fields.expectError('First payment on', /The first payment is due today or later/);
  await expect(builder.payments).toHaveCount(0);
  await builder.fill({ firstDue: '2027-04-15' });
  await expect(builder.payment(4)).toContainText('15 Jul 2027');

  // It starts with the first payment rather than waiting for the signed copy.
  await page.getByRole('radio', { name: 'When the first payment comes in' }).check();

  // The agreement, as both parties will sign it.
  const download = await builder.downloadAgreement();
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const text = (await pdfPages(await readFile((await download.path())!))).join('\n');
  expect(text).toContain('Payment plan agreement');
  expect(text).toContain('Jones Plumbing');
  expect(text).toContain('Harbour Café');
  expect(text).toContain('HC-101');
  expect(text).toContain('HC-102');
  expect(text).toMatch(/15 April 2027.*£150\.00/);
  expect(text).toMatch(/15 July 2027.*£150\.00.*£0\.00/);

  await builder.save();
  const plan = new PlanPage(page);
  await expect(plan.heading('Harbour Café')).toBeVisible();
  await expect(page.getByText('Proposed', { exact: true })).toBeVisible();
  await expect(plan.payment('Deposit')).toContainText('£150.50');
  await expect(plan.payment(2)).toContainText('15 May 2027');
  await expect(plan.invoices).toContainText('HC-101');
  await expect(plan.invoices).toContainText('HC-102');

  await app.goTo('Plans');
  const plans = new PlansPage(page);
  await expect(plans.row('Harbour Café')).toContainText('Proposed');
  await expect(plans.row('Harbour Café')).toContainText('£750.50');
  await expect(plans.row('Harbour Café')).toContainText('15 Mar 2027 · £150.50');
  await plans.open('Harbour Café');
  await expect(plan.heading('Harbour Café')).toBeVisible();

  // The deposit comes in on the day: recorded against the customer, it pays the plan's first payment.
  await page.getByRole('link', { name: 'Harbour Café' }).click();
  await page.getByRole('button', { name: 'Record a payment' }).click();
  const payment = new PaymentPage(page);
  await expect(payment.heading).toBeVisible();
  await payment.fill({ amount: '150.50' });
  await payment.save();
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Café' })).toBeVisible();
  const customerPlans = page.getByRole('region', { name: 'Payment plans' });
  await expect(customerPlans).toContainText('£150.50 paid');
  await expect(customerPlans).toContainText('Active');
  await app.goTo('Plans');
  await expect(plans.row('Harbour Café')).toContainText('Active');
  await expect(plans.row('Harbour Café')).toContainText('£150.50');
  await plans.open('Harbour Café');
  await expect(plan.payment('Deposit')).toContainText('Paid 15 Mar 2027');
  await expect(plan.payment(1)).toContainText('Due');

  // 15 April passes with nothing paid; after the three days' grace, a gentle note is proposed.
  const later = await server.restart({ GOODWILL_NOW: '2027-04-19T09:00:00Z' });
  await app.open(later, '/today');
  const today = new TodayPage(page);
  await expect(today.heading).toBeVisible();
  const note = page.getByRole('listitem', {
    name: 'Harbour Café: note about a missed plan payment',
  });
  await expect(note).toBeVisible();
  await expect(note).toContainText(/15 Apr(il)? 2027/);
  await app.open(later, '/plans');
  await expect(plans.row('Harbour Café')).toContainText('1 missed payment');
  await plans.open('Harbour Café');
  await expect(plan.payment(1)).toContainText('Missed');
});

test('terms the API refuses are marked on their fields, and nothing is saved', async ({ page }) => {
  const customerId = await owing('Castle Dental', [
    { number: 'CD-7', due: '2027-03-08', amount: 12000 },
  ]);
  const app = new AppPage(page);
  const builder = new PlanBuilderPage(page);
  await app.open(server.current, `/plans/new?customer=${customerId}`);
  await expect(builder.invoice('CD-7')).toBeChecked();
  await builder.fill({ count: '521' });
  await builder.fields.expectError('Number of payments', 'A plan has from 1 to 520 payments.');
  await builder.fill({ count: '2', deposit: '130.00' });
  await builder.fields.expectError('Deposit', /is more than the £120\.00 the plan covers/);
  await builder.save();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(builder.heading).toBeVisible();
  expect(await plansOf(customerId)).toEqual([]);
});

test('the signed copy is checked by what it is, not its name; renegotiating puts new terms in place of the rest', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const customerId = await owing('Bay Garage', [
    { number: 'BG-30', due: '2027-02-13', amount: 60000 },
  ]);
  const made = await server.current.api<{ value: { id: number } }>('plans.create', {
    customerId,
    invoiceIds: [(await openInvoiceIds(customerId))[0]],
    currency: 'GBP',
    count: 4,
    frequency: 'monthly',
    firstDue: '2027-06-01',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  const app = new AppPage(page);
  const plan = new PlanPage(page);
  await app.open(server.current, `/plans/${made.body.value.id}`);
  await expect(plan.heading('Bay Garage')).toBeVisible();
  await expect(page.getByText('Proposed', { exact: true })).toBeVisible();

  // A program renamed to look like a PDF is refused, kindly, and nothing changes.
  await plan.attachSigned({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: program });
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Proposed', { exact: true })).toBeVisible();

  // A real scan (a PNG) is kept; the plan is signed and, as chosen, starts.
  await plan.attachSigned({ name: 'agreement-scan.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('Signed copy attached')).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByText('Signed', { exact: true })).toBeVisible();

  // New terms for the rest: six payments instead of four.
  await plan.more('Renegotiate');
  const builder = new PlanBuilderPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Renegotiate the plan' })).toBeVisible();
  await builder.fill({ count: '6' });
  await builder.expectPaymentCount(6);
  await expect(builder.payment(6)).toContainText('£100.00');
  await page.getByRole('button', { name: 'Replace with the new terms' }).click();
  await expect(plan.heading('Bay Garage')).toBeVisible();
  await expect(page.getByText(/This plan replaced/)).toBeVisible();
  await expect(plan.payment(6)).toContainText('£100.00');
  await page.getByRole('link', { name: 'an earlier one' }).click();
  await expect(page.getByText(/These terms were renegotiated/)).toBeVisible();
});
