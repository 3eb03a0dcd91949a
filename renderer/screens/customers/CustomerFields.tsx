import { SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { customerKinds, type CustomerKind } from '../../../shared/ledger';
import { kindLabels, type CustomerForm } from './customer-form';

const kindHints: Record<CustomerKind, string> = {
  company: 'A business. Late-payment interest can apply.',
  sole_trader: 'Someone in business on their own. Late-payment interest can apply.',
  consumer: 'A private person. Goodwill keeps to the gentlest wording and hours.',
};

/** Who the customer is and how to reach them. */
export function CustomerFields({ form }: { form: CustomerForm }) {
  const kind = form.getValues().kind;
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
      <Textarea label="Address" autosize minRows={3} {...form.getInputProps('address')} />
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
