import { Badge, Button, Group, Loader, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { CustomerSummary } from '../../../shared/ledger';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { EmptyState } from '../../components/EmptyState';
import { LoadProblem } from '../../components/LoadProblem';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat, type Formatters } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { kindLabels } from './customer-form';
import { Nothing } from '../../components/Nothing';

export function CustomersScreen() {
  const navigate = useNavigate();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const load = useCallback(
    () => call('customers.list', { ...(debounced ? { search: debounced } : {}), includeArchived }),
    [debounced, includeArchived],
  );
  const customers = useLoad(load);
  const rows = customers.value ?? [];
  const addButton = (
    <Button
      leftSection={<IconUserPlus size={18} />}
      onClick={() => navigate({ screen: 'newCustomer' })}
    >
      Add customer
    </Button>
  );
  const nobodyYet = rows.length === 0 && debounced === '' && !includeArchived && !customers.loading;

  return (
    <div className="screen-wide screen-fill">
      <PageHeader
        title="Customers"
        description="Everyone you invoice, what they owe, and every contact you have had."
        actions={addButton}
      />
      {customers.error && (
        <LoadProblem error={customers.error} onRetry={customers.reload} what="your customers" />
      )}
      {nobodyYet ? (
        <EmptyState
          icon={<IconUsers size={26} />}
          title="No customers yet"
          action={
            <Group gap="sm">
              <Button onClick={() => navigate({ screen: 'newCustomer' })}>
                Add your first customer
              </Button>
              <Button variant="default" onClick={() => navigate({ screen: 'import' })}>
                Import from another program
              </Button>
            </Group>
          }
        >
          Add the people and businesses you work for. Each keeps their invoices, payments and every
          contact in one place.
        </EmptyState>
      ) : (
        <>
          <Group justify="space-between" role="search" aria-label="Find customers">
            <Group gap="md">
              <TextInput
                aria-label="Find a customer"
                placeholder="Name, company or email"
                leftSection={<IconSearch size={16} />}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                w={280}
              />
              <Switch
                label="Show archived"
                checked={includeArchived}
                onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
              />
            </Group>
            <Group gap="xs">
              {customers.loading && <Loader size="xs" aria-label="Searching" />}
              <Text fz="sm" c="dimmed">
                {format.count(rows.length, 'customer', 'customers')}
              </Text>
            </Group>
          </Group>
          {rows.length === 0 && customers.value ? (
            <Text c="dimmed">No customer matches “{debounced}”. Try part of the name.</Text>
          ) : (
            <VirtualTable
              label="Customers"
              rows={rows}
              columns={columns(format)}
              rowKey={(row) => row.id}
              rowHeight={52}
              minWidth={720}
              className="fill-rest"
            />
          )}
        </>
      )}
    </div>
  );
}

function columns(format: Formatters): Column<CustomerSummary>[] {
  return [
    {
      key: 'name',
      header: 'Customer',
      width: 'minmax(200px, 2fr)',
      cell: (row) => (
        <div className="cell-stack">
          <Group gap={6} wrap="nowrap">
            <AppLink to={{ screen: 'customer', id: row.id }} fz="sm" fw={500} c="dark.7" truncate>
              {row.name}
            </AppLink>
            {row.archived && (
              <Badge size="xs" variant="light" color="gray">
                Archived
              </Badge>
            )}
            {row.handedOver && (
              <Badge size="xs" variant="light" color="grape">
                With an agency
              </Badge>
            )}
          </Group>
          {row.company && row.company !== row.name && (
            <Text fz="xs" c="dimmed" truncate>
              {row.company}
            </Text>
          )}
        </div>
      ),
    },
    { key: 'kind', header: 'Kind', width: '110px', cell: (row) => kindLabels[row.kind] },
    {
      key: 'email',
      header: 'Email',
      width: 'minmax(160px, 1.5fr)',
      cell: (row) => row.email || <Nothing />,
    },
    {
      key: 'owed',
      header: 'Owes you',
      width: 'minmax(120px, 1fr)',
      align: 'end',
      cell: (row) => {
        const owed = row.balances.filter((balance) => balance.open > 0);
        return owed.length > 0 ? (
          <Text span fz="sm" fw={600}>
            {owed.map((balance) => format.money(balance.open, balance.currency)).join(' · ')}
          </Text>
        ) : (
          <Nothing />
        );
      },
    },
    {
      key: 'credit',
      header: 'Credit to apply',
      width: 'minmax(110px, 1fr)',
      align: 'end',
      cell: (row) => {
        const credit = row.balances.filter((balance) => balance.unappliedCredit > 0);
        return credit.length > 0 ? (
          credit
            .map((balance) => format.money(balance.unappliedCredit, balance.currency))
            .join(' · ')
        ) : (
          <Nothing />
        );
      },
    },
  ];
}
