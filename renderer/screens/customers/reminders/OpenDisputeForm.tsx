import { Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { InvoiceSummary } from '../../../../shared/ledger';
import { call } from '../../../api';
import { problemAfterSave } from '../../../components/field-issues';
import { FormProblem } from '../../../components/SaveBar';
import { useFormat } from '../../../format';

interface Values {
  covers: 'all' | 'some';
  invoiceIds: string[];
  reason: string;
  note: string;
}

/** A dispute on everything the customer owes, or on the invoices chosen. */
export function OpenDisputeForm(props: {
  customerId: number;
  openInvoices: readonly InvoiceSummary[];
  onCancel: () => void;
  onDone: () => void;
}) {
  const format = useFormat();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { covers: 'all', invoiceIds: [], reason: '', note: '' },
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const values = form.getValues();

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    if (values.covers === 'some' && values.invoiceIds.length === 0) {
      form.setFieldError('invoiceIds', 'Please choose the invoices it is about.');
      return;
    }
    setSaving(true);
    try {
      await call('disputes.open', {
        customerId: props.customerId,
        reason: values.reason,
        ...(values.covers === 'some' ? { invoiceIds: values.invoiceIds.map(Number) } : {}),
        ...(values.note.trim() ? { note: values.note } : {}),
      });
      props.onDone();
    } catch (error) {
      setProblem(
        problemAfterSave(form, error, (field) =>
          field === 'reason' || field === 'note' ? field : null,
        ),
      );
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">
          Chasing of what the dispute covers stops until you resolve it. The amounts still count as
          owed.
        </Text>
        <Radio.Group label="What it covers" {...form.getInputProps('covers')}>
          <Stack gap="xs" mt={6}>
            <Radio value="all" label="Everything they owe" />
            <Radio value="some" label="Some invoices" disabled={props.openInvoices.length === 0} />
          </Stack>
        </Radio.Group>
        {values.covers === 'some' && (
          <Checkbox.Group
            label="Invoices"
            {...form.getInputProps('invoiceIds')}
            error={form.errors.invoiceIds}
          >
            <Stack gap="xs" mt={6}>
              {props.openInvoices.map((invoice) => (
                <Checkbox
                  key={invoice.id}
                  value={String(invoice.id)}
                  label={`${invoice.number} · ${format.money(invoice.open, invoice.currency)} open, due ${format.date(invoice.dueDate)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <TextInput
          label="What it is about"
          withAsterisk
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Open dispute
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
