import {
  Button,
  Group,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileInvoice, IconSearch } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { InvoiceState } from '../../../shared/invoices';
import { call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { LoadProblem } from '../../components/LoadProblem';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { InvoiceTable } from './InvoiceTable';

const filters: { value: string; label: string; states?: InvoiceState[] }[] = [
  { value: 'all', label: 'All' },
  { value: 'unpaid', label: 'Unpaid', states: ['open', 'partially_paid'] },
  { value: 'paid', label: 'Paid', states: ['paid'] },
  { value: 'draft', label: 'Drafts', states: ['draft'] },
  { value: 'closed', label: 'Written off or void', states: ['written_off', 'void'] },
];

const pageSize = 50;

export function InvoicesScreen() {
  const navigate = useNavigate();
  const format = useFormat();
  const [filter, setFilter] = useState('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const states = filters.find((f) => f.value === filter)?.states;
  const load = useCallback(
    () =>
      call('invoices.list', {
        ...(states ? { states } : {}),
        ...(debounced ? { search: debounced } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    [states, debounced, page],
  );
  const list = useLoad(load);
  const result = list.value;
  const filtered = filter !== 'all' || debounced !== '';
  const newButton = (
    <Button
      leftSection={<IconFileInvoice size={18} />}
      onClick={() => navigate({ screen: 'newInvoice' })}
    >
      New invoice
    </Button>
  );

  return (
    <Stack className="screen-wide">
      <PageHeader
        title="Invoices"
        description="Every invoice, made here or brought in from the tool you use now."
        actions={newButton}
      />
      {list.error && <LoadProblem error={list.error} onRetry={list.reload} what="your invoices" />}
      {result && result.total === 0 && !filtered ? (
        <EmptyState
          icon={<IconFileInvoice size={26} />}
          title="No invoices yet"
          action={
            <Button onClick={() => navigate({ screen: 'newInvoice' })}>
              Make your first invoice
            </Button>
          }
        >
          An invoice with clear terms is the first step to being paid on time. Make one here.
        </EmptyState>
      ) : (
        <>
          <Group justify="space-between" role="search" aria-label="Find invoices">
            <Group gap="md">
              <SegmentedControl
                aria-label="Show"
                data={filters.map(({ value, label }) => ({ value, label }))}
                value={filter}
                onChange={(value) => {
                  setFilter(value);
                  setPage(1);
                }}
              />
              <TextInput
                aria-label="Find an invoice"
                placeholder="Number or customer"
                leftSection={<IconSearch size={16} />}
                value={search}
                onChange={(event) => {
                  setSearch(event.currentTarget.value);
                  setPage(1);
                }}
                w={240}
              />
            </Group>
            <Group gap="xs">
              {list.loading && <Loader size="xs" aria-label="Loading" />}
              {result && (
                <Text fz="sm" c="dimmed">
                  {format.count(result.total, 'invoice', 'invoices')}
                </Text>
              )}
            </Group>
          </Group>
          {result && result.invoices.length === 0 ? (
            <Text c="dimmed">No invoice matches. Try another filter or part of a number.</Text>
          ) : (
            result && (
              <Paper withBorder px="md" py="xs">
                <InvoiceTable label="Invoices" invoices={result.invoices} withCustomer />
              </Paper>
            )
          )}
          {result && result.total > pageSize && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(result.total / pageSize)}
                value={page}
                onChange={setPage}
                aria-label="Pages"
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
