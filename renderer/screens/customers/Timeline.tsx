import { Text, Timeline as MantineTimeline } from '@mantine/core';
import {
  IconArchive,
  IconBell,
  IconCash,
  IconFileInvoice,
  IconHeartHandshake,
  IconMessageQuestion,
  IconPencil,
  IconPhone,
  IconPlayerPause,
  IconReceiptRefund,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';
import type { TimelineEntry } from '../../../shared/ledger';
import { useFormat } from '../../format';

function iconFor(kind: string): Icon {
  if (kind === 'customer.created') return IconUserPlus;
  if (kind === 'customer.archived' || kind === 'customer.restored') return IconArchive;
  if (kind.startsWith('customer.')) return IconPencil;
  if (kind.startsWith('payment.refunded')) return IconReceiptRefund;
  if (kind.startsWith('payment.')) return IconCash;
  if (kind.startsWith('promises.')) return IconHeartHandshake;
  if (kind.startsWith('disputes.')) return IconMessageQuestion;
  if (kind.startsWith('contacts.')) return IconPhone;
  if (kind.startsWith('invoice.chasing_')) return IconPlayerPause;
  if (kind.startsWith('reminders.')) return IconBell;
  return IconFileInvoice;
}

/** Everything that happened with this customer, newest first, in the app's own words. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const format = useFormat();
  if (entries.length === 0) return <Text c="dimmed">Nothing has happened yet.</Text>;
  return (
    <MantineTimeline bulletSize={26} lineWidth={2} aria-label="Timeline">
      {entries.map((entry) => {
        const EntryIcon = iconFor(entry.kind);
        return (
          <MantineTimeline.Item key={entry.id} bullet={<EntryIcon size={14} />}>
            <Text fz="sm">{entry.summary}</Text>
            <Text fz="xs" c="dimmed" mt={2}>
              {format.instant(entry.occurredAt)}
            </Text>
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
