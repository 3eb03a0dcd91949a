import { Alert, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanPreview } from '../../../shared/api/plans';
import { call } from '../../api';
import { DocumentButtons } from '../../components/DocumentButtons';
import { useFormat } from '../../format';
import { toAgreementInput, type PlanTermsInput } from './plan-draft';

/**
 * What the agreement will say, beside the form: who agrees, the invoices and the total, and the
 * schedule's own sentences (when payments fall, where the remainder goes, days to mind). The
 * page may not show a PDF inside itself (its security policy allows no frames or plugins), so
 * the PDF itself opens in a tab of its own or is saved.
 */
export function AgreementPreview(props: {
  preview: PlanPreview | null;
  working: boolean;
  terms: PlanTermsInput | null;
  businessName: string;
  customerName: string | null;
}) {
  const { preview, terms } = props;
  const format = useFormat();
  const [problem, setProblem] = useState<string | null>(null);
  const money = (amount: number) => format.money(amount, preview?.currency ?? 'GBP');
  return (
    <Paper withBorder p="lg" component="section" aria-label="The agreement">
      <Stack gap="sm" opacity={props.working ? 0.6 : 1}>
        <Title order={3} size="h4">
          The agreement
        </Title>
        {!preview || !terms ? (
          <Text c="dimmed">
            Once the payments add up, this shows what you and your customer will sign.
          </Text>
        ) : (
          <>
            <Text fz="sm">
              Between <strong>{props.businessName}</strong> and{' '}
              <strong>{props.customerName ?? 'your customer'}</strong>.
            </Text>
            {preview.invoices.length > 0 && (
              <Table aria-label="Invoices covered" verticalSpacing={4} className="numeric-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Invoice</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th className="end">Open</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.invoices.map((invoice) => (
                    <Table.Tr key={invoice.id}>
                      <Table.Td>{invoice.number}</Table.Td>
                      <Table.Td>{format.date(invoice.dueDate)}</Table.Td>
                      <Table.Td className="end">{money(invoice.open)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <dl className="invoice-totals" aria-label="Plan totals">
              <dt className="grand">Total</dt>
              <dd className="grand">{money(preview.total)}</dd>
              {preview.deposit && (
                <>
                  <dt>Deposit, {format.date(preview.deposit.due)}</dt>
                  <dd>{money(preview.deposit.amount)}</dd>
                </>
              )}
              <dt>{format.count(preview.count, 'payment', 'payments')}</dt>
              <dd>{money(preview.instalmentsTotal)}</dd>
            </dl>
            <Text fz="sm">{preview.datesSentence}</Text>
            <Text fz="sm">{preview.remainderSentence}</Text>
            {preview.nonWorkingDaysSentence && (
              <Text fz="sm" c="orange.9">
                {preview.nonWorkingDaysSentence}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              {preview.holidayCoverage}
            </Text>
            {problem && (
              <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
                {problem}
              </Alert>
            )}
            <Group gap="sm">
              <DocumentButtons
                load={() => call('plans.agreementPdf', toAgreementInput(terms))}
                onProblem={setProblem}
                openLabel="Open the agreement"
                saveLabel="Download the agreement"
                size="sm"
              />
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
