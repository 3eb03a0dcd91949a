import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import type { InvoiceCharges } from '../../../shared/interest/charges';
import type { InterestClaim, InterestPreview } from '../../../shared/interest/claims';
import type { BusinessTerms, CustomerTerms } from '../../../shared/interest/terms';
import { call } from '../../api';
import { DoneNotice } from '../../components/DoneNotice';
import { problemAfterSave } from '../../components/field-issues';
import { LoadProblem } from '../../components/LoadProblem';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { CustomerCard } from '../customers/CustomerCard';
import { LateTermsFields } from './LateTermsFields';
import { PaymentTermsFields } from './PaymentTermsFields';
import { WaiveClaimModal } from './WaiveClaimModal';
import {
  formFieldOf,
  lateTermsOf,
  lateValuesOf,
  paymentTermsOf,
  paymentValuesOf,
  type LateValues,
  type PaymentValues,
} from './terms-form';

interface Loaded {
  terms: CustomerTerms;
  business: BusinessTerms;
  preview: InterestPreview;
  claims: InterestClaim[];
}

/**
 * A customer's terms and late charges: their own terms (or the business's), what could be
 * added today with its workings, a claim in one click, and each claim waived, in part or whole.
 */
export function LateChargesCard(props: {
  customerId: number;
  /** Changes whenever the customer's ledger does, so the preview is worked out again. */
  stamp: unknown;
  onChanged: () => void;
}) {
  const { customerId, stamp } = props;
  const load = useCallback(async (): Promise<Loaded> => {
    void stamp;
    const [terms, business, preview, claims] = await Promise.all([
      call('terms.customer', { customerId }),
      call('terms.get'),
      call('interest.preview', { customerId }),
      call('interest.claims', { customerId }),
    ]);
    return { terms, business, preview, claims };
  }, [customerId, stamp]);
  const loaded = useLoad(load);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [waiving, setWaiving] = useState<InterestClaim | null>(null);

  const changed = (message: string) => {
    setProblem(null);
    setDone(message);
    loaded.reload();
    props.onChanged();
  };
  const act = async (work: () => Promise<string>) => {
    setDone(null);
    setProblem(null);
    try {
      changed(await work());
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <CustomerCard title="Terms and late charges">
      {loaded.value ? (
        <Stack gap="md">
          <TermsForm
            key={JSON.stringify(loaded.value.terms)}
            terms={loaded.value.terms}
            business={loaded.value.business}
            onSaved={() => changed('Their terms are saved.')}
          />
          {done && <DoneNotice who="Late charges" message={done} onClose={() => setDone(null)} />}
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <PreviewView
            preview={loaded.value.preview}
            onClaim={() =>
              void act(async () => {
                const claims = await call('interest.claim', { customerId });
                return `Claimed on ${claims.map((c) => c.invoiceNumber).join(', ')}. The next letter shows the workings.`;
              })
            }
          />
          <ClaimsView
            claims={loaded.value.claims}
            onWaive={(claim) => {
              setDone(null);
              setProblem(null);
              setWaiving(claim);
            }}
          />
          {waiving && (
            <WaiveClaimModal
              claim={waiving}
              onClose={() => setWaiving(null)}
              onWaived={(message) => {
                setWaiving(null);
                changed(message);
              }}
            />
          )}
        </Stack>
      ) : loaded.error ? (
        <LoadProblem error={loaded.error} onRetry={loaded.reload} what="their terms" />
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </CustomerCard>
  );
}

type Values = LateValues & PaymentValues & { ownPayment: boolean };

function TermsForm(props: { terms: CustomerTerms; business: BusinessTerms; onSaved: () => void }) {
  const { terms } = props;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      ...lateValuesOf(terms.own.late),
      ...paymentValuesOf(terms.own.payment ?? terms.effective.payment),
      ownPayment: terms.own.payment !== null,
    },
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = form.onSubmit(async (values) => {
    setSaving(true);
    setProblem(null);
    try {
      await call('terms.setCustomer', {
        customerId: terms.customerId,
        late: lateTermsOf(values),
        payment: values.ownPayment ? paymentTermsOf(values) : null,
      });
      props.onSaved();
    } catch (error) {
      setProblem(problemAfterSave(form, error, formFieldOf));
    } finally {
      setSaving(false);
    }
  });
  return (
    <form onSubmit={save} noValidate aria-label="Their terms">
      <Stack gap="sm">
        <LateTermsFields
          form={form}
          business={props.business.late}
          consumer={terms.kind === 'consumer'}
        />
        <Checkbox
          label="Their own payment terms"
          {...form.getInputProps('ownPayment', { type: 'checkbox' })}
        />
        {form.getValues().ownPayment && <PaymentTermsFields form={form} />}
        {problem && (
          <Text c="red" fz="sm" role="alert">
            {problem}
          </Text>
        )}
        <Group>
          <Button type="submit" size="xs" loading={saving} disabled={!form.isDirty()}>
            Save their terms
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PreviewView(props: { preview: InterestPreview; onClaim: () => void }) {
  const format = useFormat();
  const { preview } = props;
  if (preview.terms.kind === 'off') {
    return (
      <Text c="dimmed" fz="sm">
        No late charges are in their terms.
      </Text>
    );
  }
  const claimable = preview.invoices.filter((i) => i.status === 'claimable');
  return (
    <Stack gap="xs" aria-label="What could be added today" component="section">
      <Text fw={600} fz="sm">
        What could be added today, {format.date(preview.asOf)}
      </Text>
      {preview.invoices.length === 0 && (
        <Text c="dimmed" fz="sm">
          Nothing is open.
        </Text>
      )}
      {preview.invoices.map((invoice) => (
        <InvoiceWorkings key={invoice.invoiceId} charges={invoice} />
      ))}
      {claimable.length > 0 && (
        <Group>
          <Button size="xs" onClick={props.onClaim}>
            Claim {preview.totals.map((t) => format.money(t.amount, t.currency)).join(' + ')}
          </Button>
          <Text fz="xs" c="dimmed">
            Added as a charge of its own, shown in their balance and letters.
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function InvoiceWorkings(props: { charges: InvoiceCharges }) {
  const format = useFormat();
  const { charges } = props;
  const money = (amount: number) => format.money(amount, charges.currency);
  if (charges.status !== 'claimable') {
    return (
      <Text fz="sm" c="dimmed">
        {charges.number}: {charges.reason}
      </Text>
    );
  }
  return (
    <Table aria-label={`Workings for ${charges.number}`} withTableBorder fz="sm">
      <Table.Caption>
        {charges.number}: {money(charges.total)}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>For</Table.Th>
          <Table.Th ta="right">Days</Table.Th>
          <Table.Th ta="right">On</Table.Th>
          <Table.Th ta="right">Rate a year</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {charges.lines.flatMap((line) =>
          line.kind === 'interest'
            ? line.periods.map((period) => (
                <Table.Tr key={`${line.kind}-${period.from}`}>
                  <Table.Td>
                    Interest {format.date(period.from)} – {format.date(period.to)}
                    {period.reference && (
                      <Text fz="xs" c="dimmed">
                        8 over {period.reference.ratePercent}% on {format.date(period.reference.on)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{period.days}</Table.Td>
                  <Table.Td ta="right">{money(period.principal)}</Table.Td>
                  <Table.Td ta="right">{period.ratePercent}%</Table.Td>
                  <Table.Td ta="right">{money(period.amount)}</Table.Td>
                </Table.Tr>
              ))
            : [
                <Table.Tr key={line.kind}>
                  <Table.Td colSpan={4}>{line.description}</Table.Td>
                  <Table.Td ta="right">{money(line.amount)}</Table.Td>
                </Table.Tr>,
              ],
        )}
      </Table.Tbody>
    </Table>
  );
}

function ClaimsView(props: { claims: InterestClaim[]; onWaive: (claim: InterestClaim) => void }) {
  const format = useFormat();
  if (props.claims.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Claimed" component="section">
      <Text fw={600} fz="sm">
        Claimed
      </Text>
      <ul className="plain-list row-list" aria-label="Claims">
        {props.claims.map((claim) => {
          const money = (amount: number) => format.money(amount, claim.currency);
          return (
            <li key={claim.id}>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fz="sm">
                    {claim.chargeNumber}: {money(claim.amount)} on {claim.invoiceNumber}, claimed{' '}
                    {format.date(claim.claimedOn)}
                  </Text>
                  {claim.waived > 0 && (
                    <Text fz="xs" c="dimmed">
                      {money(claim.waived)} waived
                      {claim.open > 0 && `, ${money(claim.open)} left to pay`}
                    </Text>
                  )}
                </div>
                {claim.open > 0 ? (
                  <Button size="xs" variant="light" onClick={() => props.onWaive(claim)}>
                    Waive…
                  </Button>
                ) : (
                  <Badge color={claim.waived > 0 ? 'gray' : 'teal'} variant="light">
                    {claim.waived >= claim.amount ? 'Waived' : 'Settled'}
                  </Badge>
                )}
              </Group>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
