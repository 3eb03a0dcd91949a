/** payments.*: money received, and where it goes. */
import { z } from 'zod';
import type { Payment } from '../ledger';
import { calendarDate, currencyCode, id, positiveAmount, text } from './fields';
import { method } from './method';

const allocations = z
  .array(z.object({ invoiceId: id, amount: positiveAmount }).strict())
  .max(500)
  .refine(
    (list) => new Set(list.map((a) => a.invoiceId)).size === list.length,
    'Each invoice once per payment, please.',
  );

export const recordPaymentSchema = z
  .object({
    customerId: id,
    date: calendarDate,
    amount: positiveAmount,
    currency: currencyCode,
    method: text(100, 'method').optional(),
    reference: text(200, 'reference').optional(),
    /** Left out: oldest due first. */
    allocations: allocations.optional(),
  })
  .strict();

export type RecordPayment = z.output<typeof recordPaymentSchema>;

export interface AllocationPreview {
  allocations: { invoiceId: number; invoiceNumber: string; open: number; amount: number }[];
  unapplied: number;
}

export const paymentMethods = {
  'payments.record': method(recordPaymentSchema).returns<Payment>(),
  'payments.previewAllocation': method(
    z.object({ customerId: id, amount: positiveAmount, currency: currencyCode }).strict(),
  ).returns<AllocationPreview>(),
  'payments.applyCredit': method(
    z.object({ paymentId: id, allocations: allocations.optional() }).strict(),
  ).returns<Payment>(),
  'payments.refund': method(
    z
      .object({
        paymentId: id,
        amount: positiveAmount,
        date: calendarDate,
        method: text(100, 'method').optional(),
        reference: text(200, 'reference').optional(),
      })
      .strict(),
  ).returns<Payment>(),
};
