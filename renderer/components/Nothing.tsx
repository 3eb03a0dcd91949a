import { Text } from '@mantine/core';

/** An empty figure or field in a table: a quiet dash. */
export function Nothing() {
  return (
    <Text span c="gray.5">
      —
    </Text>
  );
}
