import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { BusinessTerms } from '../../../shared/interest/terms';
import { call } from '../../api';
import { problemAfterSave } from '../../components/field-issues';
import { LoadProblem } from '../../components/LoadProblem';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/useLoad';
import { LateTermsFields } from './LateTermsFields';
import { PaymentTermsFields } from './PaymentTermsFields';
import { RatesTable } from './RatesTable';
import {
  formFieldOf,
  lateTermsOf,
  lateValuesOf,
  paymentTermsOf,
  paymentValuesOf,
  type LateValues,
  type PaymentValues,
} from './terms-form';

type Values = PaymentValues & LateValues;

const valuesOf = (terms: BusinessTerms): Values => ({
  ...paymentValuesOf(terms.payment),
  ...lateValuesOf(terms.late),
});

/** Settings → Terms, fees and interest: the business's defaults and the reference rates. */
export function TermsSettings() {
  const load = useCallback(() => call('terms.get'), []);
  const loaded = useLoad(load);
  return (
    <Stack gap="lg" component="section" aria-label="Terms, fees and interest">
      <div>
        <Title order={2} size="h3">
          Terms, fees and interest
        </Title>
        <Text c="dimmed">
          What new invoices say about paying, and what may be added when they are paid late. Late
          charges are off unless you turn them on; a customer can have their own. Saved apart from
          the settings above.
        </Text>
      </div>
      {loaded.value ? (
        <TermsForm terms={loaded.value} />
      ) : loaded.error ? (
        <LoadProblem error={loaded.error} onRetry={loaded.reload} what="your terms" />
      ) : (
        <Loader aria-label="Loading" />
      )}
      <RatesTable />
    </Stack>
  );
}

function TermsForm(props: { terms: BusinessTerms }) {
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(props.terms) });
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ good: boolean; message: string } | null>(null);

  const save = form.onSubmit(async (values) => {
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await call('terms.update', {
        payment: paymentTermsOf(values),
        late: lateTermsOf(values) ?? { kind: 'off' },
      });
      form.setInitialValues(valuesOf(saved));
      form.setValues(valuesOf(saved));
      form.resetDirty();
      setOutcome({ good: true, message: 'Saved. Your terms are up to date.' });
    } catch (error) {
      setOutcome({ good: false, message: problemAfterSave(form, error, formFieldOf) });
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="lg">
        <Section title="Payment terms" description="The usual terms for new invoices.">
          <PaymentTermsFields form={form} />
        </Section>
        <Section
          title="Late payment"
          description="Always worked out for you, with the workings shown; nothing is added until you claim it."
        >
          <LateTermsFields form={form} />
        </Section>
        <SaveBar
          problem={
            outcome && (
              <Alert
                role="status"
                color={outcome.good ? 'teal' : 'red'}
                icon={outcome.good ? <IconCheck size={18} /> : undefined}
              >
                {outcome.message}
              </Alert>
            )
          }
        >
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            Save terms
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
