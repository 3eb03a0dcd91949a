import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { CsvExportKind } from '../../../shared/api/exports';
import { call } from '../../api';
import { receiveExport } from '../../components/receive-export';

const choices: { kind: CsvExportKind; label: string }[] = [
  { kind: 'customers', label: 'Customers' },
  { kind: 'invoices', label: 'Invoices' },
  { kind: 'payments', label: 'Payments' },
  { kind: 'adjustments', label: 'Credits, write-offs and refunds' },
  { kind: 'aging', label: 'Aging today' },
  { kind: 'timeline', label: 'Timeline' },
];

/** Settings → Your data: the ledger as CSV files, one button each. */
export function DataExports() {
  const [busy, setBusy] = useState<CsvExportKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function download(kind: CsvExportKind) {
    setBusy(kind);
    setProblem(null);
    setSaved(null);
    try {
      setSaved(receiveExport(await call('exports.csv', { kind })));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs" role="group" aria-label="Export as CSV">
      <Text size="sm">
        Export as CSV, for a spreadsheet or another tool. The first four together can be imported
        into Goodwill again.
      </Text>
      <Group gap="xs">
        {choices.map(({ kind, label }) => (
          <Button
            key={kind}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === kind}
            onClick={() => void download(kind)}
          >
            {label}
          </Button>
        ))}
      </Group>
      {saved && (
        <Text size="sm" role="status">
          {saved}
        </Text>
      )}
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
