/**
 * The payment form's values, as typed, and what they mean: amounts read with parseAmount
 * (never floats), allocations by hand in the API's shape, and where a field's message goes.
 */
import type { InputOf } from '../../../shared/api/contract';
import type { FieldIssue } from '../../../shared/api/errors';
import { parseAmount, sumMinor, type Minor } from '../../../shared/money';
import { amountProblem } from '../../components/amount-messages';

export type AllocationMode = 'oldest' | 'hand';

export interface PaymentFormValues {
  amount: string;
  date: string;
  currency: string;
  method: string;
  reference: string;
  mode: AllocationMode;
  /** By hand: what each open invoice gets, by invoice id; empty for nothing. */
  hand: Record<string, string>;
}

/** The amount as minor units, or null while it cannot be read. */
export function amountOf(values: PaymentFormValues): Minor | null {
  const parsed = parseAmount(values.amount, values.currency);
  return parsed.ok && parsed.minor > 0 ? parsed.minor : null;
}

function readHand(values: PaymentFormValues, invoiceIds: readonly number[]) {
  const allocations: { invoiceId: number; amount: Minor }[] = [];
  const issues: FieldIssue[] = [];
  for (const invoiceId of invoiceIds) {
    const text = values.hand[String(invoiceId)] ?? '';
    if (text.trim() === '') continue;
    const parsed = parseAmount(text, values.currency);
    if (!parsed.ok) {
      issues.push({
        field: `hand.${invoiceId}`,
        message: amountProblem(parsed.reason, values.currency),
      });
    } else if (parsed.minor < 0) {
      issues.push({ field: `hand.${invoiceId}`, message: 'Please enter an amount above zero.' });
    } else if (parsed.minor > 0) {
      allocations.push({ invoiceId, amount: parsed.minor });
    }
  }
  return { allocations, issues };
}

/** By hand: what stays as credit once the chosen amounts are taken; null while unreadable. */
export function leftAsCredit(
  values: PaymentFormValues,
  invoiceIds: readonly number[],
): Minor | null {
  const amount = amountOf(values);
  const hand = readHand(values, invoiceIds);
  if (amount === null || hand.issues.length > 0) return null;
  return amount - sumMinor(hand.allocations.map((a) => a.amount));
}

export type PaymentDraft =
  | {
      ok: true;
      input: InputOf<'payments.record'>;
      /** The invoice of each allocation sent, to put the server's messages back by it. */
      allocatedIds: number[];
    }
  | { ok: false; issues: FieldIssue[] };

export function toRecordPayment(
  values: PaymentFormValues,
  customerId: number,
  openInvoiceIds: readonly number[],
): PaymentDraft {
  const issues: FieldIssue[] = [];
  const amount = parseAmount(values.amount, values.currency);
  if (!amount.ok) {
    issues.push({ field: 'amount', message: amountProblem(amount.reason, values.currency) });
  } else if (amount.minor <= 0) {
    issues.push({ field: 'amount', message: 'Please enter an amount above zero.' });
  }
  const hand =
    values.mode === 'hand' ? readHand(values, openInvoiceIds) : { allocations: [], issues: [] };
  issues.push(...hand.issues);
  if (issues.length > 0 || !amount.ok) return { ok: false, issues };
  return {
    ok: true,
    input: {
      customerId,
      date: values.date,
      amount: amount.minor,
      currency: values.currency,
      ...(values.method.trim() ? { method: values.method.trim() } : {}),
      ...(values.reference.trim() ? { reference: values.reference.trim() } : {}),
      ...(values.mode === 'hand' ? { allocations: hand.allocations } : {}),
    },
    allocatedIds: hand.allocations.map((a) => a.invoiceId),
  };
}

/** Where the form shows an API field's message; null for the form as a whole. */
export function paymentFieldOf(apiField: string, allocatedIds: readonly number[]): string | null {
  const match = /^allocations\.(\d+)\./.exec(apiField);
  if (match) {
    const invoiceId = allocatedIds[Number(match[1])];
    return invoiceId === undefined ? null : `hand.${invoiceId}`;
  }
  if (apiField.startsWith('allocations') || apiField === 'customerId' || apiField === '')
    return null;
  return apiField;
}
