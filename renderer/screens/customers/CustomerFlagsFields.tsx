import { Stack, Switch, TextInput } from '@mantine/core';
import type { CustomerForm } from './customer-form';

/** Do-not-contact and credit hold, each with the reason the owner gives. */
export function CustomerFlagsFields({ form }: { form: CustomerForm }) {
  const values = form.getValues();
  return (
    <Stack gap="md">
      <Switch
        label="Do not contact"
        description="No reminders, letters or calls until you say so."
        {...form.getInputProps('doNotContact.on', { type: 'checkbox' })}
      />
      {values.doNotContact.on && (
        <div className="two-columns">
          <TextInput
            label="Why not contact them"
            withAsterisk
            {...form.getInputProps('doNotContact.reason')}
          />
          <TextInput
            label="Until"
            description="Leave empty for no end date."
            type="date"
            {...form.getInputProps('doNotContact.until')}
          />
        </div>
      )}
      <Switch
        label="Credit on hold"
        description="A note for you before taking on new work. It does not change any wording."
        {...form.getInputProps('creditHold.on', { type: 'checkbox' })}
      />
      {values.creditHold.on && (
        <TextInput
          label="Why their credit is on hold"
          withAsterisk
          {...form.getInputProps('creditHold.reason')}
        />
      )}
    </Stack>
  );
}
