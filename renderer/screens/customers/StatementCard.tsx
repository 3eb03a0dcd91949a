import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { addMonths } from '../../../shared/dates';
import { ApiCallError, call } from '../../api';
import { useBusiness } from '../../business';
import { DocumentButtons } from '../../components/DocumentButtons';
import { CustomerCard as Card } from './CustomerCard';

/**
 * A statement of the customer's account for a period, as a PDF: by default the last three
 * whole months up to today, which is what most people ask for.
 */
export function StatementCard(props: { customerId: number }) {
  const { today } = useBusiness();
  const [from, setFrom] = useState(() => `${addMonths(today, -3).slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
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
        </Group>
      </Stack>
    </Card>
  );
}
