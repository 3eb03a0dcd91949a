import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSeeding } from '@tabler/icons-react';

type Upcoming = 'plans';

const about: Record<Upcoming, { title: string; text: string }> = {
  plans: { title: 'Plans', text: 'Payment plans, their instalments and signed agreements.' },
};

/** The screens still to be built say what they will hold, plainly. */
export function ComingSoonScreen({ screen }: { screen: Upcoming }) {
  const { title, text } = about[screen];
  return (
    <Stack className="screen" gap="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Paper withBorder p="xl">
        <Stack align="center" gap="sm" py="lg">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconSeeding size={26} />
          </ThemeIcon>
          <Text fw={600}>Nothing here yet</Text>
          <Text c="dimmed" ta="center" maw={460}>
            {text} This part of Goodwill is on its way.
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
