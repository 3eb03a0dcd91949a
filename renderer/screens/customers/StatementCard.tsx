import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { defaultStatementPeriod } from '../../../shared/statements/period';
import { ApiCallError, call } from '../../api';
import { useBusiness } from '../../business';
import { DocumentButtons } from '../../components/DocumentButtons';
import { CustomerCard as Card } from './CustomerCard';
import { EmailStatementModal } from './EmailStatementModal';

/**
 * A statement of the customer's account for a period, as a PDF or by email (the statement
 * letter with the PDF attached, read first, then put in the outbox): by default the last three
 * whole months up to today, which is what most people ask for.
 */
export function StatementCard(props: { customerId: number; email: string; onEmailed: () => void }) {
  const { today } = useBusiness();
  const [from, setFrom] = useState(() => defaultStatementPeriod(today).from);
  const [to, setTo] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  /** The period the email dialog is about, fixed while it is open. */
  const [emailing, setEmailing] = useState<{ from: string; to: string } | null>(null);
  return (
    <Card title="Statement">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Opening balance, every invoice and payment in the period, the closing balance and how late
          anything open is.
        </Text>
        <Group grow gap="xs">
          <TextInput
            type="date"
            label="From"
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="To"
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
          />
        </Group>
        {problem && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
        <Group gap="xs">
          <DocumentButtons
            size="xs"
            load={async () => {
              setProblem(null);
              try {
                return await call('statements.pdf', { customerId: props.customerId, from, to });
              } catch (error) {
                // The field's own sentence reads better here than "from: …".
                const issue = error instanceof ApiCallError ? error.issues[0] : undefined;
                throw issue ? new Error(issue.message) : error;
              }
            }}
            onProblem={(message) => setProblem(message)}
            openLabel="Open statement"
            saveLabel="Download statement"
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconMail size={16} />}
            disabled={!props.email}
            title={props.email ? undefined : 'Add their email address first'}
            onClick={() => {
              setProblem(null);
              setEmailing({ from, to });
            }}
          >
            Email statement
          </Button>
        </Group>
        {!props.email && (
          <Text size="xs" c="dimmed">
            To email it, add their email address first.
          </Text>
        )}
      </Stack>
      {emailing && (
        <EmailStatementModal
          customerId={props.customerId}
          email={props.email}
          period={emailing}
          onClose={() => setEmailing(null)}
          onQueued={props.onEmailed}
        />
      )}
    </Card>
  );
}
