import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { currencyCodes } from '../../shared/currencies';
import type { SettingsForm } from './settings-form';

function currencyOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return currencyCodes.map((code) => ({
    value: code,
    label: `${code} · ${names.of(code) ?? code}`,
  }));
}

export function PaymentFields({ form }: { form: SettingsForm }) {
  const locale = form.getValues().locale;
  const options = useMemo(() => currencyOptions(locale), [locale]);
  return (
    <Stack gap="md">
      <Select
        label="Currency"
        description="New invoices use it unless you choose another."
        data={options}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No currency by that name"
        withAsterisk
        {...form.getInputProps('currency')}
      />
      <Textarea
        label="How customers can pay you"
        description="Bank details, a payment link, cheques: every way to pay. It goes on invoices and reminders, because the easier it is to pay, the sooner people do."
        placeholder={
          'Bank transfer to Jones Plumbing\nSort code 12-34-56, account 12345678\nOr pay online: https://pay.example.com/jones'
        }
        autosize
        minRows={4}
        {...form.getInputProps('paymentInstructions')}
      />
      <TextInput
        label="Invoice numbers start with"
        description="Invoices made here are numbered in sequence: INV- gives INV-0001, INV-0002..."
        maw={320}
        {...form.getInputProps('invoicePrefix')}
      />
    </Stack>
  );
}
