import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { OnboardingPage } from './pages/OnboardingPage';

const server = serverForThisFile();

test('a new owner sets up the business, and it survives a restart', async ({ page }) => {
  const app = new AppPage(page);
  const onboarding = new OnboardingPage(page);
  await app.open(server.current);
  await expect(onboarding.heading).toBeVisible();
  // The token leaves the address bar once read.
  expect(page.url()).toBe(`${server.current.origin}/`);

  // Step 1 asks for what every letter needs before going on.
  await onboarding.next();
  await onboarding.fields.expectError(
    'Business name',
    'Please enter the name your customers know you by.',
  );
  await onboarding.fillBusiness({
    name: 'Zoë Łukasiewicz Design',
    email: 'not-yet-an-address',
    phone: '+44 1632 960 123',
    address: '2 Mill Lane\nBath\nBA1 1AA',
  });
  await onboarding.next();
  await onboarding.fields.expectError(
    'Email',
    'Please enter an email address like name@example.com.',
  );
  await onboarding.fields.fill('Email', 'zoe@example.com');
  await onboarding.next();

  // Step 2: how customers pay. The currency is guessed from the browser's region.
  await expect(onboarding.fields.field('Currency')).toHaveValue(/^GBP/);
  await onboarding.fields.choose('Currency', 'EUR');
  await onboarding.fields.fill('How customers can pay you', 'IBAN GB33 BUKB 2020 1555 5555 55');
  await onboarding.next();

  // Step 3: time and contact hours, guessed from the browser, then adjusted.
  await expect(onboarding.fields.field('Time zone')).toHaveValue('Europe/London');
  await onboarding.fields.choose('Time zone', 'Europe/Dublin');
  await onboarding.fields.toggleDay('Sat');
  await expect(onboarding.fields.day('Sat')).toBeChecked();
  await onboarding.fields.fill('Until', '18:30');
  await onboarding.finish();

  await expect(app.screenHeading('Today')).toBeVisible();
  await expect(page.getByText('Zoë Łukasiewicz Design')).toBeVisible();

  const restarted = await server.restart();
  const reopened = await page.context().newPage();
  const app2 = new AppPage(reopened);
  await app2.open(restarted, '/settings');
  await expect(new OnboardingPage(reopened).heading).toBeHidden();
  await expect(app2.screenHeading('Settings')).toBeVisible();
  const fields = new OnboardingPage(reopened).fields;
  await expect(fields.field('Business name')).toHaveValue('Zoë Łukasiewicz Design');
  await expect(fields.field('Email')).toHaveValue('zoe@example.com');
  await expect(fields.field('Address')).toHaveValue('2 Mill Lane\nBath\nBA1 1AA');
  await expect(fields.field('Currency')).toHaveValue(/^EUR/);
  await expect(fields.field('Time zone')).toHaveValue('Europe/Dublin');
  await expect(fields.day('Sat')).toBeChecked();
  await expect(fields.day('Sun')).not.toBeChecked();
  await expect(fields.field('Until')).toHaveValue('18:30');

  const saved = await restarted.api<{ value: Record<string, unknown> }>('settings.get');
  expect(saved.body.value).toMatchObject({
    onboardingComplete: true,
    currency: 'EUR',
    timeZone: 'Europe/Dublin',
    contactWindow: {
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      start: '08:00',
      end: '18:30',
    },
  });
});
