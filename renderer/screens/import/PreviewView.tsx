/**
 * What an import would do, before it does it: where the file comes from and how sure we are,
 * the columns (changeable), the question about dates when there is one, what would be added
 * or brought up to date, the totals to compare with the other program's, and every row with a
 * problem (row, column, why; never a private value).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCalendarQuestion, IconDecimal } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportPreview } from '../../../shared/api/imports';
import type { DateOrder } from '../../../shared/import/dates';
import { numberFormatExamples, type NumberFormat } from '../../../shared/import/numbers';
import {
  fieldLabels,
  importFields,
  type ColumnMapping,
  type ImportField,
} from '../../../shared/import/fields';
import { useFormat } from '../../format';

const dateChoices = [
  { value: 'dmy', label: 'Day first (31/01/2027)' },
  { value: 'mdy', label: 'Month first (01/31/2027)' },
];

export function PreviewView(props: {
  preview: ImportPreview;
  busy: boolean;
  onMapping: (mapping: ColumnMapping) => void;
  onDateOrder: (order: DateOrder) => void;
  onNumberFormat: (format: NumberFormat) => void;
  onImport: (skipErrors: boolean) => void;
  onStartAgain: () => void;
}) {
  const { preview } = props;
  const format = useFormat();
  const [editing, setEditing] = useState(preview.source === null);
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const { counts } = preview;
  const blocked =
    preview.mappingProblems.length > 0 ||
    preview.question !== null ||
    preview.numberQuestion !== null;
  const numberChoices = (['dot', 'comma'] as const).map((value) => ({
    value,
    label: value === 'dot' ? 'Decimal point (1,234.56)' : 'Decimal comma (1.234,56)',
  }));
  const errors = preview.errorCount;
  const good = counts.rows.used;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {preview.fileName}
          </Title>
          <Text fz="sm" c="dimmed" data-testid="import-source">
            {preview.source
              ? `Looks like ${preview.source.label} (${Math.round(preview.confidence * 100)}% sure).`
              : 'A spreadsheet of your own: please say which column holds what.'}
            {preview.mappingRemembered ? ' Using the columns you chose last time.' : ''}
          </Text>
          {preview.source?.note && (
            <Text fz="sm" c="dimmed">
              {preview.source.note}
            </Text>
          )}
          {preview.answeredBefore.length > 0 && (
            <Text fz="sm" c="dimmed" data-testid="import-answered-before">
              {answeredBeforeWords(preview)} Change columns to read it otherwise.
            </Text>
          )}
        </Stack>
        {preview.header.length > 0 && (
          <Button variant="default" onClick={() => setEditing((open) => !open)}>
            {editing ? 'Hide columns' : 'Change columns'}
          </Button>
        )}
      </Group>

      {editing && (
        <Stack gap="xs" aria-label="Columns">
          <div className="import-grid">
            {importFields.map((field: ImportField) => (
              <Select
                key={field}
                label={fieldLabels[field]}
                placeholder="Not in this file"
                data={preview.header.filter((h) => h.trim() !== '')}
                value={mapping[field] ?? null}
                clearable
                error={preview.mappingProblems.find((p) => p.field === `mapping.${field}`)?.message}
                onChange={(value) => {
                  const next = { ...mapping };
                  if (value) next[field] = value;
                  else delete next[field];
                  setMapping(next);
                }}
              />
            ))}
          </div>
          {preview.numberFormat && !preview.numberQuestion && (
            <ReadAs
              title="Amounts are written with a"
              label="Number format"
              choices={numberChoices}
              value={preview.numberFormat}
              onChange={(value) => props.onNumberFormat(value as NumberFormat)}
            />
          )}
          {preview.answeredBefore.includes('dateOrder') && preview.dateOrder && (
            <ReadAs
              title="Dates are written"
              label="Date order"
              choices={dateChoices}
              value={preview.dateOrder}
              onChange={(value) => props.onDateOrder(value as DateOrder)}
            />
          )}
          <Group>
            <Button variant="light" onClick={() => props.onMapping(mapping)} loading={props.busy}>
              Read the file with these columns
            </Button>
          </Group>
        </Stack>
      )}

      {preview.question && (
        <Alert
          color="yellow"
          icon={<IconCalendarQuestion size={20} />}
          title="Which comes first in these dates?"
        >
          <Stack gap="xs">
            <Text fz="sm">
              Dates like {preview.question.examples.join(', ')} can be read two ways. Which does
              this file use?
            </Text>
            <SegmentedControl
              aria-label="Date order"
              data={dateChoices}
              value=""
              onChange={(value) => props.onDateOrder(value as DateOrder)}
            />
          </Stack>
        </Alert>
      )}

      {preview.numberQuestion && (
        <Alert color="yellow" icon={<IconDecimal size={20} />} title="How are amounts written?">
          <Stack gap="xs">
            <Text fz="sm">
              {preview.numberQuestion.mixed
                ? `Some amounts in this file are written like ${numberFormatExamples.dot} and others like ${numberFormatExamples.comma}.`
                : `Amounts like ${preview.numberQuestion.examples.join(', ')} can be read two ways: a thousand and more, or a little over one.`}{' '}
              Which does this file use?
            </Text>
            <SegmentedControl
              aria-label="Number format"
              data={numberChoices}
              value=""
              onChange={(value) => props.onNumberFormat(value as NumberFormat)}
            />
          </Stack>
        </Alert>
      )}

      <div className="import-grid import-grid-3" aria-label="What would change">
        <Figure
          title="Customers"
          lines={[
            [counts.customers.created, 'new'],
            [counts.customers.updated, 'with details added'],
            [counts.customers.unchanged, 'already here'],
          ]}
        />
        <Figure
          title="Invoices"
          lines={[
            [counts.invoices.created, 'new'],
            [counts.invoices.updated, 'brought up to date'],
            [counts.invoices.unchanged, 'already here'],
          ]}
        />
        <Figure
          title="Payments"
          lines={[
            [counts.payments.created, 'new'],
            [counts.payments.unchanged, 'already here'],
          ]}
        />
        {counts.adjustments && (
          <Figure
            title="Credits and refunds"
            lines={[
              [counts.adjustments.created, 'new'],
              [counts.adjustments.unchanged, 'already here'],
            ]}
          />
        )}
      </div>

      {preview.totals.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} fz="sm">
            Totals, to compare with your other program
          </Text>
          <Table withTableBorder aria-label="Totals" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Currency</Table.Th>
                <Table.Th ta="right">Invoices</Table.Th>
                <Table.Th ta="right">Invoiced</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
                <Table.Th ta="right">Still owed</Table.Th>
                <Table.Th ta="right">Payments</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.totals.map((t) => (
                <Table.Tr key={t.currency}>
                  <Table.Td>{t.currency}</Table.Td>
                  <Table.Td ta="right">{format.number(t.invoices)}</Table.Td>
                  <Table.Td ta="right">{format.money(t.invoiced, t.currency)}</Table.Td>
                  <Table.Td ta="right">{format.money(t.paid, t.currency)}</Table.Td>
                  <Table.Td ta="right">{format.money(t.open, t.currency)}</Table.Td>
                  <Table.Td ta="right">{format.money(t.received, t.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {preview.issues.length > 0 && (
        <Stack gap={4}>
          <Group gap="xs">
            <IconAlertTriangle size={18} />
            <Text fw={600} fz="sm">
              {errors > 0
                ? format.count(errors, 'row has a problem', 'rows have problems')
                : 'No row has a problem'}
              {preview.warningCount > 0 &&
                `; ${format.count(preview.warningCount, 'note', 'notes')} to read`}
            </Text>
          </Group>
          <Table withTableBorder aria-label="Problems" fz="sm">
            <Table.Thead>
              <Table.Tr>
                {preview.issues.some((issue) => issue.file) && <Table.Th>File</Table.Th>}
                <Table.Th>Row</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>What is wrong</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.issues.slice(0, 100).map((issue, index) => (
                <Table.Tr key={`${issue.row}-${index}`}>
                  {preview.issues.some((i) => i.file) && <Table.Td>{issue.file ?? ''}</Table.Td>}
                  <Table.Td>{issue.row}</Table.Td>
                  <Table.Td>{issue.column ?? ''}</Table.Td>
                  <Table.Td>{issue.value ?? ''}</Table.Td>
                  <Table.Td>
                    {issue.severity === 'warning' && (
                      <Badge size="xs" variant="light" color="gray" mr={6}>
                        note
                      </Badge>
                    )}
                    {issue.message}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      <Group>
        <Button
          disabled={blocked || good === 0}
          loading={props.busy}
          onClick={() => props.onImport(errors > 0)}
        >
          {errors > 0
            ? `Import the rest, leave out ${format.count(errors, 'row', 'rows')}`
            : 'Import'}
        </Button>
        <Button variant="subtle" onClick={props.onStartAgain}>
          Choose another file
        </Button>
      </Group>
    </Stack>
  );
}

function Figure(props: { title: string; lines: [number, string][] }) {
  return (
    <Stack gap={2} p="sm" className="import-figure">
      <Text fw={600}>{props.title}</Text>
      {props.lines.map(([n, what]) => (
        <Text
          key={what}
          fz="sm"
          data-testid={`${props.title.toLowerCase()}-${what}`.replaceAll(' ', '-')}
        >
          {n} {what}
        </Text>
      ))}
    </Stack>
  );
}

/** How the file is read, one choice of a few, in the columns step. */
function ReadAs(props: {
  title: string;
  label: string;
  choices: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500}>
        {props.title}
      </Text>
      <SegmentedControl
        aria-label={props.label}
        data={props.choices}
        value={props.value}
        onChange={props.onChange}
      />
    </Stack>
  );
}

/** "Amounts read as 1.234,56 and dates day first, as you said last time for this layout." */
function answeredBeforeWords(preview: ImportPreview): string {
  const parts: string[] = [];
  if (preview.answeredBefore.includes('numberFormat')) {
    parts.push(`amounts read as ${preview.numberFormat === 'comma' ? '1.234,56' : '1,234.56'}`);
  }
  if (preview.answeredBefore.includes('dateOrder')) {
    parts.push(`dates read ${preview.dateOrder === 'dmy' ? 'day' : 'month'} first`);
  }
  const words = parts.join(' and ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}, as you said last time for files laid out like this.`;
}
