import { Alert, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCash, IconChevronDown } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Invoice } from '../../../shared/ledger';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { InvoiceStateBadge } from '../../components/InvoiceStateBadge';
import { StillLoading } from '../../components/StillLoading';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { ChasingPausedNote } from './ChasingPausedNote';
import { DownloadPdfButton } from './DownloadPdfButton';
import { InvoiceActionModal, type ActionSpec } from './InvoiceActionModal';
import { InvoiceDocument } from './InvoiceDocument';
import { InvoicePayments } from './InvoicePayments';
import { FormProblem } from '../../components/SaveBar';

async function loadInvoice(id: number) {
  return { invoice: await call('invoices.get', { id }) };
}

export function InvoiceScreen({ id }: { id: number }) {
  const navigate = useNavigate();
  const format = useFormat();
  const load = useCallback(() => loadInvoice(id), [id]);
  const loaded = useLoad(load);
  const [action, setAction] = useState<ActionSpec | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const back = (
    <AppLink to={{ screen: 'invoices' }} fz="sm">
      ← Invoices
    </AppLink>
  );

  if (!loaded.value || loaded.value.invoice.id !== id) {
    return (
      <StillLoading
        top={back}
        error={loaded.error}
        onRetry={loaded.reload}
        what="this invoice"
        wide
      />
    );
  }
  const { invoice } = loaded.value;
  const owed = invoice.open > 0 && invoice.state !== 'draft' && invoice.state !== 'void';
  const canVoid =
    invoice.state !== 'void' && invoice.paid + invoice.credited + invoice.writtenOff === 0;
  const actions = invoiceActions(invoice, format.money(invoice.open, invoice.currency));

  async function issue() {
    try {
      await call('invoices.issue', { id });
      loaded.reload();
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  return (
    <Stack className="screen-wide" gap="lg">
      <PageHeader
        above={back}
        title={`Invoice ${invoice.number}`}
        description={
          <Group gap="xs" component="span">
            <AppLink to={{ screen: 'customer', id: invoice.customerId }}>
              {invoice.customerName}
            </AppLink>
            <InvoiceStateBadge state={invoice.state} daysOverdue={invoice.daysOverdue} />
          </Group>
        }
        actions={
          <>
            <DownloadPdfButton invoiceId={id} onProblem={setProblem} />
            {(owed || canVoid) && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                    More
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {owed && (
                    <Menu.Item onClick={() => setAction(actions.creditNote)}>Credit note</Menu.Item>
                  )}
                  {owed && (
                    <Menu.Item onClick={() => setAction(actions.writeOff)}>Write off</Menu.Item>
                  )}
                  {canVoid && (
                    <Menu.Item color="red" onClick={() => setAction(actions.void)}>
                      Void
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
            {invoice.state === 'draft' && (
              <Button onClick={() => void issue()}>Issue invoice</Button>
            )}
            {owed && (
              <Button
                leftSection={<IconCash size={18} />}
                onClick={() =>
                  navigate({ screen: 'newPayment', customerId: invoice.customerId, invoiceId: id })
                }
              >
                Record a payment
              </Button>
            )}
          </>
        }
      />
      {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
      {invoice.state === 'void' && (
        <Alert color="gray" title="Void">
          {invoice.voidReason}
        </Alert>
      )}
      {owed && <ChasingPausedNote invoiceId={invoice.id} customerId={invoice.customerId} />}
      <div className="detail-layout">
        <InvoiceDocument invoice={invoice} />
        <Stack gap="lg" miw={0}>
          <Paper withBorder p="lg" component="section" aria-label="Summary">
            <dl className="details-list">
              <div>
                <dt>Issued</dt>
                <dd>{format.date(invoice.issueDate)}</dd>
              </div>
              <div>
                <dt>Due</dt>
                <dd>{format.date(invoice.dueDate)}</dd>
              </div>
              <div>
                <dt>Still to pay</dt>
                <dd>
                  <Text fw={700} fz="lg" className="figure-text">
                    {format.money(invoice.open, invoice.currency)}
                  </Text>
                </dd>
              </div>
              {invoice.source !== 'goodwill' && (
                <div>
                  <dt>Came from</dt>
                  <dd>{invoice.source}</dd>
                </div>
              )}
            </dl>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-label="Payments and credits">
            <Stack gap="sm">
              <Title order={2} size="h4">
                Payments and credits
              </Title>
              <InvoicePayments reductions={invoice.reductions} currency={invoice.currency} />
            </Stack>
          </Paper>
        </Stack>
      </div>
      <InvoiceActionModal
        spec={action}
        currency={invoice.currency}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          loaded.reload();
        }}
      />
    </Stack>
  );
}

function invoiceActions(
  invoice: Invoice,
  openText: string,
): Record<'creditNote' | 'writeOff' | 'void', ActionSpec> {
  return {
    creditNote: {
      title: `Credit note for ${invoice.number}`,
      explanation: `A credit note reduces what ${invoice.customerName} owes on this invoice. ${openText} is open.`,
      amount: 'required',
      reasonLabel: 'Reason',
      confirm: 'Add credit note',
      run: ({ amount, reason }) =>
        call('creditNotes.create', { invoiceId: invoice.id, amount: amount!, reason }),
    },
    writeOff: {
      title: `Write off ${invoice.number}`,
      explanation: `Stop asking for what cannot be collected. The invoice stays in the ledger, with your reason.`,
      amount: 'optional',
      amountHint: `Leave empty to write off all ${openText}.`,
      reasonLabel: 'Reason',
      confirm: 'Write off',
      run: ({ amount, reason }) =>
        call('invoices.writeOff', {
          invoiceId: invoice.id,
          reason,
          ...(amount !== undefined ? { amount } : {}),
        }),
    },
    void: {
      title: `Void ${invoice.number}?`,
      explanation:
        'For an invoice made by mistake. It stays in the ledger, marked void, and nothing is owed on it.',
      amount: 'none',
      reasonLabel: 'Why is it void?',
      confirm: 'Void invoice',
      danger: true,
      run: ({ reason }) => call('invoices.void', { id: invoice.id, reason }),
    },
  };
}
