import { Badge, Group, Stack, Text } from '@mantine/core';
import type { QueueItem } from '../../../../shared/reminders/queue';
import { capitalised, queueStatusLabels } from '../../../components/reminder-words';

/** Where chasing stands for this customer today, and the reasons, in plain sentences. */
export function WhyNow(props: { items: readonly QueueItem[]; why: readonly string[] }) {
  if (props.items.length === 0) {
    return (
      <Stack gap={6} aria-label="Why now">
        <Group gap="xs">
          <Text fz="sm" fw={600}>
            No step today
          </Text>
        </Group>
        <Reasons lines={props.why} />
      </Stack>
    );
  }
  return (
    <Stack gap="md" aria-label="Why now">
      {props.items.map((item) => {
        const status = queueStatusLabels[item.status];
        return (
          <Stack gap={6} key={`${item.id ?? 'held'}-${item.step ?? ''}`}>
            <Group gap="xs">
              <Text fz="sm" fw={600}>
                {item.step ? `Next: ${capitalised(item.stepName)}` : 'Chasing is on hold'}
              </Text>
              <Badge color={status.color} variant="light" size="sm" tt="none">
                {status.label}
              </Badge>
            </Group>
            <Reasons lines={item.why} />
          </Stack>
        );
      })}
    </Stack>
  );
}

function Reasons(props: { lines: readonly string[] }) {
  return (
    <ul className="reason-list">
      {props.lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
