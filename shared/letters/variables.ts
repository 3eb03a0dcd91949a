/**
 * The variables each occasion's template may use, and the view that fills them. Amounts and
 * dates are formatted for the customer's locale here, once; a template only places them.
 *
 * Tables (`invoiceTable`, `planSchedule`, `statementTable`) and the payment instructions are
 * blocks: in the view they are markers, which each output (plain text, HTML, printed letter)
 * replaces with its own form of the table. So `{{invoiceTable}}` and `{{{invoiceTable}}}`
 * behave the same, and the owner never writes HTML.
 */
import { agingBuckets, type AgingBucket } from '../aging';
import { formatCalendarDate } from '../date-format';
import { daysBetween } from '../dates';
import { formatMoney } from '../money';
import { lateChargesBasis, waiverNote } from './late-charges';
import type { LetterData, LetterStatement } from './letter-data';
import { isHardshipPlanOccasion, type Occasion } from './occasions';

export interface VariableInfo {
  name: string;
  /** What it holds, for the template editor's list. */
  about: string;
  /** A list to loop over with `{{#name}}…{{/name}}`, with these fields inside. */
  fields?: string[];
}

const common: VariableInfo[] = [
  { name: 'business.name', about: 'Your business name' },
  { name: 'business.address', about: 'Your address' },
  { name: 'business.email', about: 'Your email address' },
  { name: 'business.phone', about: 'Your phone number' },
  { name: 'customer.name', about: 'The customer' },
  {
    name: 'customer.greetingName',
    about: 'Who the letter greets: the contact person, else the customer',
  },
  { name: 'customer.address', about: "The customer's postal address" },
  { name: 'date', about: "Today's date" },
  { name: 'howToPay', about: 'Every way to pay, from your settings (a block)' },
  { name: 'invoiceTable', about: 'The table of open invoices (a block)' },
  {
    name: 'invoices',
    about: 'Each invoice the letter is about',
    fields: ['number', 'issueDate', 'dueDate', 'amountOpen', 'total', 'daysOverdue', 'lateness'],
  },
  { name: 'invoiceCount', about: 'How many invoices' },
  { name: 'severalInvoices', about: 'True when there is more than one invoice' },
  { name: 'invoiceNumbers', about: 'The invoice numbers, in a sentence' },
  { name: 'totalOpen', about: 'The total still open, per currency' },
  { name: 'totals', about: 'The open total in each currency', fields: ['amount'] },
  { name: 'oldest.number', about: 'The most overdue invoice' },
  { name: 'oldest.dueDate', about: 'Its due date' },
  { name: 'oldest.daysOverdue', about: 'How many days overdue it is' },
  {
    name: 'paymentsReceived',
    about: 'Payments received since the last contact',
    fields: ['date', 'amount', 'reference'],
  },
  { name: 'hasPaymentsReceived', about: 'True when something was paid since the last contact' },
  { name: 'receivedTotal', about: 'What was paid since the last contact' },
  { name: 'hasLateCharges', about: 'True when late-payment charges you claimed are still owed' },
  { name: 'lateChargesTotal', about: 'The late-payment charges still owed' },
  { name: 'lateChargesWorkings', about: 'How each charge was worked out (a block)' },
  { name: 'lateChargesBasis', about: 'The terms or law the charges come from, in a sentence' },
  { name: 'hasWaiver', about: 'True when you waived a charge since the last contact' },
  { name: 'waiverNote', about: 'A kind sentence saying what you waived' },
];

const promise: VariableInfo[] = [
  { name: 'promise.amount', about: 'The amount promised' },
  { name: 'promise.date', about: 'The date promised' },
];

const plan: VariableInfo[] = [
  { name: 'plan.total', about: 'The total the plan covers' },
  { name: 'plan.count', about: 'How many instalments' },
  { name: 'plan.frequency', about: 'weekly, fortnightly or monthly' },
  { name: 'plan.firstDate', about: 'The first instalment date' },
  { name: 'plan.lastDate', about: 'The last instalment date' },
  { name: 'plan.firstAmount', about: 'The first instalment' },
  { name: 'planSchedule', about: 'The table of instalments (a block)' },
  { name: 'instalments', about: 'Each instalment', fields: ['number', 'date', 'amount'] },
  { name: 'plan.hardship', about: 'Shown only for a hardship plan (a section)' },
  {
    name: 'adviceLine',
    about: "Free debt advice where the customer lives (a hardship plan's letters)",
  },
];

const extra: Record<Occasion, VariableInfo[]> = {
  courtesy: [],
  slipped: [],
  reminder: [],
  check_in: [],
  firm: [{ name: 'terms', about: 'The payment terms, as the invoices state them' }],
  final: [
    { name: 'nextStep.text', about: 'The one real next step' },
    { name: 'nextStep.date', about: 'When it will happen' },
  ],
  agency_notice: [
    { name: 'agency.name', about: 'The agency' },
    { name: 'agency.contact', about: "The agency's contact details" },
    { name: 'agency.payDirectUntil', about: 'Until when the customer can still pay you directly' },
  ],
  thank_you: [],
  promise_confirmation: promise,
  promise_broken: promise,
  plan_confirmation: plan,
  plan_check_in: [
    ...plan,
    { name: 'plan.nextAmount', about: 'The payment coming up' },
    { name: 'plan.nextDate', about: 'When it is due' },
  ],
  plan_missed: [
    ...plan,
    { name: 'plan.missedAmount', about: 'The instalment that was missed' },
    { name: 'plan.missedDate', about: 'When it was due' },
  ],
  plan_completed: plan,
  plan_confirmation_hardship: plan,
  plan_check_in_hardship: [
    ...plan,
    { name: 'plan.nextAmount', about: 'The payment coming up' },
    { name: 'plan.nextDate', about: 'When it is due' },
  ],
  plan_missed_hardship: [
    ...plan,
    { name: 'plan.missedAmount', about: 'The instalment that was missed' },
    { name: 'plan.missedDate', about: 'When it was due' },
  ],
  plan_completed_hardship: plan,
  hardship: [{ name: 'adviceLine', about: 'Free debt advice where the customer lives' }],
  dispute_ack: [{ name: 'dispute.reason', about: 'What the customer raised' }],
  statement: [
    {
      name: 'statementTable',
      about:
        'The statement in short: opening and closing balance, how late what is open is (a block)',
    },
    { name: 'statement.from', about: 'The first day the statement covers' },
    { name: 'statement.asOf', about: 'The day the statement is made up to' },
    { name: 'statement.opening', about: 'What was owed before the first day, per currency' },
    { name: 'statement.closing', about: 'What is owed on the last day, per currency' },
    { name: 'statement.aging', about: 'How late what is open is, in a sentence' },
  ],
};

export function variablesFor(occasion: Occasion): VariableInfo[] {
  return [...common, ...extra[occasion]];
}

/** Blocks: placed on a line of their own, drawn as a table or a block by each output. */
export const blockNames = [
  'invoiceTable',
  'planSchedule',
  'statementTable',
  'howToPay',
  'lateChargesWorkings',
] as const;
export type BlockName = (typeof blockNames)[number];

/** The marker standing for a block in rendered text until the output replaces it. */
export function blockMarker(name: BlockName): string {
  return `\uE000${name}\uE000`;
}
export const blockMarkerPattern =
  /\uE000(invoiceTable|planSchedule|statementTable|howToPay|lateChargesWorkings)\uE000/g;

/** Free debt advice, where the customer's locale says they live. */
const adviceLines: Record<string, string> = {
  'en-GB': 'MoneyHelper (moneyhelper.org.uk, 0800 138 7777), StepChange or Citizens Advice',
  'en-US': 'a nonprofit credit counselor through the NFCC (nfcc.org, 1-800-388-2227)',
  'en-AU': 'the National Debt Helpline (ndh.org.au, 1800 007 007)',
  'en-NZ': 'MoneyTalks (moneytalks.co.nz, 0800 345 123)',
  'en-IE': 'MABS (mabs.ie, 0818 07 2000)',
  'en-CA': 'a non-profit credit counsellor (creditcounsellingcanada.ca)',
};

function listInWords(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function lateness(days: number): string {
  if (days > 1) return `${days} days overdue`;
  if (days === 1) return '1 day overdue';
  if (days === 0) return 'due today';
  return days === -1 ? 'due tomorrow' : `due in ${-days} days`;
}

/** The values a template is rendered with. */
export function buildView(data: LetterData, occasion: Occasion): Record<string, unknown> {
  const { locale } = data;
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const date = (value: string) => formatCalendarDate(value, locale);
  const invoices = [...data.invoices].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number.localeCompare(b.number),
  );
  const totals = new Map<string, number>();
  for (const invoice of invoices) {
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.open);
  }
  const totalList = [...totals].map(([currency, amount]) => money(amount, currency));
  const received = new Map<string, number>();
  for (const payment of data.paymentsReceived) {
    received.set(payment.currency, (received.get(payment.currency) ?? 0) + payment.amount);
  }
  const oldest = invoices[0];
  const view: Record<string, unknown> = {
    business: {
      name: data.business.name,
      address: data.business.address,
      email: data.business.email,
      phone: data.business.phone,
    },
    customer: {
      name: data.customer.name,
      greetingName: data.customer.contactPerson.trim() || data.customer.name,
      address: data.customer.address,
    },
    date: date(data.today),
    howToPay: blockMarker('howToPay'),
    invoiceTable: blockMarker('invoiceTable'),
    invoices: invoices.map((invoice) => {
      const late = daysBetween(invoice.dueDate, data.today);
      return {
        number: invoice.number,
        issueDate: date(invoice.issueDate),
        dueDate: date(invoice.dueDate),
        amountOpen: money(invoice.open, invoice.currency),
        total: money(invoice.total, invoice.currency),
        daysOverdue: String(Math.max(0, late)),
        lateness: lateness(late),
      };
    }),
    invoiceCount: String(invoices.length),
    severalInvoices: invoices.length > 1,
    invoiceNumbers: invoices.length
      ? listInWords(
          invoices.map((i) => i.number),
          locale,
        )
      : undefined,
    totalOpen: totalList.length ? listInWords(totalList, locale) : undefined,
    totals: totalList.map((amount) => ({ amount })),
    oldest: oldest
      ? {
          number: oldest.number,
          dueDate: date(oldest.dueDate),
          daysOverdue: String(Math.max(0, daysBetween(oldest.dueDate, data.today))),
        }
      : undefined,
    paymentsReceived: data.paymentsReceived.map((payment) => ({
      date: date(payment.date),
      amount: money(payment.amount, payment.currency),
      reference: payment.reference,
    })),
    hasPaymentsReceived: data.paymentsReceived.length > 0,
    receivedTotal: received.size
      ? listInWords(
          [...received].map(([currency, amount]) => money(amount, currency)),
          locale,
        )
      : undefined,
  };
  const charges = data.lateCharges?.claims.filter((claim) => claim.open > 0) ?? [];
  if (charges.length > 0) {
    const owed = new Map<string, number>();
    for (const claim of charges)
      owed.set(claim.currency, (owed.get(claim.currency) ?? 0) + claim.open);
    view.hasLateCharges = true;
    view.lateChargesTotal = listInWords(
      [...owed].map(([currency, amount]) => money(amount, currency)),
      locale,
    );
    view.lateChargesWorkings = blockMarker('lateChargesWorkings');
    view.lateChargesBasis = lateChargesBasis(charges, locale);
  } else {
    view.hasLateCharges = false;
  }
  const waivers = data.lateCharges?.waivers ?? [];
  view.hasWaiver = waivers.length > 0;
  if (waivers.length > 0) view.waiverNote = waiverNote(waivers, locale);
  if (occasion === 'firm') view.terms = data.terms;
  if (data.promise) {
    view.promise = {
      amount: money(data.promise.amount, data.promise.currency),
      date: date(data.promise.date),
    };
  }
  if (data.plan) {
    const { plan } = data;
    const first = plan.instalments[0];
    const last = plan.instalments.at(-1);
    view.plan = {
      total: money(plan.total, plan.currency),
      count: String(plan.instalments.length),
      frequency: plan.frequency,
      firstDate: first ? date(first.date) : undefined,
      lastDate: last ? date(last.date) : undefined,
      firstAmount: first ? money(first.amount, plan.currency) : undefined,
      missedAmount: plan.missed ? money(plan.missed.amount, plan.currency) : undefined,
      missedDate: plan.missed ? date(plan.missed.date) : undefined,
      nextAmount: plan.next ? money(plan.next.amount, plan.currency) : undefined,
      nextDate: plan.next ? date(plan.next.date) : undefined,
      hardship: plan.hardship === true || isHardshipPlanOccasion(occasion),
    };
    if (plan.hardship || isHardshipPlanOccasion(occasion))
      view.adviceLine = adviceLines[locale] ?? adviceLines['en-GB'];
    view.planSchedule = blockMarker('planSchedule');
    view.instalments = plan.instalments.map((instalment, index) => ({
      number: String(index + 1),
      date: date(instalment.date),
      amount: money(instalment.amount, plan.currency),
    }));
  }
  if (data.dispute) view.dispute = { reason: data.dispute.reason };
  if (data.agency) {
    view.agency = {
      name: data.agency.name,
      contact: data.agency.contact,
      payDirectUntil: date(data.agency.payDirectUntil),
    };
  }
  if (data.nextStep) {
    view.nextStep = { text: data.nextStep.text, date: date(data.nextStep.date) };
  }
  if (occasion === 'hardship') view.adviceLine = adviceLines[locale] ?? adviceLines['en-GB'];
  if (occasion === 'statement') view.statementTable = blockMarker('statementTable');
  if (data.statement) view.statement = statementView(data.statement, locale);
  return view;
}

const agingWords: Record<AgingBucket, string> = {
  current: 'not yet due',
  d1_30: '1 to 30 days overdue',
  d31_60: '31 to 60 days overdue',
  d61_90: '61 to 90 days overdue',
  d90_plus: 'over 90 days overdue',
};

function statementView(statement: LetterStatement, locale: string) {
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const perCurrency = (pick: (s: LetterStatement['sections'][number]) => number) =>
    statement.sections.length
      ? listInWords(
          statement.sections.map((s) => money(pick(s), s.currency)),
          locale,
        )
      : 'nothing';
  const parts: string[] = [];
  let overdue = false;
  for (const section of statement.sections) {
    for (const bucket of agingBuckets) {
      const amount = section.aging[bucket];
      if (amount <= 0) continue;
      if (bucket !== 'current') overdue = true;
      parts.push(`${money(amount, section.currency)} is ${agingWords[bucket]}`);
    }
  }
  let aging: string;
  if (parts.length === 0) aging = 'Nothing on the account is open.';
  else if (!overdue) aging = 'None of what is open is overdue yet.';
  else aging = `Of what is open, ${listInWords(parts, locale)}.`;
  return {
    from: formatCalendarDate(statement.from, locale),
    asOf: formatCalendarDate(statement.to, locale),
    opening: perCurrency((s) => s.opening),
    closing: perCurrency((s) => s.closing),
    aging,
  };
}
