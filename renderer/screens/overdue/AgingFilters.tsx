import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { agingBuckets, bucketLabels, type AgingBucket } from '../../../shared/aging';
import { useFormat } from '../../format';
import { isFiltered, noFilter, type AgingFilter } from './aging-view';

const lateness = [
  { value: 'any', label: 'Any lateness' },
  ...agingBuckets.map((bucket) => ({ value: bucket, label: bucketLabels[bucket] })),
];

export function AgingFilters(props: {
  filter: AgingFilter;
  onChange: (filter: AgingFilter) => void;
  currencies: readonly string[];
  shown: number;
  of: number;
}) {
  const { filter, onChange } = props;
  const format = useFormat();
  return (
    <Group justify="space-between" gap="sm" role="search" aria-label="Filter the list">
      <Group gap="sm">
        <TextInput
          aria-label="Find a customer"
          placeholder="Find a customer"
          leftSection={<IconSearch size={16} />}
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.currentTarget.value })}
          w={240}
        />
        {props.currencies.length > 1 && (
          <Select
            aria-label="Currency"
            data={[{ value: 'all', label: 'All currencies' }, ...props.currencies]}
            value={filter.currency ?? 'all'}
            onChange={(value) =>
              onChange({ ...filter, currency: value && value !== 'all' ? value : null })
            }
            allowDeselect={false}
            w={160}
          />
        )}
        <Select
          aria-label="Lateness"
          data={lateness}
          value={filter.bucket ?? 'any'}
          onChange={(value) =>
            onChange({
              ...filter,
              bucket: value && value !== 'any' ? (value as AgingBucket) : null,
            })
          }
          allowDeselect={false}
          w={190}
        />
      </Group>
      <Group gap="sm">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {isFiltered(filter)
            ? `Showing ${format.number(props.shown)} of ${format.number(props.of)}`
            : format.count(props.of, 'customer owes you', 'customers owe you')}
        </Text>
        {isFiltered(filter) && (
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(noFilter)}>
            Clear filters
          </Button>
        )}
      </Group>
    </Group>
  );
}
