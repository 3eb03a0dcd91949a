/**
 * reminders.*, promises.*, disputes.*, contacts.*: the ladder and its guardrails, the Today
 * queue and what the owner does with it, and the pauses that hold chasing back.
 */
import { z } from 'zod';
import { ladderProblems, ladderStepKeys, type Ladder } from '../reminders/ladder';
import { guardrailLimits, type Guardrails } from '../reminders/guardrails';
import type { ReminderQueue, QueueItem } from '../reminders/queue';
import type { CalendarDate } from '../dates';
import { calendarDate, currencyCode, id, positiveAmount, text } from './fields';
import { emptyInput, method } from './method';

const ladderStep = z
  .object({
    key: z.enum(ladderStepKeys, `The step is one of ${ladderStepKeys.join(', ')}.`),
    days: z
      .number('Please give the days as a whole number.')
      .int('Days are a whole number.')
      .min(-30, 'At most 30 days before the due date.')
      .max(365, 'At most 365 days after the due date.'),
    channel: z.enum(['email', 'letter', 'letter_email', 'call', 'decision']),
    enabled: z.boolean(),
    autopilot: z.boolean(),
  })
  .strict();

/** A ladder whose days rise strictly and whose steps fit their channels. */
export const ladderSchema = z
  .array(ladderStep)
  .min(1, 'A ladder needs at least one step.')
  .max(ladderStepKeys.length)
  .superRefine((ladder, context) => {
    for (const problem of ladderProblems(ladder, '')) {
      // `.3.days` → [3, 'days'], so the error names the step and field the owner must fix.
      const path = problem.field
        .split('.')
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      context.addIssue({ code: 'custom', message: problem.message, path });
    }
  });

const wholeIn = (what: string, limits: { min: number; max: number }) =>
  z
    .number(`Please give the ${what} as a whole number.`)
    .int(`The ${what} is a whole number.`)
    .min(limits.min, `The ${what} is at least ${limits.min}.`)
    .max(limits.max, `The ${what} is at most ${limits.max}.`);

export const guardrailsSchema = z
  .object({
    minGapDays: wholeIn('minimum gap in days', guardrailLimits.minGapDays),
    messagesPer7Days: wholeIn('cap on messages per 7 days', guardrailLimits.messagesPer7Days),
    callsPer7Days: wholeIn('cap on calls per 7 days', guardrailLimits.callsPer7Days),
    promiseGraceDays: wholeIn('grace after a promise date', guardrailLimits.promiseGraceDays),
  })
  .strict();

export interface ReminderPolicy {
  ladder: Ladder;
  guardrails: Guardrails;
  /** False while the defaults are in use. */
  customised: boolean;
}

export const callOutcomes = [
  'reached',
  'no_answer',
  'voicemail',
  'promised',
  'disputed',
  'wrong_number',
] as const;
export type CallOutcomeKey = (typeof callOutcomes)[number];

export const promiseChannels = ['phone', 'email', 'letter', 'in_person', 'other'] as const;

const promiseFields = {
  date: calendarDate,
  amount: positiveAmount,
  currency: currencyCode,
  channel: z.enum(promiseChannels, `The channel is one of ${promiseChannels.join(', ')}.`),
  note: text(1000, 'note').optional(),
};

export const createPromiseSchema = z.object({ customerId: id, ...promiseFields }).strict();
export type CreatePromise = z.output<typeof createPromiseSchema>;

export const openDisputeSchema = z
  .object({
    customerId: id,
    /** Left out or empty: the dispute covers every invoice of the customer. */
    invoiceIds: z.array(id).max(500).optional(),
    reason: z
      .string('Please say what the dispute is about.')
      .trim()
      .min(1, 'Please say what the dispute is about.')
      .max(500, 'Please keep the reason under 500 characters.'),
    note: text(2000, 'note').optional(),
  })
  .strict();
export type OpenDispute = z.output<typeof openDisputeSchema>;

export const resolveDisputeSchema = z
  .object({
    disputeId: id,
    resolution: z.enum(['upheld', 'rejected'], 'The resolution is upheld or rejected.'),
    /** Upheld: a credit note on each invoice, for the amount agreed. */
    credits: z
      .array(z.object({ invoiceId: id, amount: positiveAmount }).strict())
      .max(500)
      .optional(),
    note: text(2000, 'note').optional(),
  })
  .strict();
export type ResolveDispute = z.output<typeof resolveDisputeSchema>;

export const actSchema = z.discriminatedUnion(
  'action',
  [
    z
      .object({
        itemId: id,
        action: z.literal('approve'),
        note: text(1000, 'note').optional(),
        /** The owner read the tone check's warnings and sends the letter as it is. */
        sendAnyway: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        itemId: id,
        action: z.literal('skip'),
        reason: z
          .string('Please say why this step is skipped.')
          .trim()
          .min(1, 'Please say why this step is skipped.')
          .max(500, 'Please keep the reason under 500 characters.'),
      })
      .strict(),
    z.object({ itemId: id, action: z.literal('snooze'), until: calendarDate }).strict(),
    z
      .object({
        itemId: id,
        action: z.literal('log_call'),
        outcome: z.enum(callOutcomes, `The outcome is one of ${callOutcomes.join(', ')}.`),
        note: text(2000, 'note').optional(),
        /** With the outcome `promised`: the promise made on the call (by phone). */
        promise: z
          .object({ ...promiseFields, channel: promiseFields.channel.optional() })
          .strict()
          .optional(),
      })
      .strict(),
  ],
  'The action is approve, skip, snooze or log_call.',
);
export type ReminderAction = z.output<typeof actSchema>;

export interface PromiseView {
  id: number;
  customerId: number;
  madeOn: CalendarDate;
  date: CalendarDate;
  amount: number;
  currency: string;
  channel: (typeof promiseChannels)[number];
  note: string;
  paid: number;
  state: 'in_time' | 'kept' | 'broken' | 'cancelled';
}

export interface DisputeView {
  id: number;
  customerId: number;
  reason: string;
  note: string;
  openedOn: CalendarDate;
  invoiceIds: number[];
  resolvedOn: CalendarDate | null;
  resolution: 'upheld' | 'rejected' | null;
  resolutionNote: string;
}

export interface ContactView {
  id: number;
  customerId: number;
  channel: 'email' | 'letter' | 'letter_email' | 'call';
  occurredAt: string;
  step: string | null;
  outcome: CallOutcomeKey | null;
  note: string;
}

/** Chasing of one invoice held back until a date (inclusive). */
export interface InvoicePause {
  invoiceId: number;
  number: string;
  until: CalendarDate;
  reason: string;
}

/** How reminders stand for one customer: which ladder they follow, and what is paused. */
export interface CustomerReminders {
  customerId: number;
  mode: 'business' | 'custom' | 'none';
  /** Their own ladder, when the mode is `custom`. */
  ladder: Ladder | null;
  /** Invoices whose chasing is paused today or later, soonest end first. */
  pausedInvoices: InvoicePause[];
}

export interface ActResult {
  itemId: number;
  customerId: number;
  status: 'approved' | 'skipped' | 'snoozed' | 'done';
  /** For an approved message: when it may go (now, or when the window opens). */
  sendAfter: string | null;
  /** One plain sentence for the screen: what happened. */
  message: string;
}

export const reminderMethods = {
  'reminders.queue': method(
    z.object({ date: calendarDate.optional() }).strict().default({}),
  ).returns<ReminderQueue>(),
  'reminders.act': method(actSchema).returns<ActResult>(),
  'reminders.policy': method(emptyInput).returns<ReminderPolicy>(),
  'reminders.updatePolicy': method(
    z.object({ ladder: ladderSchema.optional(), guardrails: guardrailsSchema.optional() }).strict(),
  ).returns<ReminderPolicy>(),
  'reminders.resetPolicy': method(emptyInput).returns<ReminderPolicy>(),
  'reminders.setCustomerLadder': method(
    z
      .object({
        customerId: id,
        mode: z.enum(['business', 'custom', 'none'], 'The mode is business, custom or none.'),
        ladder: ladderSchema.optional(),
      })
      .strict()
      .refine((input) => input.mode !== 'custom' || input.ladder !== undefined, {
        message: 'A custom ladder needs its steps.',
        path: ['ladder'],
      }),
  ).returns<{ customerId: number; mode: 'business' | 'custom' | 'none'; ladder: Ladder | null }>(),
  'reminders.customer': method(z.object({ customerId: id }).strict()).returns<CustomerReminders>(),
  /** Why a customer has, or has not, a step today: the policy's reasons for one customer. */
  'reminders.explain': method(z.object({ customerId: id }).strict()).returns<{
    customerId: number;
    date: CalendarDate;
    items: QueueItem[];
    why: string[];
  }>(),
  'reminders.pauseInvoice': method(
    z
      .object({
        invoiceId: id,
        until: calendarDate,
        reason: z
          .string('Please say why chasing is paused.')
          .trim()
          .min(1, 'Please say why chasing is paused.')
          .max(500, 'Please keep the reason under 500 characters.'),
      })
      .strict(),
  ).returns<{ invoiceId: number; until: CalendarDate | null; reason: string }>(),
  'reminders.resumeInvoice': method(z.object({ invoiceId: id }).strict()).returns<{
    invoiceId: number;
    until: CalendarDate | null;
    reason: string;
  }>(),
  'promises.create': method(createPromiseSchema).returns<PromiseView>(),
  'promises.cancel': method(
    z.object({ promiseId: id, reason: text(500, 'reason').optional() }).strict(),
  ).returns<PromiseView>(),
  'promises.list': method(z.object({ customerId: id }).strict()).returns<PromiseView[]>(),
  'disputes.open': method(openDisputeSchema).returns<DisputeView>(),
  'disputes.resolve': method(resolveDisputeSchema).returns<DisputeView>(),
  'disputes.list': method(z.object({ customerId: id }).strict()).returns<DisputeView[]>(),
  'contacts.logCall': method(
    z
      .object({
        customerId: id,
        outcome: z.enum(callOutcomes, `The outcome is one of ${callOutcomes.join(', ')}.`),
        note: text(2000, 'note').optional(),
        /** With the outcome `promised`: the promise made on the call. */
        promise: z
          .object({ ...promiseFields, channel: promiseFields.channel.optional() })
          .strict()
          .optional(),
      })
      .strict(),
  ).returns<ContactView>(),
  'contacts.list': method(z.object({ customerId: id }).strict()).returns<ContactView[]>(),
};
