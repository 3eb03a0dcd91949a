import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen's title, a line about it, and its main actions on the right. */
export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" wrap="nowrap">
      <Stack gap={4} miw={0}>
        {props.above}
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.description && (
          <Text c="dimmed" component="div">
            {props.description}
          </Text>
        )}
      </Stack>
      {props.actions && (
        <Group gap="sm" wrap="nowrap">
          {props.actions}
        </Group>
      )}
    </Group>
  );
}
