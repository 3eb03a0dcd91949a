import { Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { DisputeView } from '../../../../shared/api/reminders';
import type { InvoiceSummary } from '../../../../shared/ledger';
import { minorToDecimalString, parseAmount } from '../../../../shared/money';
import { call } from '../../../api';
import { amountProblem } from '../../../components/amount-messages';
import { problemAfterSave } from '../../../components/field-issues';
import { FormProblem } from '../../../components/SaveBar';
import { useFormat } from '../../../format';

interface CreditDraft {
  invoiceId: number;
  chosen: boolean;
  amount: string;
}

interface Values {
  resolution: 'upheld' | 'rejected';
  credits: CreditDraft[];
  note: string;
}

/**
 * How a dispute ended: not upheld (chasing resumes where it stopped), or upheld with a credit
 * note on each invoice chosen, for the amount agreed.
 */
export function ResolveDisputeForm(props: {
  dispute: DisputeView;
  openInvoices: readonly InvoiceSummary[];
  onCancel: () => void;
  onDone: () => void;
}) {
  const format = useFormat();
  const { dispute } = props;
  const inScope = props.openInvoices.filter(
    (invoice) => dispute.invoiceIds.length === 0 || dispute.invoiceIds.includes(invoice.id),
  );
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      resolution: 'rejected',
      credits: inScope.map((invoice) => ({
        invoiceId: invoice.id,
        chosen: inScope.length === 1,
        amount: minorToDecimalString(invoice.open, invoice.currency),
      })),
      note: '',
    },
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const values = form.getValues();
  const invoiceOf = (id: number) => inScope.find((invoice) => invoice.id === id)!;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    // Which row of the form each credit sent came from, to put the API's messages back.
    const rows: number[] = [];
    const credits: { invoiceId: number; amount: number }[] = [];
    if (values.resolution === 'upheld') {
      let unreadable = false;
      values.credits.forEach((credit, index) => {
        if (!credit.chosen) return;
        const { currency } = invoiceOf(credit.invoiceId);
        const parsed = parseAmount(credit.amount, currency);
        if (!parsed.ok) {
          form.setFieldError(`credits.${index}.amount`, amountProblem(parsed.reason, currency));
          unreadable = true;
          return;
        }
        rows.push(index);
        credits.push({ invoiceId: credit.invoiceId, amount: parsed.minor });
      });
      if (unreadable) return;
      if (credits.length === 0) {
        setProblem('Please choose at least one invoice to credit, with the amount agreed.');
        return;
      }
    }
    setSaving(true);
    try {
      await call('disputes.resolve', {
        disputeId: dispute.id,
        resolution: values.resolution,
        ...(credits.length > 0 ? { credits } : {}),
        ...(values.note.trim() ? { note: values.note } : {}),
      });
      props.onDone();
    } catch (error) {
      setProblem(
        problemAfterSave(form, error, (field) => {
          const credit = /^credits\.(\d+)\.\w+$/.exec(field);
          if (credit) return `credits.${rows[Number(credit[1])]}.amount`;
          return field === 'note' ? field : null;
        }),
      );
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm" fw={500}>
          {dispute.reason}
        </Text>
        <Radio.Group label="Outcome" {...form.getInputProps('resolution')}>
          <Stack gap="xs" mt={6}>
            <Radio
              value="rejected"
              label="Not upheld"
              description="Nothing changes on the invoices; reminders resume where they stopped."
            />
            <Radio
              value="upheld"
              label="Upheld"
              description="A credit note goes on each invoice you choose, for the amount agreed."
              disabled={inScope.length === 0}
            />
          </Stack>
        </Radio.Group>
        {values.resolution === 'upheld' && (
          <Stack gap="xs" role="group" aria-label="Credits">
            {values.credits.map((credit, index) => {
              const invoice = invoiceOf(credit.invoiceId);
              return (
                <Group key={credit.invoiceId} gap="sm" align="flex-start" wrap="nowrap">
                  <Checkbox
                    mt={8}
                    flex={1}
                    label={`${invoice.number} · ${format.money(invoice.open, invoice.currency)} open`}
                    {...form.getInputProps(`credits.${index}.chosen`, { type: 'checkbox' })}
                  />
                  <TextInput
                    aria-label={`Credit on ${invoice.number} (${invoice.currency})`}
                    inputMode="decimal"
                    w={140}
                    classNames={{ input: 'amount-input' }}
                    disabled={!credit.chosen}
                    {...form.getInputProps(`credits.${index}.amount`)}
                  />
                </Group>
              );
            })}
          </Stack>
        )}
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Resolve dispute
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
