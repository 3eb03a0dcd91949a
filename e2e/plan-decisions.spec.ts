import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { PlanBuilderPage } from './pages/PlanBuilderPage';
import { PlanPage } from './pages/PlanPage';
import { TodayPage } from './pages/TodayPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London (fixtures).
const server = serverForThisFile({ onboarded: true });

interface SavedPlan {
  id: number;
  state: string;
  total: number;
  checkInDays: number | null;
  graceDays: number;
  pauseUntil: string | null;
  replacesPlanId: number | null;
}

/** A customer owing one overdue GBP invoice of `amount` minor units; returns the customer's id. */
async function owing(name: string, number: string, amount: number) {
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name,
    email: `accounts@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    address: '2 Quay Street\nConwy\nLL32 8AA',
  });
  expect(customer.status, JSON.stringify(customer.body)).toBe(200);
  const id = customer.body.value.id;
  const made = await server.current.api('invoices.create', {
    customerId: id,
    number,
    issueDate: '2027-02-13',
    dueDate: '2027-02-13',
    currency: 'GBP',
    lines: [{ description: 'Plumbing', quantity: '1', unitPrice: amount }],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  return id;
}

/** A proposed plan over the customer's open invoices, made through the API. */
async function planFor(customerId: number, terms: Record<string, unknown> = {}) {
  const detail = await server.current.api<{ value: { openInvoices: { id: number }[] } }>(
    'customers.get',
    { id: customerId },
  );
  const made = await server.current.api<{ value: SavedPlan }>('plans.create', {
    customerId,
    invoiceIds: detail.body.value.openInvoices.map((invoice) => invoice.id),
    currency: 'GBP',
    count: 4,
    frequency: 'monthly',
    firstDue: '2027-04-01',
    ...terms,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  return made.body.value.id;
}

async function plansOf(customerId: number): Promise<SavedPlan[]> {
  const reply = await server.current.api<{ value: SavedPlan[] }>('plans.list', { customerId });
  expect(reply.status).toBe(200);
  return reply.body.value;
}

test('check-ins, grace and a hardship pause are set on the builder, shown on the plan and changed there', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const customerId = await owing('Harbour Café', 'HC-101', 45000);
  const app = new AppPage(page);
  const builder = new PlanBuilderPage(page);
  await app.open(server.current, `/plans/new?customer=${customerId}`);
  await expect(builder.invoice('HC-101')).toBeChecked();

  // The usual: a check-in 3 days before, 3 days' grace; weekly plans start without check-ins.
  await expect(builder.checkbox('Check in before each payment')).toBeChecked();
  await expect(builder.fields.field('Days before each payment')).toHaveValue('3');
  await expect(builder.fields.field('Days of grace after a missed payment')).toHaveValue('3');
  await builder.often('Weekly');
  await expect(builder.checkbox('Check in before each payment')).not.toBeChecked();
  await builder.often('Monthly');
  await expect(builder.checkbox('Check in before each payment')).toBeChecked();

  // Days the API refuses are marked on their field, and saving writes nothing.
  await builder.fill({ checkInDays: '5', graceDays: '61' });
  await builder.fields.expectError(
    'Days of grace after a missed payment',
    'The grace period is at most 60 days.',
  );
  await builder.save();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await plansOf(customerId)).toEqual([]);
  await builder.fill({ graceDays: '7' });
  await expect(builder.fields.field('Days of grace after a missed payment')).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );

  // A hard time: a pause first, which must end before the first payment.
  await expect(builder.checkbox('Pause first')).toHaveCount(0);
  await builder.checkbox('They are going through a hard time').check();
  await builder.checkbox('Pause first').check();
  await expect(builder.fields.field('Ask nothing until')).toHaveValue('2027-04-14');
  await builder.fill({ pauseUntil: '2027-04-20' });
  await builder.fields.expectError(
    'First payment on',
    'The first payment comes after the pause; please choose a later date.',
  );
  await builder.fill({ pauseUntil: '2027-04-10' });
  await builder.expectPaymentCount(3);

  await builder.save();
  const plan = new PlanPage(page);
  await expect(plan.heading('Harbour Café')).toBeVisible();
  await expect(plan.reminders).toContainText('Remind them 5 days before each payment.');
  await expect(plan.reminders).toContainText(
    'Wait 7 days after a missed payment before a gentle note.',
  );
  await expect(plan.reminders).toContainText('Nothing is asked of them until 10 Apr 2027');
  const [saved] = await plansOf(customerId);
  expect(saved).toMatchObject({ checkInDays: 5, graceDays: 7, pauseUntil: '2027-04-10' });

  // Later, on the plan page: no check-ins after all, and a pause past the next payment is refused.
  let dialog = await plan.changeReminders();
  await dialog.getByRole('checkbox', { name: 'Check in before each payment' }).uncheck();
  await plan.fields.fill('Ask nothing until', '2027-04-15');
  await dialog.getByRole('button', { name: 'Save the changes' }).click();
  await plan.fields.expectError(
    'Ask nothing until',
    'The pause must end before the next payment, due on 15 April 2027.',
  );
  expect((await plansOf(customerId))[0]).toMatchObject({
    checkInDays: 5,
    pauseUntil: '2027-04-10',
  });
  await plan.fields.fill('Ask nothing until', '2027-04-12');
  await dialog.getByRole('button', { name: 'Save the changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(plan.reminders).toContainText('No reminder before each payment.');
  await expect(plan.reminders).toContainText('Nothing is asked of them until 12 Apr 2027');
  expect((await plansOf(customerId))[0]).toMatchObject({
    checkInDays: null,
    graceDays: 7,
    pauseUntil: '2027-04-12',
  });

  // Days the API refuses, typed on the plan page: marked there, nothing changes.
  dialog = await plan.changeReminders();
  await plan.fields.fill('Days of grace after a missed payment', 'soon');
  await dialog.getByRole('button', { name: 'Save the changes' }).click();
  await plan.fields.expectError(
    'Days of grace after a missed payment',
    'Please give the grace period as a whole number of days.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await plansOf(customerId))[0]).toMatchObject({ graceDays: 7 });
});

test('marked as agreed, then called off: the invoice’s reminders start again where they stopped', async ({
  page,
}) => {
  const customerId = await owing('Bay Garage', 'BG-30', 60000);
  const planId = await planFor(customerId);
  const app = new AppPage(page);
  const plan = new PlanPage(page);
  const today = new TodayPage(page);

  // While the plan is offered, Today asks only for its confirmation: the ladder waits.
  await app.open(server.current, '/today');
  await expect(today.row('Bay Garage')).toHaveAccessibleName(
    'Bay Garage: payment plan confirmation',
  );
  // The row leads to its plan.
  await today.row('Bay Garage').getByRole('button', { name: 'See the plan' }).click();
  await expect(plan.heading('Bay Garage')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`));
  await expect(plan.state('Proposed')).toBeVisible();
  await plan.markAgreed();
  await expect(plan.state('Active')).toBeVisible();
  await expect(plan.button('Mark as agreed')).toHaveCount(0);
  await expect(plan.terms).toContainText('Agreed');

  await plan.callOff('They would rather pay it all at the end of the month.');
  await expect(plan.state('Called off')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Why it ended' })).toContainText(
    'They would rather pay it all at the end of the month.',
  );
  // An ended plan offers no more decisions, nor changes to its reminders.
  await expect(plan.button('More')).toHaveCount(0);
  await expect(plan.reminders.getByRole('button', { name: 'Change' })).toHaveCount(0);
  expect((await plansOf(customerId))[0]).toMatchObject({ state: 'cancelled' });

  // The ladder resumes at its first step, not where the calendar would jump to.
  await app.goTo('Today');
  const row = today.row('Bay Garage');
  await expect(row).toHaveAccessibleName('Bay Garage: "may have slipped through" (+1)');
  await expect(row).toContainText('The ladder resumes where it stopped');
  await expect(row.getByRole('button', { name: 'See the plan' })).toHaveCount(0);
});

test('marked as defaulted: it ends as not kept, and reminders start again', async ({ page }) => {
  const customerId = await owing('Castle Dental', 'CD-7', 24000);
  const planId = await planFor(customerId, { activation: 'first_payment' });
  const app = new AppPage(page);
  const plan = new PlanPage(page);
  const today = new TodayPage(page);
  // The owner has seen the customer on Today while the plan stood (as one does before deciding).
  await app.open(server.current, '/today');
  await expect(today.row('Castle Dental')).toHaveAccessibleName(
    'Castle Dental: payment plan confirmation',
  );
  await app.open(server.current, `/plans/${planId}`);
  await expect(plan.state('Proposed')).toBeVisible();
  await expect(plan.reminders).toContainText('It starts when the first payment comes in.');

  await plan.markDefaulted('Two payments missed and no answer to our calls.');
  await expect(plan.state('Defaulted')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Why it ended' })).toContainText(
    'Two payments missed and no answer to our calls.',
  );
  expect((await plansOf(customerId))[0]).toMatchObject({ state: 'defaulted' });

  await app.goTo('Today');
  await expect(today.row('Castle Dental')).toHaveAccessibleName(
    'Castle Dental: "may have slipped through" (+1)',
  );
  await expect(today.row('Castle Dental')).toContainText('The ladder resumes where it stopped');
});

test('renegotiated through the screen: a new plan for what is left replaces the rest, with its own reminders', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const customerId = await owing('Mill Bakery', 'MB-12', 90000);
  const planId = await planFor(customerId, { count: 3, graceDays: 5 });
  // A first payment of £300.00 came in: £600.00 is left.
  const paid = await server.current.api('payments.record', {
    customerId,
    date: '2027-03-15',
    amount: 30000,
    currency: 'GBP',
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);

  const app = new AppPage(page);
  const plan = new PlanPage(page);
  const builder = new PlanBuilderPage(page);
  await app.open(server.current, `/plans/${planId}`);
  await expect(plan.heading('Mill Bakery')).toBeVisible();
  await plan.more('Renegotiate');
  await expect(page.getByRole('heading', { level: 1, name: 'Renegotiate the plan' })).toBeVisible();
  await expect(page.getByText('£600.00 is left to pay.')).toBeVisible();
  // The new plan starts from how the old one ran.
  await expect(builder.fields.field('Days of grace after a missed payment')).toHaveValue('5');

  await builder.fill({ count: '4', graceDays: '10', firstDue: '2027-05-01' });
  await builder.expectPaymentCount(4);
  await expect(builder.payment(4)).toContainText('£150.00');
  await expect(builder.payment(4)).toContainText('£0.00');
  await page.getByRole('button', { name: 'Replace with the new terms' }).click();

  await expect(page.getByText(/This plan replaced/)).toBeVisible();
  await expect(plan.heading('Mill Bakery')).toBeVisible();
  await expect(plan.payment(1)).toContainText('1 May 2027');
  await expect(plan.payment(4)).toContainText('£150.00');
  await expect(plan.reminders).toContainText(
    'Wait 10 days after a missed payment before a gentle note.',
  );
  const plans = await plansOf(customerId);
  const replacement = plans.find((one) => one.replacesPlanId === planId);
  expect(replacement).toMatchObject({ state: 'proposed', total: 60000, graceDays: 10 });
  expect(plans.find((one) => one.id === planId)).toMatchObject({ state: 'cancelled' });

  await page.getByRole('link', { name: 'an earlier one' }).click();
  await expect(page.getByText(/These terms were renegotiated/)).toBeVisible();
  await expect(plan.state('Called off')).toBeVisible();
});
