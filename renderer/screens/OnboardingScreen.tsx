import { Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { onboardingSchema } from '../../shared/api/settings';
import { invalidInputError, type FieldIssue } from '../../shared/api/errors';
import { closestSupportedLocale, usualCurrencyFor } from '../../shared/locales';
import type { BusinessSettings, Settings } from '../../shared/settings';
import { ApiCallError, call } from '../api';
import { BrandMark } from '../components/BrandMark';
import { BusinessFields } from '../components/BusinessFields';
import { ContactWindowFields } from '../components/ContactWindowFields';
import { PaymentFields } from '../components/PaymentFields';
import { RegionFields } from '../components/RegionFields';
import { businessPartOf, showFieldIssues, useSettingsForm } from '../components/settings-form';
import { FormProblem } from '../components/SaveBar';

/** The fields each step asks for; a step is checked before moving on. */
const steps: { label: string; fields: (keyof BusinessSettings)[] }[] = [
  { label: 'Your business', fields: ['businessName', 'email', 'phone', 'address'] },
  { label: 'Getting paid', fields: ['currency', 'paymentInstructions', 'invoicePrefix'] },
  { label: 'Time and contact', fields: ['locale', 'timeZone', 'contactWindow'] },
];

const stepOf = (field: string) =>
  Math.max(
    0,
    steps.findIndex((step) =>
      step.fields.some((name) => field === name || field.startsWith(`${name}.`)),
    ),
  );

/** A first guess from this browser: its language, region and time zone. */
function firstGuess(settings: Settings): BusinessSettings {
  const locale = closestSupportedLocale(navigator.language);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { ...businessPartOf(settings), locale, timeZone, currency: usualCurrencyFor(locale) };
}

export function OnboardingScreen(props: {
  settings: Settings;
  onDone: (settings: Settings) => void;
}) {
  const form = useSettingsForm(firstGuess(props.settings));
  const [active, setActive] = useState(0);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function issuesIn(upToStep: number): FieldIssue[] {
    const parsed = onboardingSchema.safeParse(form.getValues());
    if (parsed.success) return [];
    return (invalidInputError(parsed.error).issues ?? []).filter(
      (issue) => stepOf(issue.field) <= upToStep,
    );
  }

  function next() {
    const issues = issuesIn(active);
    form.clearErrors();
    if (issues.length > 0) return showFieldIssues(form, issues);
    setActive((step) => step + 1);
  }

  async function finish() {
    form.clearErrors();
    setProblem(null);
    setSaving(true);
    try {
      props.onDone(await call('settings.completeOnboarding', form.getValues()));
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length > 0) {
        showFieldIssues(form, error.issues);
        setActive(stepOf(error.issues[0]!.field));
      } else {
        setProblem((error as Error).message);
      }
    } finally {
      setSaving(false);
    }
  }

  const last = active === steps.length - 1;
  return (
    <div className="onboarding">
      <Paper withBorder shadow="sm" p="xl" className="onboarding-card">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (last) void finish();
            else next();
          }}
        >
          <Stack gap="xl">
            <Stack gap={6}>
              <BrandMark />
              <Title order={1} size="h2">
                Welcome. Let&apos;s set up your business.
              </Title>
              <Text c="dimmed">
                A few details and you are ready. They go on your invoices and letters, and you can
                change any of them later in Settings.
              </Text>
            </Stack>
            <Stepper
              active={active}
              onStepClick={(step) => step < active && setActive(step)}
              size="sm"
            >
              <Stepper.Step label={steps[0]!.label}>
                <BusinessFields form={form} />
              </Stepper.Step>
              <Stepper.Step label={steps[1]!.label}>
                <PaymentFields form={form} />
              </Stepper.Step>
              <Stepper.Step label={steps[2]!.label}>
                <Stack gap="lg">
                  <RegionFields form={form} />
                  <ContactWindowFields form={form} />
                </Stack>
              </Stepper.Step>
            </Stepper>
            {problem && <FormProblem>{problem}</FormProblem>}
            <Group justify="space-between">
              <Button
                variant="default"
                disabled={active === 0}
                onClick={() => setActive((s) => s - 1)}
              >
                Back
              </Button>
              <Button type="submit" loading={saving}>
                {last ? 'Start using Goodwill' : 'Next'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
