import { Button, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Customer } from '../../../shared/ledger';
import { supportedLocales } from '../../../shared/locales';
import { kindLabels } from './customer-form';

/** How to reach the customer, and the owner's notes, as text (never as markup). */
export function CustomerDetailsCard(props: {
  customer: Customer;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
}) {
  const { customer } = props;
  const rows: [string, ReactNode][] = [
    ['Kind', kindLabels[customer.kind]],
    ['Company', customer.company],
    ['Contact person', customer.contactPerson],
    ['Email', customer.email],
    ['Copies to', customer.ccEmails.join(', ')],
    ['Phone', customer.phone],
    ['Address', customer.address],
    ['Language', supportedLocales.find((l) => l.code === customer.locale)?.label ?? ''],
    ['Time zone', customer.timeZone ?? ''],
    ['Tags', customer.tags.join(', ')],
    ['Notes', customer.notes],
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-label="Details">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Details
        </Title>
        <dl className="details-list">
          {rows
            .filter(([, value]) => value !== '')
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <Stack gap={6} align="flex-start">
          <Button variant="light" size="xs" onClick={props.onEdit}>
            Edit details
          </Button>
          {customer.archived ? (
            <Button variant="subtle" size="xs" onClick={props.onRestore}>
              Restore from the archive
            </Button>
          ) : (
            <Button variant="subtle" color="gray" size="xs" onClick={props.onArchive}>
              Archive this customer
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
