import { Alert, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import { rateSourceNames, rateSources, type RateSource } from '../../../shared/interest/rates';
import { call } from '../../api';
import { problemAfterSave } from '../../components/field-issues';
import { LoadProblem } from '../../components/LoadProblem';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/useLoad';
import { useFormat } from '../../format';

interface NewRate {
  source: RateSource;
  effectiveFrom: string;
  ratePercent: string;
}

/** The central-bank rates statutory interest is built on, each from the date it took effect. */
export function RatesTable() {
  const format = useFormat();
  const load = useCallback(() => call('interest.rates'), []);
  const loaded = useLoad(load);
  const [rates, setRates] = useState<typeof loaded.value>(undefined);
  const shown = rates ?? loaded.value;
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<NewRate>({
    mode: 'controlled',
    initialValues: { source: 'boe_base', effectiveFrom: '', ratePercent: '' },
  });

  const add = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      setRates(await call('interest.saveRate', values));
      form.reset();
    } catch (error) {
      setProblem(problemAfterSave(form, error));
    }
  });

  const remove = async (source: RateSource, effectiveFrom: string) => {
    setProblem(null);
    try {
      setRates(await call('interest.removeRate', { source, effectiveFrom }));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <Section
      title="Reference rates"
      description="Statutory interest is 8 points over these. Add each new rate with the date it took effect, as the bank announces it."
    >
      {loaded.error && !shown && (
        <LoadProblem error={loaded.error} onRetry={loaded.reload} what="the rates" />
      )}
      <form onSubmit={add} noValidate aria-label="Add a rate">
        <Group align="flex-start" gap="sm">
          <NativeSelect
            label="Rate"
            data={rateSources.map((s) => ({ value: s, label: rateSourceNames[s] }))}
            {...form.getInputProps('source')}
          />
          <TextInput label="From" type="date" {...form.getInputProps('effectiveFrom')} />
          <TextInput
            label="Rate (% a year)"
            inputMode="decimal"
            w={140}
            {...form.getInputProps('ratePercent')}
          />
          <Button type="submit" mt={25} variant="light">
            Save rate
          </Button>
        </Group>
      </form>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {shown &&
        rateSources.map((source) => (
          <Table key={source} aria-label={rateSourceNames[source]} striped withTableBorder>
            <Table.Caption>{rateSourceNames[source]}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th ta="right">Rate a year</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown
                .filter((rate) => rate.source === source)
                .map((rate) => (
                  <Table.Tr key={rate.effectiveFrom}>
                    <Table.Td>{format.date(rate.effectiveFrom)}</Table.Td>
                    <Table.Td ta="right">{rate.ratePercent}%</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove the rate from ${format.date(rate.effectiveFrom)}`}
                        onClick={() => void remove(source, rate.effectiveFrom)}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        ))}
      {shown && shown.length === 0 && (
        <Text c="dimmed" fz="sm">
          No rates yet.
        </Text>
      )}
    </Section>
  );
}
