import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DisputeView } from '../../../../shared/api/reminders';
import type { InvoiceSummary } from '../../../../shared/ledger';
import { useFormat } from '../../../format';
import { CustomerCard } from '../CustomerCard';
import { OpenDisputeForm } from './OpenDisputeForm';
import { ResolveDisputeForm } from './ResolveDisputeForm';

const stateOf = (dispute: DisputeView) =>
  dispute.resolution === 'upheld'
    ? { label: 'Upheld', color: 'teal' }
    : dispute.resolution === 'rejected'
      ? { label: 'Not upheld', color: 'gray' }
      : { label: 'Open', color: 'yellow' };

/** Disputes: what they are about, what they cover, and how they ended. */
export function DisputesCard(props: {
  customerId: number;
  disputes: readonly DisputeView[];
  openInvoices: readonly InvoiceSummary[];
  onChanged: () => void;
}) {
  const [dialog, setDialog] = useState<'open' | DisputeView | null>(null);
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    props.onChanged();
  };
  return (
    <CustomerCard
      title="Disputes"
      actions={
        <Button size="xs" variant="light" onClick={() => setDialog('open')}>
          Open a dispute
        </Button>
      }
    >
      {props.disputes.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No disputes. If they question an invoice, open one here: chasing of it stops until you
          resolve it.
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label="Disputes">
          {props.disputes.map((dispute) => (
            <DisputeRow
              key={dispute.id}
              dispute={dispute}
              openInvoices={props.openInvoices}
              onResolve={() => setDialog(dispute)}
            />
          ))}
        </ul>
      )}
      <Modal opened={dialog === 'open'} onClose={close} title="Open a dispute">
        {dialog === 'open' && (
          <OpenDisputeForm
            customerId={props.customerId}
            openInvoices={props.openInvoices}
            onCancel={close}
            onDone={done}
          />
        )}
      </Modal>
      <Modal
        opened={dialog !== null && dialog !== 'open'}
        onClose={close}
        title="Resolve the dispute"
      >
        {dialog !== null && dialog !== 'open' && (
          <ResolveDisputeForm
            dispute={dialog}
            openInvoices={props.openInvoices}
            onCancel={close}
            onDone={done}
          />
        )}
      </Modal>
    </CustomerCard>
  );
}

function DisputeRow(props: {
  dispute: DisputeView;
  openInvoices: readonly InvoiceSummary[];
  onResolve: () => void;
}) {
  const format = useFormat();
  const { dispute } = props;
  const state = stateOf(dispute);
  const numbers = dispute.invoiceIds.map(
    (id) => props.openInvoices.find((invoice) => invoice.id === id)?.number ?? `#${id}`,
  );
  const covers =
    numbers.length === 0
      ? 'Everything they owe'
      : `${numbers.length === 1 ? 'Invoice' : 'Invoices'} ${numbers.join(', ')}`;
  const opened = `Opened ${format.date(dispute.openedOn)}`;
  const ended = dispute.resolvedOn ? `, resolved ${format.date(dispute.resolvedOn)}` : '';
  return (
    <li>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text fz="sm" fw={500}>
            {dispute.reason}
          </Text>
          <Text fz="xs" c="dimmed">
            {covers} · {opened}
            {ended}
          </Text>
          {dispute.note && (
            <Text fz="xs" className="pre-wrap">
              {dispute.note}
            </Text>
          )}
          {dispute.resolutionNote && (
            <Text fz="xs" className="pre-wrap">
              {dispute.resolutionNote}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Badge color={state.color} variant="light" size="sm" tt="none">
            {state.label}
          </Badge>
          {!dispute.resolvedOn && (
            <Button size="compact-xs" variant="light" onClick={props.onResolve}>
              Resolve
            </Button>
          )}
        </Group>
      </Group>
    </li>
  );
}
