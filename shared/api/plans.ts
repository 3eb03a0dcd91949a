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
import type { InstalmentStatus } from '../plans/progress';
import { calendarDate, currencyCode, id, minorAmount, positiveAmount, text } from './fields';
import type { DocumentFile, PrintResult } from './invoices';
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

export const planActivations = ['signature', 'first_payment'] as const;
/** When a proposed plan becomes active: once the signed agreement is attached, or once the first payment comes in. */
export type PlanActivation = (typeof planActivations)[number];

/** Days: how long before a payment the check-in comes, and how long after a missed one the note waits. */
const planDays = (what: string) =>
  z
    .number(`Please give the ${what} as a whole number of days.`)
    .int(`Please give the ${what} as a whole number of days.`)
    .min(0, `The ${what} is 0 days or more.`)
    .max(60, `The ${what} is at most 60 days.`);

/** How a plan runs, the owner's choices; each has a default. The screens check what is typed against these too. */
export const planRunFields = {
  /** Default "signature". */
  activation: z
    .enum(planActivations, 'A plan starts on signature or on the first payment.')
    .optional(),
  /** Days before each payment for a check-in; null turns them off. Default 3, off for weekly plans. */
  checkInDays: planDays('check-in').nullable().optional(),
  /** Days after a missed payment before the gentle note. Default 3. */
  graceDays: planDays('grace period').optional(),
  /** Hardship: nothing is asked before this day (the first payment falls after it). */
  pauseUntil: calendarDate.nullable().optional(),
};

/** A plan's terms: the agreement's, over a customer's invoices (a plain total has no one to agree with). */
export const createPlanSchema = planAgreementSchema
  .safeExtend(planRunFields)
  .superRefine((terms, ctx) => {
    if (terms.customerId === undefined && terms.invoiceIds === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: 'A plan is agreed with a customer: please say whose invoices it covers.',
      });
    }
    if (terms.pauseUntil && terms.firstDue <= terms.pauseUntil) {
      ctx.addIssue({
        code: 'custom',
        path: ['firstDue'],
        message: 'The first payment comes after the pause; please choose a later date.',
      });
    }
  });

export type CreatePlanInput = z.output<typeof createPlanSchema>;

export const planStates = ['proposed', 'active', 'completed', 'defaulted', 'cancelled'] as const;
export type PlanState = (typeof planStates)[number];
/** The states in which a plan holds its invoices (and pauses the ladder for them). */
export const livePlanStates = ['proposed', 'active'] as const satisfies readonly PlanState[];

/**
 * Derived from the payments and reductions, never stored (shared/plans/progress.ts): paid in
 * full; partly paid and still in its time; missed (its day has passed and it is not paid in
 * full, even if part came in); due; or reduced (credit notes, write-offs or discounts took
 * all of it, from the last payment backwards, so nothing is asked for it any more).
 */
export const instalmentStatuses = [
  'due',
  'paid',
  'partly_paid',
  'missed',
  'reduced',
] as const satisfies readonly InstalmentStatus[];
export type { InstalmentStatus };

/** One payment of a saved plan; number 0 is the deposit. */
export interface PlanInstalment {
  id: number;
  number: number;
  due: CalendarDate;
  amount: number;
  /** What is still owed once this is paid. */
  balanceAfter: number;
  status: InstalmentStatus;
  /** Paid towards this one (payments fill the oldest first). */
  paid: number;
  /** The day of the payment that paid it in full. */
  paidOn: CalendarDate | null;
  /** Taken off it by credit notes, write-offs or discounts (the last payments first). */
  reduced: number;
}

/** A payment (or the part of it) that went to the plan's invoices after the plan was made. */
export interface PlanPayment {
  paymentId: number;
  date: CalendarDate;
  amount: number;
}

/**
 * A credit note (an early-payment discount is one) or a write-off on one of the plan's
 * invoices after the plan was made: it lowers what the plan still asks for.
 */
export interface PlanReduction {
  kind: 'credit_note' | 'write_off';
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  date: CalendarDate;
  amount: number;
  reason: string;
}

/** The signed agreement, as attached: kept in the data folder with its checksum. */
export interface SignedAgreement {
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  attachedAt: string;
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
  activation: PlanActivation;
  /** Days before each payment for a check-in; null when off. */
  checkInDays: number | null;
  graceDays: number;
  pauseUntil: CalendarDate | null;
  /**
   * Paid towards the plan so far; taken off it by credit notes, write-offs and discounts on its
   * invoices (from the last payments backwards); and what is left: total − reduced − paid.
   */
  paid: number;
  reduced: number;
  remaining: number;
  /** The first payment not yet paid in full (with what is still owed on it), if any. */
  nextDue: { number: number; due: CalendarDate; amount: number } | null;
  /** Payments whose day has passed without being paid in full. */
  missedCount: number;
  payments: PlanPayment[];
  /** Credit notes and write-offs on its invoices while it ran, oldest first. */
  reductions: PlanReduction[];
  signed: boolean;
  signedAgreement: SignedAgreement | null;
  /** The plan this one replaced when terms were renegotiated, and the one that replaced it. */
  replacesPlanId: number | null;
  replacedByPlanId: number | null;
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

const reason = text(500, 'reason').refine((value) => value.length > 0, 'Please say why.');

/** The largest signed agreement accepted: 20 MB. */
export const maxSignedAgreementBytes = 20 * 1024 * 1024;

/** The rest of a plan on new terms: the same invoices, what is left of the total. */
export const renegotiatePlanSchema = z
  .object({
    planId: id,
    deposit: planPreviewSchema.shape.deposit,
    count: planPreviewSchema.shape.count,
    amount: planPreviewSchema.shape.amount,
    frequency: planPreviewSchema.shape.frequency,
    firstDue: planPreviewSchema.shape.firstDue,
    roundTo: planPreviewSchema.shape.roundTo,
    hardship: z.boolean('Hardship is true or false.').optional(),
    ...planRunFields,
  })
  .strict()
  .superRefine((terms, ctx) => {
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (terms.count === undefined && terms.amount === undefined) {
      issue('count', planMessages.countOrAmount);
    }
    if (terms.count !== undefined && terms.amount !== undefined) {
      issue('amount', planMessages.notBoth);
    }
    if (terms.roundTo !== undefined && terms.amount !== undefined) {
      issue('roundTo', planMessages.roundToWithAmount);
    }
    if (terms.pauseUntil && terms.firstDue <= terms.pauseUntil) {
      issue('firstDue', 'The first payment comes after the pause; please choose a later date.');
    }
  });

export type RenegotiatePlanInput = z.output<typeof renegotiatePlanSchema>;

export const updatePlanSchema = z
  .object({ planId: id, ...planRunFields })
  .strict()
  .refine(
    (input) => Object.keys(input).length > 1,
    'Please say what to change: activation, checkInDays, graceDays or pauseUntil.',
  );

export type UpdatePlanInput = z.output<typeof updatePlanSchema>;

export const attachSignedSchema = z
  .object({
    planId: id,
    /** The name it had on the owner's computer; the content decides what it is. */
    fileName: text(255, 'file name').refine(
      (name) => name.length > 0,
      'Please give the file name.',
    ),
    /** The file, base64. At most 20 MB once decoded. */
    contentBase64: z
      .string('Please send the file as base64 text.')
      .max(Math.ceil((maxSignedAgreementBytes + 1024) / 3) * 4, 'The file is larger than 20 MB.'),
  })
  .strict();

export type AttachSignedInput = z.output<typeof attachSignedSchema>;

export const planMethods = {
  'plans.preview': method(planPreviewSchema).returns<PlanPreview>(),
  'plans.agreementPdf': method(planAgreementSchema).returns<DocumentFile>(),
  /** Proposed; links the invoices, pauses their reminders, queues the confirmation (agreement attached) for review. */
  'plans.create': method(createPlanSchema).returns<Plan>(),
  'plans.get': method(planIdSchema).returns<Plan>(),
  'plans.list': method(z.object({ customerId: id.optional() }).strict()).returns<Plan[]>(),
  /** Proposed → active by hand (it also happens on signature or first payment, as the plan says). */
  'plans.activate': method(planIdSchema).returns<Plan>(),
  /** Proposed or active → cancelled: the ladder resumes where it stopped. */
  'plans.cancel': method(z.object({ planId: id, reason }).strict()).returns<Plan>(),
  /** A live plan → defaulted: it ends, and the ladder resumes where it stopped. */
  'plans.markDefaulted': method(z.object({ planId: id, reason }).strict()).returns<Plan>(),
  /** A new plan for what is left of a live one (same invoices); the old one ends. Returns the new plan. */
  'plans.renegotiate': method(renegotiatePlanSchema).returns<Plan>(),
  /** The owner's choices on how a live plan runs. */
  'plans.update': method(updatePlanSchema).returns<Plan>(),
  /** The saved plan's agreement PDF. */
  'plans.agreement': method(planIdSchema).returns<DocumentFile>(),
  /** Electron opens the print dialog; headless mode returns the file to download. */
  'plans.print': method(planIdSchema).returns<PrintResult>(),
  /** The signed scan: PDF, JPEG or PNG (by its content), up to 20 MB. The plan then shows "signed". */
  'plans.attachSigned': method(attachSignedSchema).returns<Plan>(),
  /** The signed scan, to look at again. */
  'plans.signedAgreement': method(planIdSchema).returns<DocumentFile>(),
};
