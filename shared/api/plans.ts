/**
 * plans.*: payment plans. The preview (the schedule a plan's terms would give), the agreement
 * PDF for those terms, and the plans themselves: created (proposed), activated, cancelled.
 */
import { z } from 'zod';
import type { CalendarDate } from '../dates';
import {
  maxInstalments,
  planFrequencies,
  planMessages,
  type PlanSchedule,
} from '../plans/schedule';
import { calendarDate, currencyCode, id, minorAmount, positiveAmount, text } from './fields';
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

/** A plan's terms: the agreement's, over a customer's invoices (a plain total has no one to agree with). */
export const createPlanSchema = planAgreementSchema.superRefine((terms, ctx) => {
  if (terms.customerId === undefined && terms.invoiceIds === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['customerId'],
      message: 'A plan is agreed with a customer: please say whose invoices it covers.',
    });
  }
});

export type CreatePlanInput = z.output<typeof createPlanSchema>;

export const planStates = ['proposed', 'active', 'completed', 'defaulted', 'cancelled'] as const;
export type PlanState = (typeof planStates)[number];
/** The states in which a plan holds its invoices (and pauses the ladder for them). */
export const livePlanStates = ['proposed', 'active'] as const satisfies readonly PlanState[];

/** One payment of a saved plan; number 0 is the deposit. */
export interface PlanInstalment {
  number: number;
  due: CalendarDate;
  amount: number;
  /** What is still owed once this is paid. */
  balanceAfter: number;
}

export interface Plan {
  id: number;
  customerId: number;
  currency: string;
  total: number;
  /** Zero when there is none. */
  deposit: number;
  frequency: (typeof planFrequencies)[number];
  state: PlanState;
  hardship: boolean;
  /** Where the remainder goes, as the agreement states it. */
  remainderSentence: string;
  /** The invoices it covers, oldest due first. */
  invoiceIds: number[];
  /** The deposit (number 0) when there is one, then every payment. */
  instalments: PlanInstalment[];
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
  endedAt: string | null;
  endReason: string;
}

const planIdSchema = z.object({ planId: id }).strict();

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
  'plans.create': method(createPlanSchema).returns<Plan>(),
  'plans.get': method(planIdSchema).returns<Plan>(),
  'plans.list': method(z.object({ customerId: id.optional() }).strict()).returns<Plan[]>(),
  /** Proposed → active: on signature or on the first payment, as the owner chooses. */
  'plans.activate': method(planIdSchema).returns<Plan>(),
  /** Proposed or active → cancelled: the ladder resumes where it stopped. */
  'plans.cancel': method(
    z
      .object({
        planId: id,
        reason: text(500, 'reason').refine((reason) => reason.length > 0, 'Please say why.'),
      })
      .strict(),
  ).returns<Plan>(),
};
