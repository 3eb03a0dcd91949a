import { Group, Text } from '@mantine/core';

export function BrandMark() {
  return (
    <Group gap="xs">
      <img src="/favicon.svg" alt="" className="brand-mark" />
      <Text fw={700} size="lg">
        Goodwill
      </Text>
    </Group>
  );
}
