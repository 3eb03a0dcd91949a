import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card on a form screen. */
export function Section(props: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title}>
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            {props.title}
          </Title>
          {props.description && (
            <Text size="sm" c="dimmed" mt={4}>
              {props.description}
            </Text>
          )}
        </div>
        {props.children}
      </Stack>
    </Paper>
  );
}
