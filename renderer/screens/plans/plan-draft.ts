/**
 * The plan builder's values, as typed, and what they mean: amounts read with parseAmount (never
 * floats) into the API's terms, and where each of the API's field messages goes on the form.
 * The schedule itself is never worked out here: it comes from `plans.preview`.
 */
import type { InputOf } from '../../../shared/api/contract';
import type { FieldIssue } from '../../../shared/api/errors';
import { addMonths, type CalendarDate } from '../../../shared/dates';
import { parseAmount } from '../../../shared/money';
import type { PlanFrequency } from '../../../shared/plans/schedule';
import { amountProblem } from '../../components/amount-messages';
import { firstRunValues, readRunTerms, type PlanRunValues, type RunTerms } from './plan-run';

/** How the owner sizes the payments: how many there are, or how much each is. */
export type SizeBy = 'count' | 'amount';

export interface PlanFormValues extends PlanRunValues {
  customerId: string;
  currency: string;
  /** The chosen invoices' ids, as strings (checkbox values). */
  invoiceIds: string[];
  deposit: string;
  sizeBy: SizeBy;
  count: string;
  amount: string;
  frequency: PlanFrequency;
  firstDue: string;
  /** Round each payment to a multiple of this many major units; '' for exact amounts. */
  roundTo: string;
  hardship: boolean;
}

/** A new plan's form: three monthly payments from a month today, run the usual way; the owner changes freely. */
export function firstPlanValues(today: CalendarDate, customerId?: number): PlanFormValues {
  return {
    customerId: customerId ? String(customerId) : '',
    currency: '',
    invoiceIds: [],
    deposit: '',
    sizeBy: 'count',
    count: '3',
    amount: '',
    frequency: 'monthly',
    firstDue: addMonths(today, 1),
    roundTo: '',
    hardship: false,
    ...firstRunValues(),
  };
}

/** The rounding the builder offers, in major units of the plan's currency. */
export const roundingChoices = ['1', '5', '10', '50'] as const;

export type PlanTermsInput = InputOf<'plans.create'>;

/** What the form's values say: the API's input and the preview of its payments, or what stops them. */
export type PlanDraftOf<Input> =
  | { ok: true; input: Input; preview: InputOf<'plans.preview'> }
  /** `incomplete`: nothing to ask about yet (no customer, no invoice, no size), said kindly. */
  | { ok: false; issues: FieldIssue[]; incomplete: string | null };

export type PlanDraft = PlanDraftOf<PlanTermsInput>;

function amountIssue(field: string, text: string, currency: string, allowZero: boolean) {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) return { issue: { field, message: amountProblem(parsed.reason, currency) } };
  if (parsed.minor < 0 || (!allowZero && parsed.minor === 0)) {
    return {
      issue: {
        field,
        message: allowZero ? 'Please enter zero or more.' : 'Please enter an amount above zero.',
      },
    };
  }
  return { minor: parsed.minor };
}

/** The API's terms for what the form holds, or what stops the form from asking yet. */
export function toPlanTerms(values: PlanFormValues): PlanDraft {
  const customerId = Number(values.customerId);
  if (!values.customerId || !Number.isSafeInteger(customerId) || customerId <= 0) {
    return { ok: false, issues: [], incomplete: 'Choose a customer to start.' };
  }
  if (values.invoiceIds.length === 0) {
    return {
      ok: false,
      issues: [],
      incomplete: 'Choose the invoices the plan covers to see the payments.',
    };
  }
  const sizeText = values.sizeBy === 'count' ? values.count : values.amount;
  if (sizeText.trim() === '') {
    return {
      ok: false,
      issues: [],
      incomplete:
        values.sizeBy === 'count'
          ? 'Say how many payments to see them.'
          : 'Say how much each payment is to see them.',
    };
  }

  const read = readTerms(values);
  if (!read.ok) return { ok: false, issues: read.issues, incomplete: null };
  const input: PlanTermsInput = {
    customerId,
    invoiceIds: values.invoiceIds.map(Number),
    currency: values.currency,
    ...read.terms,
    ...read.run,
  };
  return { ok: true, input, preview: toPreviewInput(input) };
}

/** The terms every plan has, read from the form: dates, how often, sizes and hardship. */
interface SharedTerms {
  frequency: PlanFormValues['frequency'];
  firstDue: string;
  deposit?: number;
  count?: number;
  amount?: number;
  roundTo?: number;
  hardship?: true;
}

function readTerms(
  values: PlanFormValues,
): { ok: true; terms: SharedTerms; run: RunTerms } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const { currency } = values;
  let deposit: number | undefined;
  if (values.deposit.trim() !== '') {
    const read = amountIssue('deposit', values.deposit, currency, true);
    if (read.issue) issues.push(read.issue);
    else if (read.minor > 0) deposit = read.minor;
  }
  let count: number | undefined;
  let amount: number | undefined;
  if (values.sizeBy === 'count') {
    const text = values.count.trim();
    if (!/^\d{1,6}$/.test(text)) {
      issues.push({
        field: 'count',
        message: 'Please give the number of payments as a whole number.',
      });
    } else {
      count = Number(text);
    }
  } else {
    const read = amountIssue('amount', values.amount, currency, false);
    if (read.issue) issues.push(read.issue);
    else amount = read.minor;
  }
  let roundTo: number | undefined;
  if (values.sizeBy === 'count' && values.roundTo !== '') {
    const read = amountIssue('roundTo', values.roundTo, currency, false);
    if (read.issue) issues.push(read.issue);
    else roundTo = read.minor;
  }
  const run = readRunTerms(values, values);
  if (!run.ok) issues.push(...run.issues);
  if (issues.length > 0 || !run.ok) return { ok: false, issues };
  return {
    ok: true,
    run: run.terms,
    terms: {
      frequency: values.frequency,
      firstDue: values.firstDue,
      ...(deposit !== undefined ? { deposit } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(amount !== undefined ? { amount } : {}),
      ...(roundTo !== undefined ? { roundTo } : {}),
      ...(values.hardship ? { hardship: true as const } : {}),
    },
  };
}

export type RenegotiateDraft = PlanDraftOf<InputOf<'plans.renegotiate'>>;

/** New terms for what is left of a plan: the API's input, and the preview over that amount. */
export function toRenegotiateTerms(
  values: PlanFormValues,
  plan: { id: number; remaining: number; currency: string },
): RenegotiateDraft {
  const sizeText = values.sizeBy === 'count' ? values.count : values.amount;
  if (sizeText.trim() === '') {
    return {
      ok: false,
      issues: [],
      incomplete: 'Say how many payments, or how much each, to see them.',
    };
  }
  const read = readTerms({ ...values, currency: plan.currency });
  if (!read.ok) return { ok: false, issues: read.issues, incomplete: null };
  const { hardship: _, ...previewTerms } = read.terms;
  return {
    ok: true,
    // Hardship said either way: left out, the new plan would keep the old plan's.
    input: { planId: plan.id, ...read.terms, hardship: values.hardship, ...read.run },
    preview: { total: plan.remaining, currency: plan.currency, ...previewTerms },
  };
}

/** The preview's input: the terms without what only the agreement and the plan use. */
export function toPreviewInput(terms: PlanTermsInput): InputOf<'plans.preview'> {
  const { hardship: _, ...agreement } = toAgreementInput(terms);
  return agreement;
}

/** The agreement's input: the terms without how the plan runs once saved. */
export function toAgreementInput(terms: PlanTermsInput): InputOf<'plans.agreementPdf'> {
  const { activation: _, checkInDays: __, graceDays: ___, pauseUntil: ____, ...agreement } = terms;
  return agreement;
}

/** Where the form shows an API field's message; null for the form as a whole. */
export function planFieldOf(apiField: string): keyof PlanFormValues | null {
  const top = apiField.split('.')[0] ?? '';
  switch (top) {
    case 'customerId':
    case 'currency':
    case 'deposit':
    case 'count':
    case 'amount':
    case 'frequency':
    case 'firstDue':
    case 'roundTo':
    case 'hardship':
    case 'activation':
    case 'checkInDays':
    case 'graceDays':
    case 'pauseUntil':
      return top;
    // The total comes from the invoices chosen, so a problem with it is theirs.
    case 'invoiceIds':
    case 'total':
      return 'invoiceIds';
    default:
      return null;
  }
}

/** Field messages by form field, the first for each; the rest for the form as a whole. */
export function issuesByField(issues: readonly FieldIssue[]): {
  fields: Partial<Record<keyof PlanFormValues, string>>;
  elsewhere: string[];
} {
  const fields: Partial<Record<keyof PlanFormValues, string>> = {};
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const field = planFieldOf(issue.field);
    if (field === null) elsewhere.push(issue.message);
    else fields[field] ??= issue.message;
  }
  return { fields, elsewhere };
}
