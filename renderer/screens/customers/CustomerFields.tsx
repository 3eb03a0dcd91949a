import {
  Select,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { customerKinds, type CustomerKind } from '../../../shared/ledger';
import { supportedLocales } from '../../../shared/locales';
import { kindLabels, type CustomerForm } from './customer-form';

const kindHints: Record<CustomerKind, string> = {
  company: 'A business. Late-payment interest can apply.',
  sole_trader: 'Someone in business on their own. Late-payment interest can apply.',
  consumer: 'A private person. Goodwill keeps to the gentlest wording and hours.',
};

/** Who the customer is and how to reach them. */
export function CustomerFields({ form }: { form: CustomerForm }) {
  const kind = form.getValues().kind;
  const zones = useMemo(
    () => [
      { value: '', label: 'Same as yours' },
      ...Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })),
    ],
    [],
  );
  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        description="As you address them, for example Harbour Café or Sam Jones."
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <div>
        <Text component="label" fz="sm" fw={500} id="customer-kind-label">
          Kind
        </Text>
        <SegmentedControl
          aria-labelledby="customer-kind-label"
          fullWidth
          data={customerKinds.map((value) => ({ value, label: kindLabels[value] }))}
          {...form.getInputProps('kind')}
        />
        <Text fz="xs" c="dimmed" mt={4}>
          {kindHints[kind]}
        </Text>
      </div>
      <div className="two-columns">
        <TextInput label="Company" {...form.getInputProps('company')} />
        <TextInput label="Contact person" {...form.getInputProps('contactPerson')} />
      </div>
      <div className="two-columns">
        <TextInput
          label="Email"
          type="email"
          placeholder="name@example.com"
          {...form.getInputProps('email')}
        />
        <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
      </div>
      <TagsInput
        label="Copies of messages to"
        description="Someone else who should see every message, such as their accounts team. Press Enter after each address."
        placeholder="accounts@example.com"
        {...form.getInputProps('ccEmails')}
      />
      <Textarea label="Address" autosize minRows={3} {...form.getInputProps('address')} />
      <div className="two-columns">
        <Select
          label="Language and region"
          description="How dates and amounts are written to them."
          data={[
            { value: '', label: 'Same as yours' },
            ...supportedLocales.map((l) => ({ value: l.code, label: l.label })),
          ]}
          allowDeselect={false}
          {...form.getInputProps('locale')}
        />
        <Select
          label="Their time zone"
          description="So contact hours are kept in their time."
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No time zone by that name"
          {...form.getInputProps('timeZone')}
        />
      </div>
      <TagsInput
        label="Tags"
        description="Your own labels, to find and group customers."
        placeholder="e.g. landlord, repeat"
        {...form.getInputProps('tags')}
      />
      <Textarea
        label="Notes"
        description="Only for you: how they like to be contacted, who to ask for."
        autosize
        minRows={2}
        {...form.getInputProps('notes')}
      />
    </Stack>
  );
}
