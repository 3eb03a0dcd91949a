import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconPlugConnected } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { MailAccountInput, MailAccountView } from '../../../shared/api/mail';
import type { Settings } from '../../../shared/settings';
import { call } from '../../api';
import { problemAfterSave } from '../../components/field-issues';
import { LoadProblem } from '../../components/LoadProblem';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/useLoad';

type Security = MailAccountView['security'];

interface Values {
  host: string;
  port: number | string;
  security: Security;
  username: string;
  /** A new password; empty keeps the saved one. */
  password: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  bccSelf: boolean;
}

const securityChoices: { value: Security; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'TLS (usually port 465)' },
  { value: 'none', label: 'None (only for a server on this computer)' },
];

/** The port each kind of security usually uses, suggested when the security changes. */
const usualPort: Record<Security, number> = { starttls: 587, tls: 465, none: 25 };

/** A new account starts from the business's own name and address. */
function valuesOf(account: MailAccountView, settings: Settings): Values {
  return {
    host: account.host,
    port: account.port,
    security: account.security,
    username: account.username,
    password: '',
    fromName: account.configured ? account.fromName : settings.businessName,
    fromAddress: account.configured ? account.fromAddress : settings.email,
    replyTo: account.replyTo,
    bccSelf: account.bccSelf,
  };
}

/** An empty port goes as NaN (sent as null), which the API refuses beside the field. */
function inputOf(values: Values): MailAccountInput {
  const port =
    typeof values.port === 'number' ? values.port : Number(values.port.trim() || Number.NaN);
  return {
    host: values.host.trim(),
    port,
    security: values.security,
    username: values.username.trim(),
    // Left empty, the saved password stays.
    ...(values.password !== '' ? { password: values.password } : {}),
    fromName: values.fromName.trim(),
    fromAddress: values.fromAddress.trim(),
    replyTo: values.replyTo.trim(),
    bccSelf: values.bccSelf,
  };
}

/** The saved account as the API takes it back, to change only the password. */
function savedInputOf(account: MailAccountView): Omit<MailAccountInput, 'password'> {
  return {
    host: account.host,
    port: account.port,
    security: account.security,
    username: account.username,
    fromName: account.fromName,
    fromAddress: account.fromAddress,
    replyTo: account.replyTo,
    bccSelf: account.bccSelf,
  };
}

/** The owner's own mail account, which reminders go out from. Saved on its own. */
export function MailSettings(props: { settings: Settings }) {
  const load = useCallback(() => call('mail.account'), []);
  const loaded = useLoad(load);
  return (
    <Stack gap="lg" component="section" aria-label="Mail">
      <div>
        <Title order={2} size="h3">
          Mail
        </Title>
        <Text c="dimmed">
          Reminders go out from your own email account, so replies come straight back to you. Saved
          apart from the settings above.
        </Text>
      </div>
      {loaded.value ? (
        <AccountForm account={loaded.value} settings={props.settings} />
      ) : loaded.error ? (
        <LoadProblem error={loaded.error} onRetry={loaded.reload} what="the mail account" />
      ) : (
        <Loader aria-label="Loading" />
      )}
    </Stack>
  );
}

type Busy = 'save' | 'test' | 'forget' | 'remove' | null;
type Outcome = { kind: 'good' | 'bad'; message: string } | null;

function AccountForm(props: { account: MailAccountView; settings: Settings }) {
  const [account, setAccount] = useState(props.account);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(props.account, props.settings),
  });
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  const accept = (saved: MailAccountView) => {
    setAccount(saved);
    const values = valuesOf(saved, props.settings);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty();
    form.clearErrors();
  };

  /** Saves the form; false when it could not (the reason is on screen). */
  const save = async (values: Values): Promise<boolean> => {
    try {
      accept(await call('mail.updateAccount', inputOf(values)));
      return true;
    } catch (error) {
      setOutcome({ kind: 'bad', message: problemAfterSave(form, error) });
      return false;
    }
  };

  const run = async (which: Exclude<Busy, null>, work: () => Promise<Outcome>) => {
    setBusy(which);
    setOutcome(null);
    try {
      const next = await work();
      if (next) setOutcome(next);
    } catch (error) {
      setOutcome({ kind: 'bad', message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const onSave = (values: Values) =>
    run('save', async () =>
      (await save(values))
        ? { kind: 'good', message: 'Saved. Reminders go out from this account from now on.' }
        : null,
    );

  // Testing what is on the screen: unsaved changes are saved first.
  const onTest = () =>
    run('test', async () => {
      if (form.isDirty() || !account.configured) {
        if (!(await save(form.getValues()))) return null;
      }
      const result = await call('mail.testConnection');
      return result.ok
        ? { kind: 'good', message: 'Connected: the mail server answered and is ready to send.' }
        : { kind: 'bad', message: `Goodwill could not connect. ${result.reason}` };
    });

  const onForget = () =>
    run('forget', async () => {
      accept(await call('mail.updateAccount', { ...savedInputOf(account), password: null }));
      return { kind: 'good', message: 'The saved password is forgotten.' };
    });

  const onRemove = () =>
    run('remove', async () => {
      setConfirmingRemove(false);
      accept(await call('mail.removeAccount'));
      return {
        kind: 'good',
        message:
          'The account is removed. New messages wait in the Outbox as drafts for your own mail program.',
      };
    });

  const values = form.getValues();
  const fromEnvironment = account.passwordStorage === 'environment';
  return (
    <form onSubmit={form.onSubmit((values) => void onSave(values))} noValidate>
      <Stack gap="lg">
        {!account.configured && (
          <Alert color="blue" variant="light">
            No account is set up yet, so each approved message waits in the Outbox as a draft to
            send from your own mail program. Add the details your email provider gives for sending
            mail (SMTP) to let Goodwill send them for you.
          </Alert>
        )}
        <Section
          title="Outgoing server"
          description="Your email provider's outgoing (SMTP) server, as their help pages give it."
        >
          <TextInput
            label="Server name"
            placeholder="smtp.example.com"
            withAsterisk
            {...form.getInputProps('host')}
          />
          <div className="two-columns">
            <NativeSelect
              label="Security"
              description="How the connection is protected."
              data={securityChoices}
              {...form.getInputProps('security')}
              onChange={(event) => {
                const security = event.currentTarget.value as Security;
                // The usual port comes with the security, unless a port of its own was given.
                if (values.port === usualPort[values.security] || values.port === '') {
                  form.setFieldValue('port', usualPort[security]);
                }
                form.setFieldValue('security', security);
              }}
            />
            <NumberInput
              label="Port"
              description="Usually 587 with STARTTLS, 465 with TLS."
              allowDecimal={false}
              allowNegative={false}
              withAsterisk
              {...form.getInputProps('port')}
            />
          </div>
          <div className="two-columns">
            <TextInput
              label="Username"
              description="Often your email address. Empty if the server needs none."
              autoComplete="off"
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label="Password"
              description={passwordHint(account)}
              placeholder={account.passwordSet ? '•••• saved' : undefined}
              autoComplete="new-password"
              disabled={fromEnvironment}
              {...form.getInputProps('password')}
            />
          </div>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Text size="sm" c={account.passwordWarning ? 'orange.8' : 'dimmed'}>
              {passwordNote(account)}
            </Text>
            {account.configured && account.passwordSet && !fromEnvironment && (
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                loading={busy === 'forget'}
                disabled={busy !== null}
                onClick={() => void onForget()}
              >
                Forget password
              </Button>
            )}
          </Group>
        </Section>
        <Section title="Sent as" description="How your messages appear to customers.">
          <div className="two-columns">
            <TextInput
              label="Sender name"
              placeholder="Jones Plumbing"
              {...form.getInputProps('fromName')}
            />
            <TextInput
              label="Sender address"
              placeholder="you@example.com"
              type="email"
              withAsterisk
              {...form.getInputProps('fromAddress')}
            />
          </div>
          <TextInput
            label="Replies to"
            description="Only if replies should go to another address than the sender's."
            placeholder="Same as the sender"
            type="email"
            {...form.getInputProps('replyTo')}
          />
          <Switch
            label="Send me a copy of each message"
            description="A blind copy to the sender address, for your own records."
            {...form.getInputProps('bccSelf', { type: 'checkbox' })}
          />
        </Section>
        <SaveBar
          problem={
            outcome && (
              <Alert
                role="status"
                aria-label="Mail account"
                color={outcome.kind === 'good' ? 'teal' : 'red'}
                icon={outcome.kind === 'good' ? <IconCheck size={18} /> : undefined}
              >
                {outcome.message}
              </Alert>
            )
          }
        >
          {account.configured && (
            <Button
              variant="subtle"
              color="gray"
              disabled={busy !== null}
              onClick={() => setConfirmingRemove(true)}
            >
              Remove account
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={18} />}
            loading={busy === 'test'}
            disabled={busy !== null && busy !== 'test'}
            onClick={() => void onTest()}
          >
            Test connection
          </Button>
          <Button
            type="submit"
            loading={busy === 'save'}
            disabled={busy !== null && busy !== 'save'}
          >
            Save mail account
          </Button>
        </SaveBar>
      </Stack>
      <Modal
        opened={confirmingRemove}
        onClose={() => setConfirmingRemove(false)}
        title="Remove the mail account?"
      >
        <Stack gap="md">
          <Text fz="sm">
            Goodwill forgets the server and the password. Messages you approve from now on wait in
            the Outbox as drafts, to send from your own mail program.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingRemove(false)}>
              Keep it
            </Button>
            <Button color="red" loading={busy === 'remove'} onClick={() => void onRemove()}>
              Remove account
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

function passwordHint(account: MailAccountView): string {
  if (account.passwordStorage === 'environment') return 'Set where Goodwill was started.';
  return account.passwordSet ? 'Leave empty to keep the saved one.' : 'If the server asks for one.';
}

/** Where the password is kept, said plainly. */
function passwordNote(account: MailAccountView): string {
  if (account.passwordWarning) return account.passwordWarning;
  switch (account.passwordStorage) {
    case 'safeStorage':
      return "The password is kept by your computer's keychain, never in Goodwill's files.";
    case 'environment':
      return 'The password comes from GOODWILL_SMTP_PASSWORD, set where Goodwill was started.';
    case 'memory':
      return 'The password is kept in memory until Goodwill closes.';
  }
}
