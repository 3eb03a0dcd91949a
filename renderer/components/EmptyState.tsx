import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

/** What to do when there is nothing to show yet: a kind sentence and the next step. */
export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap="sm" py="lg">
        <ThemeIcon size={48} radius="xl" variant="light">
          {props.icon}
        </ThemeIcon>
        <Text fw={600}>{props.title}</Text>
        <Text c="dimmed" ta="center" maw={480}>
          {props.children}
        </Text>
        {props.action}
      </Stack>
    </Paper>
  );
}
