import { ActionIcon, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useFormat } from '../../format';
import { blankLine, liveTotals } from './invoice-draft';
import type { InvoiceForm } from './invoice-form';

/** The invoice's lines, each amount and the totals worked out as the owner types. */
export function InvoiceLinesEditor({ form }: { form: InvoiceForm }) {
  const format = useFormat();
  const values = form.getValues();
  const live = liveTotals(values);
  const money = (amount: number) => format.money(amount, values.currency);
  const errorsOf = (index: number) =>
    (['description', 'quantity', 'unitPrice', 'taxRate'] as const)
      .map((field) => form.errors[`lines.${index}.${field}`])
      .filter((message): message is string => typeof message === 'string');

  return (
    <Stack gap="sm">
      <div className="line-grid line-grid-head" aria-hidden>
        <span>Description</span>
        <span>Quantity</span>
        <span>Unit price</span>
        <span>Tax %</span>
        <span className="end">Amount</span>
        <span />
      </div>
      {values.lines.map((line, index) => {
        const errors = errorsOf(index);
        const messageId = `line-${line.key}-problems`;
        const field = (name: 'description' | 'quantity' | 'unitPrice' | 'taxRate') => {
          const props = form.getInputProps(`lines.${index}.${name}`);
          return {
            ...props,
            error: Boolean(props.error),
            'aria-describedby': props.error ? messageId : undefined,
          };
        };
        const totals = live.lines[index];
        return (
          <div key={line.key} role="group" aria-label={`Line ${index + 1}`}>
            <div className="line-grid">
              <TextInput
                aria-label={`Line ${index + 1} description`}
                placeholder="What you did or supplied"
                {...field('description')}
              />
              <TextInput
                aria-label={`Line ${index + 1} quantity`}
                inputMode="decimal"
                {...field('quantity')}
              />
              <TextInput
                aria-label={`Line ${index + 1} unit price`}
                inputMode="decimal"
                placeholder="0.00"
                {...field('unitPrice')}
              />
              <TextInput
                aria-label={`Line ${index + 1} tax rate`}
                inputMode="decimal"
                placeholder="None"
                {...field('taxRate')}
              />
              <Text
                className="end figure-text"
                fw={500}
                aria-label={`Line ${index + 1} amount`}
                c={totals ? undefined : 'dimmed'}
              >
                {totals ? money(totals.net) : '—'}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove line ${index + 1}`}
                disabled={values.lines.length === 1}
                onClick={() => form.removeListItem('lines', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </div>
            {errors.length > 0 && (
              <Stack gap={2} mt={4} id={messageId}>
                {errors.map((message) => (
                  <Text key={message} fz="xs" c="red">
                    {message}
                  </Text>
                ))}
              </Stack>
            )}
          </div>
        );
      })}
      <div>
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            form.insertListItem('lines', blankLine(values.lines.at(-1)?.taxRate ?? ''))
          }
        >
          Add a line
        </Button>
      </div>
      <dl className="invoice-totals" aria-label="Totals">
        <dt>Subtotal</dt>
        <dd>{money(live.totals.net)}</dd>
        <dt>Tax</dt>
        <dd>{money(live.totals.tax)}</dd>
        <dt className="grand">Total</dt>
        <dd className="grand" aria-label="Invoice total">
          {money(live.totals.total)}
        </dd>
      </dl>
      <Text fz="xs" c="dimmed" ta="right">
        {live.complete
          ? 'Each line and its tax are rounded on their own (halves away from zero), so the lines add up to the total.'
          : 'Lines still being filled in are left out of the total.'}
      </Text>
    </Stack>
  );
}
