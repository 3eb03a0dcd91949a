import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSeeding } from '@tabler/icons-react';
import type { ScreenName } from '../router';

const about: Record<Exclude<ScreenName, 'settings'>, { title: string; text: string }> = {
  today: {
    title: 'Today',
    text: 'What to do today: reminders ready to send, calls to make, promises and instalments falling due.',
  },
  overdue: {
    title: 'Overdue',
    text: 'Who owes you what, and how late, per customer and currency.',
  },
  customers: {
    title: 'Customers',
    text: 'Everyone you invoice, how they usually pay, and every contact you have had.',
  },
  invoices: {
    title: 'Invoices',
    text: 'Every invoice, made here or brought in from the tool you use now.',
  },
  plans: { title: 'Plans', text: 'Payment plans, their instalments and signed agreements.' },
  outbox: { title: 'Outbox', text: 'Messages waiting to go, sent, or needing a look from you.' },
};

/** The screens still to be built say what they will hold, plainly. */
export function ComingSoonScreen({ screen }: { screen: Exclude<ScreenName, 'settings'> }) {
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
