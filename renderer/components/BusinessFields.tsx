import { Stack, Textarea, TextInput } from '@mantine/core';
import type { SettingsForm } from './settings-form';

export function BusinessFields({ form }: { form: SettingsForm }) {
  return (
    <Stack gap="md">
      <TextInput
        label="Business name"
        description="As your customers know you. It signs every letter."
        placeholder="Jones Plumbing"
        withAsterisk
        {...form.getInputProps('businessName')}
      />
      <div className="two-columns">
        <TextInput
          label="Email"
          description="Replies from customers come here."
          placeholder="you@example.com"
          type="email"
          withAsterisk
          {...form.getInputProps('email')}
        />
        <TextInput
          label="Phone"
          description="So customers can call you back."
          placeholder="01632 960 123"
          type="tel"
          {...form.getInputProps('phone')}
        />
      </div>
      <Textarea
        label="Address"
        description="Printed on invoices and letters."
        placeholder={'1 High Street\nTown\nPostcode'}
        autosize
        minRows={3}
        {...form.getInputProps('address')}
      />
    </Stack>
  );
}
