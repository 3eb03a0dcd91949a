import { DataExports } from './settings/DataExports';
import { Alert, Button, Code, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppInfo } from '../../shared/api/app';
import type { Settings } from '../../shared/settings';
import { ApiCallError, call } from '../api';
import { BusinessFields } from '../components/BusinessFields';
import { ContactWindowFields } from '../components/ContactWindowFields';
import { PaymentFields } from '../components/PaymentFields';
import { RegionFields } from '../components/RegionFields';
import { Section } from '../components/Section';
import { businessPartOf, showFieldIssues, useSettingsForm } from '../components/settings-form';
import { SaveBar } from '../components/SaveBar';
import { MailSettings } from './settings/MailSettings';
import { ReminderSettings } from './settings/ReminderSettings';
import { TermsSettings } from './terms/TermsSettings';

export function SettingsScreen(props: {
  settings: Settings;
  info: AppInfo;
  onSaved: (settings: Settings) => void;
}) {
  const form = useSettingsForm(businessPartOf(props.settings));
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'failed'; message: string } | null>(
    null,
  );

  const save = form.onSubmit(async (values) => {
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await call('settings.update', values);
      form.setInitialValues(businessPartOf(saved));
      form.setValues(businessPartOf(saved));
      form.resetDirty();
      props.onSaved(saved);
      setOutcome({ kind: 'saved', message: 'Saved. Your settings are up to date.' });
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length > 0) {
        showFieldIssues(form, error.issues);
        setOutcome({
          kind: 'failed',
          message: 'Nothing was saved. Please check the fields marked in red.',
        });
      } else {
        setOutcome({ kind: 'failed', message: (error as Error).message });
      }
    } finally {
      setSaving(false);
    }
  });

  return (
    <Stack className="screen" gap="xl">
      <form onSubmit={save} noValidate>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              Settings
            </Title>
            <Text c="dimmed">
              Your details as customers see them, and how Goodwill works for you.
            </Text>
          </div>
          <Section title="Your business" description="Shown on every invoice and letter.">
            <BusinessFields form={form} />
          </Section>
          <Section title="Getting paid">
            <PaymentFields form={form} />
          </Section>
          <Section title="Language and time">
            <RegionFields form={form} />
          </Section>
          <Section
            title="When customers may be contacted"
            description="Goodwill keeps reminders and calls inside these hours."
          >
            <ContactWindowFields form={form} />
          </Section>
          <SaveBar
            problem={
              outcome && (
                <Alert
                  role="status"
                  color={outcome.kind === 'saved' ? 'teal' : 'red'}
                  icon={outcome.kind === 'saved' ? <IconCheck size={18} /> : undefined}
                >
                  {outcome.message}
                </Alert>
              )
            }
          >
            <Button
              variant="default"
              disabled={!form.isDirty() || saving}
              onClick={() => form.reset()}
            >
              Undo changes
            </Button>
            <Button type="submit" loading={saving}>
              Save changes
            </Button>
          </SaveBar>
        </Stack>
      </form>
      <ReminderSettings />
      <TermsSettings />
      <MailSettings settings={props.settings} />
      <Section title="Your data" description="Everything stays on this computer.">
        <Text size="sm">
          The ledger and its daily backups are kept in <Code>{props.info.dataFolder}</Code>
        </Text>
        <Text size="sm" c="dimmed">
          Goodwill {props.info.version}, running{' '}
          {props.info.mode === 'electron' ? 'as a desktop app' : 'in your browser (headless mode)'}.
        </Text>
        <DataExports />
      </Section>
    </Stack>
  );
}
