/**
 * plans.*: payment plans. For now the preview (the schedule a plan's terms would give) and the
 * agreement PDF for those terms.
 */
import { z } from 'zod';
import type { CalendarDate } from '../dates';
import {
  maxInstalments,
  planFrequencies,
  planMessages,
  type PlanSchedule,
} from '../plans/schedule';
import { calendarDate, currencyCode, id, minorAmount, positiveAmount } from './fields';
import type { DocumentFile } from './invoices';
import { method } from './method';

export const planPreviewSchema = z
  .object({
    /** With `invoiceIds`: the plan covers those invoices' open amounts. */
    customerId: id.optional(),
    invoiceIds: z
      .array(id)
      .min(1, 'Please choose at least one invoice.')
      .max(500, 'At most 500 invoices in one plan.')
      .refine((ids) => new Set(ids).size === ids.length, 'Each invoice once, please.')
      .optional(),
    /** Without invoices: the amount the plan covers. */
    total: positiveAmount.optional(),
    currency: currencyCode,
    deposit: minorAmount.refine((n) => n >= 0, 'A deposit is zero or more.').optional(),
    count: z
      .number('Please give the number of payments as a whole number.')
      .int(planMessages.count)
      .min(1, planMessages.count)
      .max(maxInstalments, planMessages.count)
      .optional(),
    amount: positiveAmount.optional(),
    frequency: z.enum(planFrequencies, 'How often is weekly, fortnightly or monthly.'),
    firstDue: calendarDate,
    /** Round payments to a multiple of this (with `count`); the last one takes the rest. */
    roundTo: positiveAmount.optional(),
  })
  .strict()
  .superRefine((terms, ctx) => {
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    const fromInvoices = terms.customerId !== undefined || terms.invoiceIds !== undefined;
    if (terms.customerId !== undefined && terms.invoiceIds === undefined) {
      issue('invoiceIds', 'Please choose the invoices the plan covers.');
    }
    if (terms.invoiceIds !== undefined && terms.customerId === undefined) {
      issue('customerId', 'Please say whose invoices these are.');
    }
    if (fromInvoices && terms.total !== undefined) {
      issue('total', 'The total comes from the invoices; please leave it out.');
    }
    if (!fromInvoices && terms.total === undefined) {
      issue('total', 'Please give the total, or the customer and the invoices the plan covers.');
    }
    if (terms.count === undefined && terms.amount === undefined) {
      issue('count', planMessages.countOrAmount);
    }
    if (terms.count !== undefined && terms.amount !== undefined) {
      issue('amount', planMessages.notBoth);
    }
    if (terms.roundTo !== undefined && terms.amount !== undefined) {
      issue('roundTo', planMessages.roundToWithAmount);
    }
  });

export type PlanPreviewInput = z.output<typeof planPreviewSchema>;

/** The preview's terms; `hardship` adds a kind word for a customer going through a hard time. */
export const planAgreementSchema = planPreviewSchema.safeExtend({
  hardship: z.boolean('Hardship is true or false.').optional(),
});

export type PlanAgreementInput = z.output<typeof planAgreementSchema>;

/** An invoice a plan covers, with what is open on it today. */
export interface PlanInvoice {
  id: number;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  open: number;
}

export interface PlanPreview extends PlanSchedule {
  customerId: number | null;
  /** Oldest due first; empty for a plan over a plain total. */
  invoices: PlanInvoice[];
}

export const planMethods = {
  'plans.preview': method(planPreviewSchema).returns<PlanPreview>(),
  'plans.agreementPdf': method(planAgreementSchema).returns<DocumentFile>(),
};
