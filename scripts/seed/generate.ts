/**
 * The sample ledger, made in memory: customers, their invoices over about four and a half
 * years before "today", and what happened to each invoice since (payments allocated oldest
 * due first, a few credit notes, write-offs and refunds). Deterministic: the same options give
 * the same ledger, row for row.
 *
 * How it behaves like a real one:
 * - a few customers bring most of the invoices (log-normal sizes); some start later, some stop;
 * - each customer invoices mostly in one currency (GBP, some EUR or USD) on its usual terms;
 * - each customer pays in its own way: promptly, a little late, slowly, very slowly, or stops
 *   paying one day (those debts end up over 90 days, and some are written off);
 * - a payment settles the invoices that fell due since the last one (a remittance), or part of
 *   them, or catches up on everything owed, now and then paying too much: that excess stays
 *   as unapplied credit, and some of it is refunded;
 * - payments are shared among the accounts in proportion to the invoices that have fallen due
 *   for payment; with fewer payments than invoices, one payment usually settles several;
 * - a few invoices are drafts (recent) or void;
 * - so what is still open is mostly recent, with a tail of old debts, as in a real business
 *   (about 5% of invoices at the benchmark's scale; a stress test would have far more).
 * `invoices.settled_amount` is kept equal to its allocations, credit notes and write-offs.
 */
import { allocateOldestFirst, type OpenInvoice } from '../../shared/allocation';
import type { CalendarDate } from '../../shared/dates';
import { invoiceTotals, type InvoiceLineInput } from '../../shared/invoices';
import type { CustomerKind, TermsKind } from '../../electron/db/schema';
import {
  companySuffixes,
  creditNoteReasons,
  customerTags,
  emailDomains,
  firstNames,
  lastNames,
  lineTemplates,
  paymentMethods,
  placeWords,
  streets,
  towns,
  tradeWords,
  writeOffReasons,
  type LineTemplate,
} from './names';
import { createRandom, type Random } from './random';

export interface LedgerSize {
  customers: number;
  invoices: number;
  payments: number;
}

export interface GenerateOptions extends LedgerSize {
  seed: number;
  /** The business's "today": nothing is dated after it. */
  today: CalendarDate;
}

export type Day = number;

export interface SeedCustomer {
  id: number;
  name: string;
  company: string;
  kind: CustomerKind;
  contactPerson: string;
  email: string;
  phone: string;
  address: string;
  locale: string | null;
  tags: string[];
  notes: string;
  doNotContact: { reason: string } | null;
  creditHoldReason: string | null;
  createdDay: Day;
}

export interface SeedLine {
  description: string;
  quantity: string;
  unitPrice: number;
  taxRate: string | null;
  net: number;
  tax: number;
}

export interface SeedInvoice {
  id: number;
  customerId: number;
  number: string;
  currency: string;
  issueDay: Day;
  dueDay: Day;
  termsKind: TermsKind;
  termsDays: number;
  discount: { percent: string; days: number } | null;
  notes: string;
  lines: SeedLine[];
  net: number;
  tax: number;
  total: number;
  /** Allocations + credit notes + write-offs. */
  settled: number;
  draft: boolean;
  voidDay: Day | null;
  /** The last day anything changed it, for `updated_at`. */
  lastChangeDay: Day;
}

export interface SeedPayment {
  id: number;
  customerId: number;
  currency: string;
  day: Day;
  amount: number;
  method: string;
  reference: string;
  /** What is left after allocations and refunds. */
  unapplied: number;
}

export interface SeedAllocation {
  payment: SeedPayment;
  invoiceId: number;
  amount: number;
}

export interface SeedReduction {
  invoice: SeedInvoice;
  day: Day;
  amount: number;
  reason: string;
}

export interface SeedRefund {
  payment: SeedPayment;
  day: Day;
  amount: number;
  method: string;
}

export interface SeedLedger {
  today: Day;
  customers: SeedCustomer[];
  invoices: SeedInvoice[];
  payments: SeedPayment[];
  allocations: SeedAllocation[];
  creditNotes: SeedReduction[];
  writeOffs: SeedReduction[];
  refunds: SeedRefund[];
}

// ---------------------------------------------------------------------------------------
// Days: whole days since 1970-01-01, so the generator adds and compares integers.

const msPerDay = 86_400_000;

export function dayOf(date: CalendarDate): Day {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / msPerDay);
}

const dateCache = new Map<Day, CalendarDate>();

export function dateOf(day: Day): CalendarDate {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = new Date(day * msPerDay).toISOString().slice(0, 10);
    dateCache.set(day, date);
  }
  return date;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekdayOf = (day: Day) => (((day + 4) % 7) + 7) % 7;

/** Invoices go out on working days: Saturday moves back to Friday, Sunday on to Monday. */
function workingDay(day: Day): Day {
  const weekday = weekdayOf(day);
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day + 1;
  return day;
}

/** 4.5 years of history before today. */
export const historyDays = Math.round(4.5 * 365.25);

// ---------------------------------------------------------------------------------------
// Splitting whole numbers in proportion.

/**
 * Splits `total` into whole shares proportional to `weights` (largest remainder, ties to the
 * earlier index), each at least `floor` when the total allows it.
 */
export function apportion(total: number, weights: readonly number[], floor = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = floor * n <= total ? floor : 0;
  const shares = new Array<number>(n).fill(base);
  const rest = total - base * n;
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (rest === 0 || weightSum <= 0) return shares;
  const remainders: { index: number; fraction: number }[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (rest * weights[i]!) / weightSum;
    const whole = Math.floor(exact);
    shares[i]! += whole;
    given += whole;
    if (weights[i]! > 0) remainders.push({ index: i, fraction: exact - whole });
  }
  remainders.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; given < rest; i++, given++)
    shares[remainders[i % remainders.length]!.index]! += 1;
  return shares;
}

// ---------------------------------------------------------------------------------------
// Customers.

type PayerProfile = 'prompt' | 'usual' | 'slow' | 'very_slow' | 'stops_paying';

interface CustomerPlan {
  customer: SeedCustomer;
  profile: PayerProfile;
  /** Stops paying after this day (only `stops_paying`). */
  stopDay: Day;
  mainCurrency: string;
  secondCurrency: string | null;
  secondShare: number;
  terms: { kind: TermsKind; days: number };
  discount: SeedInvoice['discount'];
  firstDay: Day;
  lastDay: Day;
  weight: number;
}

const profileWeights: readonly (readonly [PayerProfile, number])[] = [
  ['prompt', 40],
  ['usual', 33],
  ['slow', 18],
  ['very_slow', 6],
  ['stops_paying', 3],
];

/** Days after the due date a customer of this profile pays. */
function lateness(random: Random, profile: PayerProfile): number {
  switch (profile) {
    case 'prompt':
      return random.int(-10, 3);
    case 'usual':
      return random.int(-3, 21);
    case 'slow':
      return random.int(10, 60);
    case 'very_slow':
      return random.int(40, 150);
    case 'stops_paying':
      return random.int(15, 75);
  }
}

const termsChoices: readonly (readonly [{ kind: TermsKind; days: number }, number])[] = [
  [{ kind: 'net', days: 7 }, 10],
  [{ kind: 'net', days: 14 }, 20],
  [{ kind: 'net', days: 30 }, 45],
  [{ kind: 'net', days: 45 }, 8],
  [{ kind: 'net', days: 60 }, 7],
  [{ kind: 'end_of_month', days: 14 }, 10],
];

function dueDay(issue: Day, terms: { kind: TermsKind; days: number }): Day {
  if (terms.kind === 'end_of_month') {
    const date = new Date(issue * msPerDay);
    const monthEnd = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / msPerDay;
    return monthEnd + terms.days;
  }
  return issue + terms.days;
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

function makeCustomer(random: Random, id: number, today: Day): CustomerPlan {
  const kind = random.weighted<CustomerKind>([
    ['company', 55],
    ['sole_trader', 30],
    ['consumer', 15],
  ]);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const person = `${first} ${last}`;
  let name = person;
  let company = '';
  if (kind === 'company') {
    const trade = random.pick(tradeWords);
    name = random.chance(0.5)
      ? `${random.pick(placeWords)} ${trade} ${random.pick(companySuffixes)}`
      : `${last} ${trade} ${random.pick(companySuffixes)}`;
    company = name;
  } else if (kind === 'sole_trader' && random.chance(0.6)) {
    company = `${first} ${last} ${random.pick(tradeWords)}`;
  }
  const mailbox =
    kind === 'company' ? random.pick(['accounts', 'finance', slug(first)]) : slug(first);
  const domain =
    kind === 'company'
      ? `${slug(name).slice(0, 20)}.${random.pick(emailDomains)}`
      : random.pick(emailDomains);
  const email =
    kind === 'company' ? `${mailbox}@${domain}` : `${slug(first)}.${slug(last)}${id}@${domain}`;
  const [town, postcode] = random.pick(towns);
  const letter = () => String.fromCharCode(65 + random.int(0, 25));
  const address = `${random.int(1, 240)} ${random.pick(streets)}\n${town}\n${postcode} ${random.int(1, 9)}${letter()}${letter()}`;
  const phone = `0${random.int(1100, 7999)} ${String(random.int(0, 999999)).padStart(6, '0')}`;

  const mainCurrency = random.weighted([
    ['GBP', 90],
    ['EUR', 7],
    ['USD', 3],
  ]);
  const secondCurrency = random.chance(0.12)
    ? mainCurrency === 'GBP'
      ? random.pick(['EUR', 'EUR', 'USD'])
      : 'GBP'
    : null;
  const locale = mainCurrency === 'EUR' ? 'en-IE' : mainCurrency === 'USD' ? 'en-US' : null;

  const start = today - historyDays;
  // Most customers have been there from the start; others arrive over the years.
  const firstDay = random.chance(0.6)
    ? start + random.int(0, 90)
    : start + random.int(0, historyDays - 30);
  const lastDay = random.chance(0.15) ? random.int(Math.min(firstDay + 90, today), today) : today;
  // Log-normal (σ = 1): a few customers bring a large share of the invoices.
  const size = Math.exp(random.normal());
  const weight = (size * (lastDay - firstDay + 1)) / historyDays;

  const profile = random.weighted(profileWeights);
  const customer: SeedCustomer = {
    id,
    name,
    company,
    kind,
    contactPerson: kind === 'company' ? person : '',
    email,
    phone,
    address,
    locale,
    tags: random.chance(0.3) ? [random.pick(customerTags)] : [],
    notes: random.chance(0.05) ? 'Prefers a phone call to an email.' : '',
    doNotContact: random.chance(0.01)
      ? { reason: 'Asked not to be contacted; writes to us.' }
      : null,
    creditHoldReason:
      profile === 'stops_paying' || (profile === 'very_slow' && random.chance(0.3))
        ? 'Over the credit limit.'
        : null,
    createdDay: firstDay - random.int(0, 20),
  };
  return {
    customer,
    profile,
    stopDay: random.int(start + 365, today - 60),
    mainCurrency,
    secondCurrency,
    secondShare: random.next() * 0.2 + 0.1,
    terms: kind === 'consumer' ? { kind: 'net', days: 14 } : random.weighted(termsChoices),
    discount: random.chance(0.05) ? { percent: '2', days: 10 } : null,
    firstDay,
    lastDay,
    weight,
  };
}

// ---------------------------------------------------------------------------------------
// Invoices.

function quantityFor(random: Random, template: LineTemplate): string {
  switch (template.quantity) {
    case 'hours': {
      const quarters = random.int(2, 64);
      const whole = Math.floor(quarters / 4);
      const rest = ['', '.25', '.5', '.75'][quarters % 4]!;
      return `${whole}${rest}`;
    }
    case 'units': {
      const [min, max] = random.weighted<readonly [number, number]>([
        [[1, 5], 6],
        [[6, 50], 3],
        [[51, 400], 1],
      ]);
      return String(random.int(min, max));
    }
    case 'once':
      return '1';
    case 'miles':
      return String(random.int(5, 250));
  }
}

function taxRateFor(random: Random, currency: string, kind: CustomerKind): string | null {
  if (currency !== 'GBP') return null; // Exports: no UK VAT charged.
  return random.weighted<string | null>([
    ['20', kind === 'consumer' ? 90 : 75],
    ['5', 5],
    ['0', 10],
    [null, 10],
  ]);
}

function makeLines(random: Random, currency: string, kind: CustomerKind): SeedLine[] {
  const count = random.weighted([
    [1, 45],
    [2, 30],
    [3, 15],
    [4, 10],
  ]);
  const inputs: InvoiceLineInput[] = [];
  for (let i = 0; i < count; i++) {
    const template = random.pick(lineTemplates);
    inputs.push({
      description: template.description,
      quantity: quantityFor(random, template),
      unitPrice: random.int(template.price[0], template.price[1]),
      taxRate: taxRateFor(random, currency, kind),
    });
  }
  // The app's own arithmetic, so totals follow its rounding rule (per line, half away from 0).
  const totals = invoiceTotals(inputs);
  return inputs.map((input, i) => ({
    description: input.description,
    quantity: input.quantity,
    unitPrice: input.unitPrice,
    taxRate: input.taxRate ?? null,
    net: totals.lines[i]!.net,
    tax: totals.lines[i]!.tax,
  }));
}

// ---------------------------------------------------------------------------------------
// What happened to the invoices: one customer and currency at a time, in date order.

type PaymentKind = 'remittance' | 'part' | 'catch_up' | 'overpaid' | 'instalment';

interface PlannedPayment {
  day: Day;
  kind: PaymentKind;
  /** The invoices it is for (remittance, part, catch-up, overpaid): indexes into `payable`. */
  upTo: number;
  from: number;
  /** For an instalment: its share of one invoice, or what is left of it for the last one. */
  instalment?: { invoice: SeedInvoice; share: number | 'rest' };
}

interface PlannedCredit {
  day: Day;
  invoice: SeedInvoice;
  fraction: number;
}

interface Account {
  plan: CustomerPlan;
  currency: string;
  invoices: SeedInvoice[];
}

interface Outcome {
  payments: SeedPayment[];
  allocations: SeedAllocation[];
  creditNotes: SeedReduction[];
  writeOffs: SeedReduction[];
  refunds: SeedRefund[];
}

/** k − 1 distinct cut points among the m − 1 gaps between m items, ascending. */
function cutPoints(random: Random, m: number, k: number): number[] {
  const gaps = Array.from({ length: m - 1 }, (_, i) => i + 1);
  for (let i = 0; i < k - 1; i++) {
    const j = i + Math.floor(random.next() * (gaps.length - i));
    [gaps[i], gaps[j]] = [gaps[j]!, gaps[i]!];
  }
  return gaps.slice(0, k - 1).sort((a, b) => a - b);
}

function payableInvoices(random: Random, account: Account, today: Day) {
  const { plan } = account;
  const payable: { invoice: SeedInvoice; day: Day }[] = [];
  for (const invoice of account.invoices) {
    if (invoice.draft || invoice.voidDay !== null) continue;
    const day = Math.max(invoice.issueDay, invoice.dueDay + lateness(random, plan.profile));
    if (plan.profile === 'stops_paying' && day > plan.stopDay) continue;
    if (day <= today) payable.push({ invoice, day });
  }
  return payable.sort((a, b) => a.day - b.day || a.invoice.id - b.invoice.id);
}

function simulateAccount(
  random: Random,
  account: Account,
  payable: { invoice: SeedInvoice; day: Day }[],
  paymentCount: number,
  today: Day,
  out: Outcome,
) {
  const { plan, currency } = account;
  const m = payable.length;

  // When each payment comes, and what for.
  const planned: PlannedPayment[] = [];
  if (paymentCount > 0 && paymentCount <= m) {
    const cuts = [...cutPoints(random, m, paymentCount), m];
    let from = 0;
    for (const upTo of cuts) {
      const kind = random.weighted<PaymentKind>([
        ['remittance', 78],
        ['part', 10],
        ['catch_up', 8],
        ['overpaid', 4],
      ]);
      planned.push({ day: payable[upTo - 1]!.day, kind, from, upTo });
      from = upTo;
    }
  } else if (paymentCount > m) {
    // More payments than invoices to pay: some invoices are paid in instalments.
    const counts = new Array<number>(m).fill(1);
    for (let extra = paymentCount - m; extra > 0; extra--) counts[random.int(0, m - 1)]! += 1;
    payable.forEach(({ invoice, day }, index) => {
      const parts = counts[index]!;
      const gap = random.int(7, 30);
      for (let part = 0; part < parts; part++) {
        planned.push({
          day: Math.min(today, day + part * gap),
          kind: 'instalment',
          from: index,
          upTo: index + 1,
          instalment: {
            invoice,
            share: part === parts - 1 ? 'rest' : Math.floor(invoice.total / parts),
          },
        });
      }
    });
  }

  // A few credit notes, a few days or weeks after the invoice.
  const credits: PlannedCredit[] = [];
  for (const invoice of account.invoices) {
    if (invoice.draft || invoice.voidDay !== null || !random.chance(0.012)) continue;
    const day = invoice.issueDay + random.int(3, 45);
    if (day > today) continue;
    credits.push({ day, invoice, fraction: random.pick([0.1, 0.25, 0.5, 1]) });
  }

  // Oldest due first, exactly as shared/allocation.ts orders them.
  const byDue = account.invoices
    .filter((invoice) => !invoice.draft && invoice.voidDay === null)
    .sort((a, b) => a.dueDay - b.dueDay || a.issueDay - b.issueDay || a.id - b.id);
  const byId = new Map(byDue.map((invoice) => [invoice.id, invoice] as const));
  const position = new Map(byDue.map((invoice, index) => [invoice, index] as const));
  const open = (invoice: SeedInvoice) => invoice.total - invoice.settled;
  // Settled invoices are skipped through pointers that jump past them (a union-find with path
  // compression; nothing reopens), so finding the oldest open invoice stays cheap even when an
  // old partly paid one sits in front of hundreds of paid ones.
  const skip = Array.from({ length: byDue.length + 1 }, (_, index) => index);
  const nextOpen = (from: number) => {
    let root = from;
    while (skip[root] !== root) root = skip[root]!;
    for (let at = from; at !== root;) {
      const next = skip[at]!;
      skip[at] = root;
      at = next;
    }
    return root;
  };
  const settle = (invoice: SeedInvoice, amount: number, day: Day) => {
    invoice.settled += amount;
    invoice.lastChangeDay = Math.max(invoice.lastChangeDay, day);
    if (open(invoice) === 0) {
      const index = position.get(invoice)!;
      skip[index] = index + 1;
    }
  };

  const allocate = (payment: SeedPayment) => {
    // Only the oldest open invoices the payment can reach; the same result as passing all.
    const candidates: OpenInvoice[] = [];
    let reach = 0;
    for (let i = nextOpen(0); i < byDue.length && reach < payment.amount; i = nextOpen(i + 1)) {
      const invoice = byDue[i]!;
      if (invoice.issueDay > payment.day) continue;
      candidates.push({
        invoiceId: invoice.id,
        dueDate: dateOf(invoice.dueDay),
        issueDate: dateOf(invoice.issueDay),
        open: open(invoice),
      });
      reach += open(invoice);
    }
    const plan = allocateOldestFirst(candidates, payment.amount);
    for (const allocation of plan.allocations) {
      settle(byId.get(allocation.invoiceId)!, allocation.amount, payment.day);
      out.allocations.push({ payment, invoiceId: allocation.invoiceId, amount: allocation.amount });
    }
    payment.unapplied = plan.unapplied;
    const first = plan.allocations[0];
    if (payment.method === 'bank transfer') {
      payment.reference = first ? byId.get(first.invoiceId)!.number : 'On account';
    }
  };

  const amountOf = (p: PlannedPayment): number => {
    const group = payable.slice(p.from, p.upTo).map((entry) => entry.invoice);
    const groupOpen = group.reduce((sum, invoice) => sum + open(invoice), 0);
    const owedSoFar = () =>
      payable
        .slice(0, p.upTo)
        .reduce(
          (sum, entry) => sum + (entry.invoice.issueDay <= p.day ? open(entry.invoice) : 0),
          0,
        );
    switch (p.kind) {
      case 'remittance':
        return groupOpen;
      case 'part':
        return Math.round(groupOpen * (0.3 + random.next() * 0.6));
      case 'catch_up':
        return owedSoFar();
      case 'overpaid': {
        const owed = owedSoFar();
        // Rounded up to the next 10 or 50, or a few percent too much.
        const unit = random.pick([1000, 5000]);
        const rounded = Math.ceil((owed + 1) / unit) * unit;
        return random.chance(0.5) ? rounded : owed + Math.max(100, Math.round(owed * 0.05));
      }
      case 'instalment': {
        const { invoice, share } = p.instalment!;
        return share === 'rest' ? open(invoice) : Math.min(share, open(invoice));
      }
    }
  };

  // Everything in date order; on one day, credit notes before payments.
  const happenings = [
    ...credits.map((credit, order) => ({ day: credit.day, rank: 0, order, credit })),
    ...planned.map((payment, order) => ({ day: payment.day, rank: 1, order, payment })),
  ].sort((a, b) => a.day - b.day || a.rank - b.rank || a.order - b.order);

  for (const happening of happenings) {
    if ('credit' in happening) {
      const { invoice, day, fraction } = happening.credit;
      const amount = Math.min(open(invoice), Math.max(1, Math.round(invoice.total * fraction)));
      if (amount <= 0) continue;
      settle(invoice, amount, day);
      out.creditNotes.push({ invoice, day, amount, reason: random.pick(creditNoteReasons) });
      continue;
    }
    const p = happening.payment;
    let amount = amountOf(p);
    // Nothing left to pay for (credited meanwhile): the customer paid the invoices twice,
    // which happens; it becomes credit on the account.
    if (amount <= 0) {
      const group = payable.slice(p.from, p.upTo);
      amount = group.reduce((sum, entry) => sum + entry.invoice.total, 0);
    }
    const payment: SeedPayment = {
      id: 0,
      customerId: plan.customer.id,
      currency,
      day: p.day,
      amount,
      method: random.weighted(paymentMethods),
      reference: '',
      unapplied: 0,
    };
    out.payments.push(payment);
    allocate(payment);
    if (payment.unapplied > 0 && random.chance(0.25)) {
      const day = p.day + random.int(5, 30);
      if (day <= today) {
        out.refunds.push({ payment, day, amount: payment.unapplied, method: 'bank transfer' });
        payment.unapplied = 0;
      }
    }
  }

  // Old debts: written off, all at once for a customer who stopped paying, now and then a
  // small remainder for others.
  const writeOffDay = plan.stopDay + random.int(180, 400);
  for (const invoice of byDue) {
    const left = open(invoice);
    if (left === 0 || invoice.dueDay >= today - 365) continue;
    const stopped = plan.profile === 'stops_paying';
    if (!random.chance(stopped ? 0.6 : 0.25)) continue;
    const day = Math.max(stopped ? writeOffDay : invoice.dueDay + 180, invoice.lastChangeDay);
    if (day > today) continue;
    settle(invoice, left, day);
    out.writeOffs.push({
      invoice,
      day,
      amount: left,
      reason: stopped ? writeOffReasons[0]! : random.pick(writeOffReasons.slice(1)),
    });
  }
}

// ---------------------------------------------------------------------------------------

export function generateLedger(options: GenerateOptions): SeedLedger {
  const root = createRandom(options.seed);
  // One stream per part, made up front, so each part draws the same numbers whatever the others do.
  const customerRandom = root.fork(1);
  const invoiceRandom = root.fork(2);
  const paymentRandom = root.fork(3);

  const today = dayOf(options.today);
  const start = today - historyDays;

  const plans: CustomerPlan[] = [];
  for (let id = 1; id <= options.customers; id++)
    plans.push(makeCustomer(customerRandom, id, today));

  // Invoices: how many each customer gets, then when, in what currency, for what.
  const counts = apportion(
    options.invoices,
    plans.map((plan) => plan.weight),
    1,
  );
  const invoices: SeedInvoice[] = [];
  const accounts = new Map<string, Account>();
  plans.forEach((plan, index) => {
    const count = counts[index]!;
    const days: Day[] = [];
    for (let i = 0; i < count; i++) {
      const day = workingDay(invoiceRandom.int(plan.firstDay, plan.lastDay));
      days.push(Math.min(today, Math.max(start, day)));
    }
    days.sort((a, b) => a - b);
    for (const issueDay of days) {
      const currency =
        plan.secondCurrency && invoiceRandom.chance(plan.secondShare)
          ? plan.secondCurrency
          : plan.mainCurrency;
      const lines = makeLines(invoiceRandom, currency, plan.customer.kind);
      let net = 0;
      let tax = 0;
      for (const line of lines) {
        net += line.net;
        tax += line.tax;
      }
      const draft = issueDay > today - 10 && invoiceRandom.chance(0.05);
      const voided = !draft && invoiceRandom.chance(0.003);
      const invoice: SeedInvoice = {
        id: 0,
        customerId: plan.customer.id,
        number: '',
        currency,
        issueDay,
        dueDay: dueDay(issueDay, plan.terms),
        termsKind: plan.terms.kind,
        termsDays: plan.terms.days,
        discount: plan.discount,
        notes: invoiceRandom.chance(0.2) ? 'Thank you for your business.' : '',
        lines,
        net,
        tax,
        total: net + tax,
        settled: 0,
        draft,
        voidDay: voided ? Math.min(today, issueDay + invoiceRandom.int(0, 10)) : null,
        lastChangeDay: issueDay,
      };
      if (invoice.voidDay !== null) invoice.lastChangeDay = invoice.voidDay;
      invoices.push(invoice);
      const key = `${plan.customer.id}|${currency}`;
      let account = accounts.get(key);
      if (!account) {
        account = { plan, currency, invoices: [] };
        accounts.set(key, account);
      }
      account.invoices.push(invoice);
    }
  });
  // Numbered in the order they were issued, the way the app numbers them (the default prefix
  // and at least four digits, electron/db/invoices.repository.ts), so its next one follows on.
  invoices.sort((a, b) => a.issueDay - b.issueDay || a.customerId - b.customerId);
  invoices.forEach((invoice, index) => {
    invoice.id = index + 1;
    invoice.number = `INV-${String(index + 1).padStart(4, '0')}`;
  });

  // Payments: shared among the accounts in proportion to what they have had to pay.
  const accountList = [...accounts.values()].sort(
    (a, b) => a.plan.customer.id - b.plan.customer.id || a.currency.localeCompare(b.currency),
  );
  const payables = accountList.map((account) => payableInvoices(paymentRandom, account, today));
  const payableTotal = payables.reduce((sum, list) => sum + list.length, 0);
  if (options.payments > 0 && payableTotal === 0) {
    throw new RangeError(
      'There are payments to make but no invoice has fallen due yet: add invoices or history.',
    );
  }
  const paymentCounts = apportion(
    options.payments,
    payables.map((list) => list.length),
  );
  const out: Outcome = {
    payments: [],
    allocations: [],
    creditNotes: [],
    writeOffs: [],
    refunds: [],
  };
  accountList.forEach((account, index) =>
    simulateAccount(paymentRandom, account, payables[index]!, paymentCounts[index]!, today, out),
  );

  // Payment ids in date order, as they would have been recorded.
  const order = new Map(out.payments.map((payment, index) => [payment, index] as const));
  out.payments.sort((a, b) => a.day - b.day || order.get(a)! - order.get(b)!);
  out.payments.forEach((payment, index) => (payment.id = index + 1));
  out.allocations.sort((a, b) => a.payment.id - b.payment.id);
  out.creditNotes.sort((a, b) => a.day - b.day || a.invoice.id - b.invoice.id);
  out.writeOffs.sort((a, b) => a.day - b.day || a.invoice.id - b.invoice.id);
  out.refunds.sort((a, b) => a.day - b.day || a.payment.id - b.payment.id);

  return {
    today,
    customers: plans.map((plan) => plan.customer),
    invoices,
    ...out,
  };
}
