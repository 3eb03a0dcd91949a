/**
 * Import: pick a CSV export → see where it comes from and which columns hold what → the
 * preview with its problems → import, with a progress bar → what was done, and undo. The file
 * is sent ahead in pieces (upload.ts) and read on Goodwill's side, streamed.
 */
import { Alert, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportProgress, ImportRecord } from '../../../shared/api/imports';
import type { DateOrder } from '../../../shared/import/dates';
import type { NumberFormat } from '../../../shared/import/numbers';
import type { ColumnMapping } from '../../../shared/import/fields';
import { ApiCallError, call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { DoneNotice } from '../../components/DoneNotice';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PreviewView } from './PreviewView';
import { newJobId, uploadFile } from './upload';

type Phase =
  | { step: 'pick' }
  | { step: 'sending'; fileName: string; sent: number; size: number }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview }
  | { step: 'done'; record: ImportRecord };

interface Choices {
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
  numberFormat?: NumberFormat;
}

/** Asks how a running job is getting on, every few moments, while `jobId` is set. */
function useProgress(jobId: string | null): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const timer = window.setInterval(() => {
      call('import.progress', { jobId }).then(
        (value) => live && setProgress(value),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      window.clearInterval(timer);
      setProgress(null);
    };
  }, [jobId]);
  return progress;
}

export function ImportScreen() {
  const format = useFormat();
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [problem, setProblem] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The file sent ahead, or the files of a Goodwill export picked together. */
  const upload = useRef<{
    files: { uploadId: string; fileName: string }[];
    choices: Choices;
  } | null>(null);
  const given = () => {
    const { files } = upload.current!;
    return files.length === 1 ? files[0]! : { files };
  };
  const stopSending = useRef(false);
  const progress = useProgress(jobId);
  const loadPast = useCallback(() => call('import.list'), []);
  const past = useLoad(loadPast);

  async function readPreview(choices: Choices) {
    const current = upload.current!;
    current.choices = { ...current.choices, ...choices };
    const job = newJobId();
    setJobId(job);
    try {
      const preview = await call('import.preview', {
        ...given(),
        jobId: job,
        ...current.choices,
      });
      setPhase({ step: 'preview', preview });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      if (!(error instanceof ApiCallError) || error.field !== 'mapping') setPhase({ step: 'pick' });
    } finally {
      setJobId(null);
    }
  }

  async function pick(picked: File[]) {
    setProblem(null);
    setNotice(null);
    stopSending.current = false;
    const names = picked.map((file) => file.name).join(', ');
    const size = picked.reduce((sum, file) => sum + file.size, 0);
    setPhase({ step: 'sending', fileName: names, sent: 0, size });
    try {
      const files = [];
      let before = 0;
      for (const file of picked) {
        const uploadId = await uploadFile(
          file,
          (sent) => setPhase({ step: 'sending', fileName: names, sent: before + sent, size }),
          () => stopSending.current,
        );
        files.push({ uploadId, fileName: file.name });
        before += file.size;
      }
      upload.current = { files, choices: {} };
      setPhase({ step: 'reading', fileName: names });
      await readPreview({});
    } catch (error) {
      setPhase({ step: 'pick' });
      if (!stopSending.current) setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  async function commit(preview: ImportPreview, skipErrors: boolean) {
    const current = upload.current!;
    const job = newJobId();
    setJobId(job);
    setPhase({ step: 'importing', preview });
    try {
      const record = await call('import.commit', {
        ...given(),
        jobId: job,
        skipErrors,
        ...current.choices,
      });
      setPhase({ step: 'done', record });
      past.reload();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setPhase({ step: 'preview', preview });
    } finally {
      setJobId(null);
    }
  }

  async function undo(record: ImportRecord) {
    setProblem(null);
    try {
      await call('import.undo', { id: record.id });
      setNotice(`The import of ${record.fileName} was undone.`);
      if (phase.step === 'done') setPhase({ step: 'pick' });
      past.reload();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const bar = (label: string, value: number) => (
    <Stack gap={4}>
      <Text fz="sm">{label}</Text>
      <Progress value={value} animated aria-label={label} />
    </Stack>
  );
  const readFraction =
    progress && progress.bytes > 0 ? (progress.bytesRead / progress.bytes) * 100 : 0;

  return (
    <div className="screen">
      <PageHeader
        title="Import"
        description="Bring in your customers, invoices and payments from the program you use now, as a CSV export."
      />
      <Stack gap="lg" mt="lg">
        {notice && <DoneNotice who="Import" message={notice} onClose={() => setNotice(null)} />}
        {problem && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        )}

        {phase.step === 'pick' && (
          <Stack gap="xs">
            <Text>
              Export a CSV from FreshBooks, Xero, QuickBooks, Wave, Zoho, Invoice Ninja, Invoicely
              or Invoice2go, or save any spreadsheet as CSV. Nothing changes until you have seen
              what the file holds.
            </Text>
            <Text fz="sm" c="dimmed">
              Moving from another Goodwill? Choose the four files of its export together (customers,
              invoices, payments, and credits, write-offs and refunds): they come in as one import.
            </Text>
            <label className="import-pick">
              <Group gap="xs">
                <IconFileImport size={20} />
                <Text fw={500}>Choose a CSV file</Text>
              </Group>
              <input
                type="file"
                accept=".csv,.txt,text/csv"
                aria-label="CSV file"
                multiple
                onChange={(event) => {
                  const files = [...(event.currentTarget.files ?? [])];
                  event.currentTarget.value = '';
                  if (files.length > 0) void pick(files);
                }}
              />
            </label>
          </Stack>
        )}

        {phase.step === 'sending' && (
          <Stack gap="xs">
            {bar(
              `Sending ${phase.fileName}: ${format.number(Math.round(phase.sent / 1024))} of ${format.number(Math.round(phase.size / 1024))} KB`,
              phase.size > 0 ? (phase.sent / phase.size) * 100 : 100,
            )}
            <Group>
              <Button variant="default" onClick={() => (stopSending.current = true)}>
                Stop
              </Button>
            </Group>
          </Stack>
        )}

        {phase.step === 'reading' &&
          bar(
            `Reading ${phase.fileName}${progress ? `: ${format.number(progress.rows)} rows` : ''}`,
            readFraction,
          )}

        {phase.step === 'preview' && (
          <PreviewView
            key={phase.preview.checksum + JSON.stringify(phase.preview.mapping)}
            preview={phase.preview}
            busy={jobId !== null}
            onMapping={(mapping) => void readPreview({ mapping })}
            onDateOrder={(dateOrder) => void readPreview({ dateOrder })}
            onNumberFormat={(numberFormat) => void readPreview({ numberFormat })}
            onImport={(skipErrors) => void commit(phase.preview, skipErrors)}
            onStartAgain={() => setPhase({ step: 'pick' })}
          />
        )}

        {phase.step === 'importing' && (
          <Stack gap="xs">
            {bar(
              progress?.phase === 'writing'
                ? `Importing: ${format.number(progress.rows)} rows written (${format.number(progress.rowsPerSecond)} a second)`
                : `Reading the file again${progress ? `: ${format.number(progress.rows)} rows` : ''}`,
              progress?.phase === 'writing'
                ? Math.min(100, (progress.rows / Math.max(1, phase.preview.counts.rows.used)) * 100)
                : readFraction,
            )}
            <Group>
              <Button
                variant="default"
                disabled={!jobId}
                onClick={() => jobId && void call('import.cancel', { jobId })}
              >
                Cancel the import
              </Button>
            </Group>
          </Stack>
        )}

        {phase.step === 'done' && (
          <Alert color="teal" title="Imported" role="status">
            <Stack gap="xs">
              <Text fz="sm">
                {phase.record.fileName}:{' '}
                {format.count(
                  phase.record.counts.customers.created,
                  'new customer',
                  'new customers',
                )}
                ,{' '}
                {format.count(phase.record.counts.invoices.created, 'new invoice', 'new invoices')},{' '}
                {format.count(phase.record.counts.invoices.updated, 'invoice', 'invoices')} brought
                up to date,{' '}
                {format.count(phase.record.counts.payments.created, 'payment', 'payments')}.
              </Text>
              <Group>
                <AppLink to={{ screen: 'overdue' }}>See who is overdue</AppLink>
                <AppLink to={{ screen: 'customers' }}>See your customers</AppLink>
                <Button size="xs" variant="default" onClick={() => setPhase({ step: 'pick' })}>
                  Import another file
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void undo(phase.record)}
                >
                  Undo this import
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        {(past.value ?? []).length > 0 && phase.step !== 'importing' && (
          <Stack gap={4}>
            <Text fw={600}>Earlier imports</Text>
            <Table aria-label="Earlier imports" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th ta="right">Invoices</Table.Th>
                  <Table.Th ta="right">Customers</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {past.value!.map((record) => (
                  <Table.Tr key={record.id}>
                    <Table.Td>{format.instant(record.createdAt)}</Table.Td>
                    <Table.Td>{record.fileName}</Table.Td>
                    <Table.Td ta="right">
                      {record.counts.invoices.created + record.counts.invoices.updated}
                    </Table.Td>
                    <Table.Td ta="right">{record.counts.customers.created}</Table.Td>
                    <Table.Td ta="right">
                      {record.undoneAt ? (
                        <Text fz="sm" c="dimmed">
                          Undone
                        </Text>
                      ) : (
                        <Button size="xs" variant="subtle" onClick={() => void undo(record)}>
                          Undo
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </div>
  );
}
