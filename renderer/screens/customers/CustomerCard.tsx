import { Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card on the customer's page, with its own actions on the right. */
export function CustomerCard(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Title order={2} size="h4">
            {props.title}
          </Title>
          {props.actions && (
            <Group gap="xs" wrap="nowrap">
              {props.actions}
            </Group>
          )}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}
