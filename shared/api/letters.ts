/**
 * letters.*: the templates the owner can edit (with versions), and drafts of any occasion for
 * a real customer, as text, HTML and a printable PDF.
 */
import { z } from 'zod';
import { occasions, type Occasion } from '../letters/occasions';
import { maxTemplateLength } from '../letters/render';
import type { VariableInfo } from '../letters/variables';
import type { CalendarDate } from '../dates';
import type { DocumentFile } from './invoices';
import type { ToneReport } from '../letters/tone/types';
import { calendarDate, currencyCode, id, positiveAmount, text } from './fields';
import { emptyInput, method } from './method';

const occasion = z.enum(occasions, `The occasion is one of ${occasions.join(', ')}.`);

const templateText = (what: string) =>
  z
    .string(`Please give the ${what} as text.`)
    .max(
      maxTemplateLength,
      `Please keep the ${what} under ${maxTemplateLength.toLocaleString('en')} characters.`,
    );

export interface TemplateSummary {
  occasion: Occasion;
  name: string;
  version: number;
  customised: boolean;
  updatedAt: string | null;
}

export interface TemplateDetail extends TemplateSummary {
  subject: string;
  body: string;
  defaultSubject: string;
  defaultBody: string;
  variables: VariableInfo[];
  versions: { version: number; createdAt: string; customised: boolean }[];
  /** The tone check of the template as it stands (checked again on every save). */
  tone: ToneReport;
}

/** What a letter needs beyond the ledger: a plan's schedule, an agency, the final step. */
const extras = {
  /** A queue item: the letter covers that step's invoices. */
  itemId: id.optional(),
  promiseId: id.optional(),
  disputeId: id.optional(),
  /** A saved payment plan: the letter speaks of it (its schedule, hardship or not). */
  planId: id.optional(),
  plan: z
    .object({
      currency: currencyCode,
      frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
      instalments: z
        .array(z.object({ date: calendarDate, amount: positiveAmount }).strict())
        .min(1, 'A plan has at least one instalment.')
        .max(520),
      missed: z.object({ date: calendarDate, amount: positiveAmount }).strict().optional(),
    })
    .strict()
    .optional(),
  agency: z
    .object({
      name: text(200, 'agency name').min(1, 'Please name the agency.'),
      contact: text(500, 'agency contact').min(1, "Please give the agency's contact details."),
      payDirectUntil: calendarDate,
    })
    .strict()
    .optional(),
  nextStep: z
    .object({
      text: text(300, 'next step').min(1, 'Please say what the next step is.'),
      date: calendarDate,
    })
    .strict()
    .optional(),
  /** The statement a statement letter goes with (the last three whole months when left out). */
  statement: z
    .object({ from: calendarDate, to: calendarDate, currency: currencyCode.optional() })
    .strict()
    .refine((period) => period.from <= period.to, {
      message: 'The period has to start on or before the day it ends.',
      path: ['from'],
    })
    .optional(),
};

export const draftSchema = z
  .object({
    customerId: id,
    occasion,
    /** An unsaved template to preview instead of the saved one. */
    subject: templateText('subject').optional(),
    body: templateText('body').optional(),
    ...extras,
  })
  .strict()
  .refine((input) => (input.subject === undefined) === (input.body === undefined), {
    message: 'A preview needs both the subject and the body.',
    path: ['body'],
  });
export type DraftInput = z.output<typeof draftSchema>;

export interface LetterDraft {
  occasion: Occasion;
  customerId: number;
  locale: string;
  subject: string;
  text: string;
  html: string;
  variablesUsed: string[];
  /** The invoices the letter is about. */
  invoiceNumbers: string[];
  date: CalendarDate;
  /** The tone check of the subject and text as they will go. */
  tone: ToneReport;
}

export const letterMethods = {
  'letters.templates': method(emptyInput).returns<TemplateSummary[]>(),
  'letters.template': method(z.object({ occasion }).strict()).returns<TemplateDetail>(),
  'letters.saveTemplate': method(
    z.object({ occasion, subject: templateText('subject'), body: templateText('body') }).strict(),
  ).returns<TemplateDetail>(),
  'letters.resetTemplate': method(z.object({ occasion }).strict()).returns<TemplateDetail>(),
  'letters.draft': method(draftSchema).returns<LetterDraft>(),
  'letters.pdf': method(draftSchema).returns<DocumentFile>(),
};
