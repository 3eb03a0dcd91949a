/**
 * The reminder policy: given one customer's situation on one day, which single step comes
 * next, and why. Pure: the scheduler stores what it proposes under a unique key per
 * (customer, step, episode, ref), and the Today queue adds whether it may go now
 * (see readiness.ts).
 *
 * The rules, in order:
 * 1. No ladder for the customer: nothing.
 * 2. Do-not-contact in force: paused.
 * 3. A promise to pay that has passed its date and grace unpaid: one gentle "we noticed" step;
 *    the ladder then resumes where it stopped. (Unless a newer promise is in its time: rule 4
 *    is checked first, so a fresh promise outweighs a missed one.)
 * 4. A promise still in its time (until its date + grace): paused.
 * 5. One message covers every chaseable overdue invoice, at the step the most overdue one has
 *    reached, if that step is later than the last step taken in this episode. Steps passed over
 *    (after a gap: the app was closed, or an import brought old invoices) are skipped and named,
 *    never fired as a backlog. After a pause ends, the ladder goes on from the step after the
 *    last one taken instead: it never jumps.
 * 6. Disputed, paused and planned invoices are left out of the message, named in the
 *    explanation; when every overdue invoice is left out, the customer is paused.
 * 7. Nothing overdue: the courtesy heads-up a few days before a due date, only for customers
 *    who have paid late before.
 */
import { addDays, daysBetween, type CalendarDate } from '../dates';
import { formatMoney } from '../money';
import { formatCalendarDate } from '../date-format';
import {
  courtesyStep,
  describeStep,
  ladderStepKeys,
  overdueSteps,
  type LadderStepKey,
  type StepChannel,
  type StepKey,
} from './ladder';
import type { CustomerSituation, SituationInvoice, SituationPromise } from './situation';

export interface PolicyContext {
  today: CalendarDate;
  promiseGraceDays: number;
  /** For amounts and dates in explanations. */
  locale: string;
}

export interface ProposedStep {
  kind: 'step';
  step: StepKey;
  /** Tells apart occurrences of one step in an episode: a promise's id, a due date's day. */
  ref: number;
  episode: number;
  channel: StepChannel;
  autopilot: boolean;
  invoiceIds: number[];
  /** Steps passed over to get here, named in the explanation. */
  skipped: LadderStepKey[];
  /** Plain sentences: which rule, which invoices. */
  why: string[];
}

export interface Paused {
  kind: 'paused';
  /** What holds them: do not contact, every overdue invoice left out, or a promise in its time. */
  because: 'do_not_contact' | 'left_out' | 'promise';
  invoiceIds: number[];
  why: string[];
}

export interface NothingDue {
  kind: 'none';
  why: string[];
}

export type Proposal = ProposedStep | Paused | NothingDue;

/** A promise whose date has come: for the owner to check, not a contact. */
export interface PromiseFallingDue {
  promiseId: number;
  date: CalendarDate;
  amount: number;
  currency: string;
  paid: number;
  why: string[];
}

export interface CustomerPlan {
  proposal: Proposal;
  promiseDue: PromiseFallingDue | null;
}

/** A calendar date as a whole number of days, for refs that must be stable integers. */
export function dayNumber(date: CalendarDate): number {
  return daysBetween('1970-01-01', date);
}

type PromiseState = 'kept' | 'in_time' | 'broken' | 'closed';

export function promiseState(promise: SituationPromise, context: PolicyContext): PromiseState {
  if (promise.outcome === 'cancelled') return 'closed';
  if (promise.outcome === 'kept' || promise.paid >= promise.amount) return 'kept';
  if (promise.outcome === 'broken') return 'broken';
  return context.today > addDays(promise.date, context.promiseGraceDays) ? 'broken' : 'in_time';
}

function invoiceList(invoices: readonly SituationInvoice[]): string {
  const numbers = invoices.map((invoice) => invoice.number);
  if (numbers.length <= 1) return `Invoice ${numbers[0] ?? ''}`;
  const last = numbers.pop();
  return `Invoices ${numbers.join(', ')} and ${last}`;
}

function daysWord(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** Why an overdue invoice is left out of chasing today, or null when it is chased. */
function leftOutBecause(invoice: SituationInvoice, context: PolicyContext): string | null {
  if (invoice.disputed) return 'it is disputed';
  if (invoice.inPlan) return 'it is in a payment plan';
  if (invoice.pause && invoice.pause.until >= context.today) {
    const until = formatCalendarDate(invoice.pause.until, context.locale);
    return `it is paused until ${until} (${invoice.pause.reason})`;
  }
  return null;
}

function promiseDue(
  situation: CustomerSituation,
  context: PolicyContext,
): PromiseFallingDue | null {
  for (const promise of situation.promises) {
    if (promiseState(promise, context) !== 'in_time' || promise.date > context.today) continue;
    const amount = formatMoney(promise.amount, promise.currency, context.locale);
    const paid = formatMoney(promise.paid, promise.currency, context.locale);
    const graceEnds = addDays(promise.date, context.promiseGraceDays);
    return {
      promiseId: promise.id,
      date: promise.date,
      amount: promise.amount,
      currency: promise.currency,
      paid: promise.paid,
      why: [
        `${amount} was promised by ${formatCalendarDate(promise.date, context.locale)}; ${paid} has come in since.`,
        `Chasing waits until ${formatCalendarDate(graceEnds, context.locale)}; check your bank and record the payment if it has arrived.`,
      ],
    };
  }
  return null;
}

function describeDaysOverdue(invoice: SituationInvoice, today: CalendarDate, count: number) {
  const late = daysBetween(invoice.dueDate, today);
  const others = count > 1 ? ` (${count} invoices overdue in all)` : '';
  return `Invoice ${invoice.number} is ${daysWord(late)} overdue${others}.`;
}

function courtesyProposal(
  situation: CustomerSituation,
  ladder: NonNullable<CustomerSituation['ladder']>,
  context: PolicyContext,
): Proposal {
  const step = courtesyStep(ladder);
  const none: NothingDue = { kind: 'none', why: ['Nothing is overdue.'] };
  if (!step) return none;
  const horizon = addDays(context.today, -step.days);
  const upcoming = situation.invoices
    .filter((invoice) => invoice.dueDate >= context.today && invoice.dueDate <= horizon)
    .filter((invoice) => leftOutBecause(invoice, context) === null)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  const first = upcoming[0];
  if (!first) return none;
  if (!situation.paidLateBefore) {
    return {
      kind: 'none',
      why: [
        `${invoiceList([first])} falls due on ${formatCalendarDate(first.dueDate, context.locale)}; no courtesy heads-up, as this customer has always paid on time.`,
      ],
    };
  }
  const ref = dayNumber(first.dueDate);
  if (situation.taken.some((taken) => taken.step === 'courtesy' && taken.ref === ref)) {
    return { kind: 'none', why: ['The courtesy heads-up for this due date was already taken.'] };
  }
  const due = upcoming.filter((invoice) => invoice.dueDate === first.dueDate);
  return {
    kind: 'step',
    step: 'courtesy',
    ref,
    episode: situation.episode,
    channel: step.channel,
    autopilot: step.autopilot,
    invoiceIds: due.map((invoice) => invoice.id),
    skipped: [],
    why: [
      `${invoiceList(due)} ${due.length > 1 ? 'fall' : 'falls'} due on ${formatCalendarDate(first.dueDate, context.locale)}.`,
      `${describeStep(step)} is due: this customer has paid late before.`,
    ],
  };
}

/** Decides the one next step for a customer today. */
export function planCustomer(situation: CustomerSituation, context: PolicyContext): CustomerPlan {
  return {
    proposal: propose(situation, context),
    promiseDue: situation.ladder ? promiseDue(situation, context) : null,
  };
}

function propose(situation: CustomerSituation, context: PolicyContext): Proposal {
  const { ladder, today } = { ladder: situation.ladder, today: context.today };
  if (situation.handedOver) {
    const { agency, on } = situation.handedOver;
    return {
      kind: 'none',
      why: [
        `Handed to ${agency.trim() || 'an agency'} on ${formatCalendarDate(on, context.locale)}: Goodwill does not chase while an agency has it.`,
      ],
    };
  }
  if (!ladder) return { kind: 'none', why: ['Reminders are off for this customer.'] };

  const overdue = situation.invoices
    .filter((invoice) => invoice.dueDate < today)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  const leftOut = overdue
    .map((invoice) => ({ invoice, because: leftOutBecause(invoice, context) }))
    .filter((entry) => entry.because !== null);
  const chased = overdue.filter((invoice) => leftOutBecause(invoice, context) === null);
  const leftOutWhy = leftOut.map(
    (entry) => `Invoice ${entry.invoice.number} is left out: ${entry.because}.`,
  );

  const dnc = situation.doNotContact;
  if (dnc && (dnc.until === null || dnc.until >= today)) {
    const until = dnc.until ? ` until ${formatCalendarDate(dnc.until, context.locale)}` : '';
    return {
      kind: 'paused',
      because: 'do_not_contact',
      invoiceIds: overdue.map((invoice) => invoice.id),
      why: [`Blocked: do not contact${until} (${dnc.reason || 'no reason given'}).`],
    };
  }
  if (overdue.length === 0) return courtesyProposal(situation, ladder, context);
  if (chased.length === 0) {
    return {
      kind: 'paused',
      because: 'left_out',
      invoiceIds: overdue.map((invoice) => invoice.id),
      why: ['Blocked: every overdue invoice is left out of chasing.', ...leftOutWhy],
    };
  }

  // A promise in its time is checked before a missed one: a customer who missed a promise and
  // then made a new one is waiting on the new one, and gets no "we noticed" meanwhile.
  const inTime = situation.promises.find((promise) => promiseState(promise, context) === 'in_time');
  if (inTime) {
    const graceEnds = addDays(inTime.date, context.promiseGraceDays);
    return {
      kind: 'paused',
      because: 'promise',
      invoiceIds: chased.map((invoice) => invoice.id),
      why: [
        `Blocked: promise to pay ${formatMoney(inTime.amount, inTime.currency, context.locale)} by ${formatCalendarDate(inTime.date, context.locale)} (chasing waits until ${formatCalendarDate(graceEnds, context.locale)}).`,
      ],
    };
  }

  const broken = situation.promises.find(
    (promise) =>
      promiseState(promise, context) === 'broken' &&
      !situation.taken.some((t) => t.step === 'promise_broken' && t.ref === promise.id),
  );
  if (broken) {
    const amount = formatMoney(broken.amount - broken.paid, broken.currency, context.locale);
    return {
      kind: 'step',
      step: 'promise_broken',
      ref: broken.id,
      episode: situation.episode,
      channel: 'email',
      autopilot: false,
      invoiceIds: chased.map((invoice) => invoice.id),
      skipped: [],
      why: [
        `The promise to pay by ${formatCalendarDate(broken.date, context.locale)} has passed with ${amount} still to come.`,
        `A gentle "we noticed" comes first; the ladder then resumes where it stopped.`,
        ...leftOutWhy,
      ],
    };
  }
  const steps = overdueSteps(ladder);
  const mostOverdue = chased[0]!;
  const late = daysBetween(mostOverdue.dueDate, today);
  const lateLine = describeDaysOverdue(mostOverdue, today, chased.length);
  // How far up the ladder this episode has come, by the ladder's order rather than the
  // enabled steps: a step turned off after it was taken still counts as passed.
  const rank = (key: string) => ladderStepKeys.indexOf(key as LadderStepKey);
  const takenRank = Math.max(-1, ...situation.taken.map((taken) => rank(taken.step)));
  let takenIndex = -1;
  steps.forEach((step, index) => {
    if (rank(step.key) <= takenRank) takenIndex = index;
  });
  let fitIndex = -1;
  steps.forEach((step, index) => {
    if (step.days <= late) fitIndex = index;
  });
  if (fitIndex <= takenIndex) {
    // Only a step after the last one taken can come next (the most overdue invoice may have
    // been paid, leaving a less overdue one whose earlier steps are behind the ladder).
    const next = steps[takenIndex + 1];
    const nextLine = next
      ? `Next: ${describeStep(next)} on ${formatCalendarDate(addDays(mostOverdue.dueDate, next.days), context.locale)}.`
      : 'The ladder has no further steps.';
    const takenLine =
      takenIndex >= 0
        ? `${describeStep(steps[takenIndex]!)} was already taken in this episode.`
        : 'No step is due yet.';
    return { kind: 'none', why: [lateLine, takenLine, nextLine] };
  }

  const resuming = situation.resumingAfterPause ?? resumingAfterMissedPromise(situation);
  const stepIndex = resuming ? takenIndex + 1 : fitIndex;
  const step = steps[stepIndex]!;
  const skipped = resuming ? [] : steps.slice(takenIndex + 1, fitIndex);
  const why = [lateLine, `The ${describeStep(step)} is due.`];
  if (resuming) {
    why.push(`The ladder resumes where it stopped after ${resuming.reason}; it never jumps.`);
  } else if (skipped.length > 0) {
    why.push(`Skipped, so no backlog goes out: ${skipped.map((s) => describeStep(s)).join(', ')}.`);
  }
  const paid = situation.paidSinceLastContact.filter((p) => p.amount > 0);
  if (paid.length > 0) {
    why.push(
      `Thanks for ${paid.map((p) => formatMoney(p.amount, p.currency, context.locale)).join(' and ')} received since the last contact; the message states what is still open.`,
    );
  }
  return {
    kind: 'step',
    step: step.key,
    ref: 0,
    episode: situation.episode,
    channel: step.channel,
    autopilot: step.autopilot,
    invoiceIds: chased.map((invoice) => invoice.id),
    skipped: skipped.map((s) => s.key),
    why: [...why, ...leftOutWhy],
  };
}

/**
 * The "we noticed" after a missed promise ends the promise's pause, so the ladder goes on from
 * the step after the last one taken rather than jumping to the step that fits today (rule 3),
 * whether or not the service also marks the situation as resuming. Once a ladder step has been
 * taken after the "we noticed", the ladder is back to normal. Taken on the same day, the order
 * is unknown: not jumping is the gentler reading.
 */
function resumingAfterMissedPromise(situation: CustomerSituation): { reason: string } | null {
  let noticed: CalendarDate | null = null;
  let stepped: CalendarDate | null = null;
  for (const taken of situation.taken) {
    if (taken.step === 'promise_broken') {
      if (noticed === null || taken.on > noticed) noticed = taken.on;
    } else if (taken.step !== 'courtesy' && isLadderStepKey(taken.step)) {
      if (stepped === null || taken.on > stepped) stepped = taken.on;
    }
  }
  if (noticed === null || (stepped !== null && stepped > noticed)) return null;
  return { reason: 'the missed promise' };
}

function isLadderStepKey(step: StepKey): step is LadderStepKey {
  return (ladderStepKeys as readonly StepKey[]).includes(step);
}

/** A thank-you is due when an episode in which the customer was chased has been settled. */
export function thankYouDue(takenInEndedEpisode: readonly { step: StepKey }[]): boolean {
  return takenInEndedEpisode.some(
    (taken) => taken.step !== 'courtesy' && taken.step !== 'promise_due' && taken.step !== 'agency',
  );
}
