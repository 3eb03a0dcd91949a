import { Chip, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { weekdays, type Weekday } from '../../shared/settings';
import type { SettingsForm } from './settings-form';

const dayLabels: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export function ContactWindowFields({ form }: { form: SettingsForm }) {
  const daysError = form.errors['contactWindow.days'];
  return (
    <Stack gap="md">
      <Input.Wrapper
        label="Days"
        description="Reminders go out and calls are suggested only on these days."
        error={daysError}
      >
        <Chip.Group multiple {...form.getInputProps('contactWindow.days')}>
          <Group gap="xs" mt={6} role="group" aria-label="Contact days">
            {weekdays.map((day) => (
              <Chip key={day} value={day} size="sm">
                {dayLabels[day]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <div className="two-columns">
        <TextInput type="time" label="From" {...form.getInputProps('contactWindow.start')} />
        <TextInput type="time" label="Until" {...form.getInputProps('contactWindow.end')} />
      </div>
      <Text size="sm" c="dimmed">
        In each customer&apos;s own time zone where you know it. Consumers are never contacted
        before 08:00 or after 21:00, whatever is set here.
      </Text>
    </Stack>
  );
}
