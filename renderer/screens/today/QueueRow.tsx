import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconMailOpened, IconStairsUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { Occasion } from '../../../shared/letters/occasions';
import type { QueueItem } from '../../../shared/reminders/queue';
import { AppLink } from '../../components/AppLink';
import { useFormat, type Formatters } from '../../format';
import { letterOccasion, type CheckedLetter } from './letter-check';
import { RowLetter } from './RowLetter';
import classes from './Today.module.css';
import { mainAction, offersPlan, rowKey, whySentences } from './today-view';
import { useNavigate } from '../../router';

export type RowAction = 'main' | 'skip' | 'snooze' | 'log_call' | 'hand_over';

const mainLabels = { approve: 'Approve', note: 'Noted', log_call: 'Log outcome' } as const;

/** Invoices named on a row; the customer's screen lists them all. */
const invoicesShown = 3;

/**
 * One proposed step: who, how much is open, which step, why, and what to do with it. The row
 * itself takes focus, so the keys the screen lists act on it.
 */
export function QueueRow(props: {
  item: QueueItem;
  quiet?: boolean;
  busy: boolean;
  onAction: (item: QueueItem, action: RowAction) => void;
  /** Drafts and checks the row's letter; rows that send one can show it. */
  checkLetter?: (item: QueueItem & { id: number }, occasion: Occasion) => Promise<CheckedLetter>;
}) {
  const { item, quiet } = props;
  const format = useFormat();
  const navigate = useNavigate();
  const main = mainAction(item);
  const variant = quiet ? 'default' : 'filled';
  const [letterOpen, setLetterOpen] = useState(false);
  const occasion = props.checkLetter ? letterOccasion(item) : null;
  const letterId = `letter-${rowKey(item)}`;
  return (
    <li
      className={quiet ? `${classes.row} ${classes.quiet}` : classes.row}
      tabIndex={0}
      data-queue-row={rowKey(item)}
      aria-label={`${item.customerName}: ${item.stepName}`}
    >
      <Stack gap={6} miw={0}>
        <Group gap="sm" wrap="wrap">
          <AppLink to={{ screen: 'customer', id: item.customerId }} fw={600}>
            {item.customerName}
          </AppLink>
          {item.step !== null && (
            <Text span fz="sm" c="dimmed">
              {item.stepName}
            </Text>
          )}
          {quiet && <StatusBadge item={item} format={format} />}
        </Group>
        <ul className={classes.why} aria-label="Why">
          {whySentences(item).map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
        <InvoiceLine item={item} format={format} />
        {(occasion || offersPlan(item) || item.planId !== undefined) && (
          <Group gap="xs">
            {occasion && (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconMailOpened size={16} />}
                aria-expanded={letterOpen}
                aria-controls={letterOpen ? letterId : undefined}
                onClick={() => setLetterOpen((open) => !open)}
              >
                {letterOpen ? 'Hide letter' : 'Preview letter'}
              </Button>
            )}
            {item.planId !== undefined && (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconStairsUp size={16} />}
                onClick={() => navigate({ screen: 'plan', id: item.planId! })}
              >
                See the plan
              </Button>
            )}
            {offersPlan(item) && (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconStairsUp size={16} />}
                onClick={() => navigate({ screen: 'newPlan', customerId: item.customerId })}
              >
                Offer a payment plan
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <Stack gap="xs" align="flex-end" className={classes.side}>
        <div className={classes.amount}>
          {item.openTotals.map((total) => (
            <Text key={total.currency} fw={600} className="figure-text">
              {format.money(total.amount, total.currency)}
            </Text>
          ))}
          <Text fz="xs" c="dimmed">
            open
          </Text>
        </div>
        {main && (
          <Group gap={6} wrap="nowrap">
            {item.step === 'agency' && (
              <Button
                size="compact-sm"
                variant={variant}
                onClick={() => props.onAction(item, 'hand_over')}
              >
                Hand over…
              </Button>
            )}
            <Button
              size="compact-sm"
              variant={main === 'log_call' ? (quiet ? 'default' : 'light') : variant}
              loading={props.busy}
              aria-keyshortcuts={main === 'log_call' ? 'l' : 'a'}
              onClick={() => props.onAction(item, main === 'log_call' ? 'log_call' : 'main')}
            >
              {mainLabels[main]}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              aria-keyshortcuts="s"
              onClick={() => props.onAction(item, 'skip')}
            >
              Skip
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              aria-keyshortcuts="z"
              onClick={() => props.onAction(item, 'snooze')}
            >
              Snooze
            </Button>
          </Group>
        )}
      </Stack>
      {occasion && letterOpen && item.id !== null && props.checkLetter && (
        <RowLetter
          id={letterId}
          item={item}
          itemId={item.id}
          occasion={occasion}
          check={props.checkLetter}
        />
      )}
    </li>
  );
}

/** For a row that is not ready: what holds it, and until when. */
function StatusBadge({ item, format }: { item: QueueItem; format: Formatters }) {
  switch (item.status) {
    case 'waiting':
      return (
        <Badge tt="none" fw={600} variant="light" color="blue" radius="sm">
          {item.readyAt ? `Waiting until ${format.instant(item.readyAt)}` : 'Waiting'}
        </Badge>
      );
    case 'snoozed':
      return (
        <Badge tt="none" fw={600} variant="light" color="gray" radius="sm">
          {item.snoozedUntil ? `Snoozed until ${format.date(item.snoozedUntil)}` : 'Snoozed'}
        </Badge>
      );
    case 'blocked':
      return (
        <Badge tt="none" fw={600} variant="light" color="orange" radius="sm">
          Blocked
        </Badge>
      );
    default:
      return null;
  }
}

function InvoiceLine({ item, format }: { item: QueueItem; format: Formatters }) {
  if (item.invoices.length === 0) return null;
  const shown = item.invoices.slice(0, invoicesShown);
  const more = item.invoiceCount - shown.length;
  return (
    <Text fz="xs" c="dimmed" component="div">
      {shown.map((invoice, index) => (
        <span key={invoice.id}>
          {index > 0 && ' · '}
          <AppLink to={{ screen: 'invoice', id: invoice.id }} fz="xs" c="dimmed" underline="always">
            {invoice.number}
          </AppLink>{' '}
          {format.money(invoice.open, invoice.currency)}, due {format.date(invoice.dueDate)}
          {invoice.daysOverdue > 0 && ` (${format.count(invoice.daysOverdue, 'day', 'days')} late)`}
        </span>
      ))}
      {more > 0 && ` · and ${format.count(more, 'more invoice', 'more invoices')}`}
    </Text>
  );
}
