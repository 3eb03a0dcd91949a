/**
 * Properties of the reminder policy over random histories. A small pure simulation stands in
 * for the ledger, the scheduler and an owner who approves whatever is ready: a few customers
 * with invoices, payments, promises, disputes, pauses, plans and do-not-contact, and a clock
 * that ticks by hours or days across daylight-saving changes. At each tick every customer is
 * planned; proposals are kept under the scheduler's key (customer, step, episode, ref), and a
 * step that is ready is approved at that instant (a contact, a taken step). Then:
 * - no key is ever proposed again once it has been taken;
 * - no contact falls outside the customer's window (checked here without the policy's code too);
 * - no chasing contact comes within the minimum gap, nor beyond the cap in any rolling 7 days;
 * - no message goes while the customer is paused (a dispute on everything overdue, every overdue
 *   invoice left out, a promise in its time, do-not-contact);
 * - after a pause or a "we noticed" for a missed promise, the ladder never jumps.
 * Separately: a step that is waiting comes ready by itself at the `readyAt` it names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDateIn, daysBetween, type CalendarDate } from '../dates';
import { customerKinds, type CustomerKind } from '../ledger';
import { weekdays, type ContactWindow } from '../settings';
import { checkWindow, consumerWindowLimits, windowFor } from './contact-window';
import { defaultGuardrails, type Guardrails } from './guardrails';
import { defaultLadder, type Ladder, type StepKey } from './ladder';
import { planCustomer, thankYouDue, type PolicyContext } from './policy';
import { contactKind, readiness, type ReadinessContext } from './readiness';
import type {
  CustomerSituation,
  SituationContact,
  SituationInvoice,
  SituationPromise,
  TakenStep,
} from './situation';

const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney'] as const;
const hourMs = 3_600_000;
const sevenDaysMs = 7 * 24 * hourMs;

const windows: ContactWindow[] = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' },
  { days: [...weekdays], start: '07:00', end: '22:00' },
  { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '09:30', end: '17:00' },
];

const ladders: (Ladder | null)[] = [
  defaultLadder,
  defaultLadder.map((step) =>
    step.key === 'reminder' || step.key === 'call'
      ? { ...step, enabled: false }
      : { ...step, autopilot: step.channel !== 'call' && step.channel !== 'decision' },
  ),
  [
    { key: 'courtesy', days: -2, channel: 'email', enabled: true, autopilot: false },
    { key: 'slipped', days: 2, channel: 'email', enabled: true, autopilot: true },
    { key: 'firm', days: 10, channel: 'letter', enabled: true, autopilot: false },
    { key: 'call', days: 12, channel: 'call', enabled: true, autopilot: false },
    { key: 'final', days: 20, channel: 'letter_email', enabled: true, autopilot: false },
  ],
  null,
];

// ── The random history ─────────────────────────────────────────────────────────────────────

const who = { c: fc.nat(2), i: fc.nat(3) };
const eventArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ type: 'none' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('pay' as const),
      ...who,
      percent: fc.oneof(fc.integer({ min: 10, max: 99 }), fc.constant(100)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('promise' as const),
      c: who.c,
      inDays: fc.integer({ min: 0, max: 10 }),
      percent: fc.integer({ min: 20, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('closePromise' as const),
      c: who.c,
      outcome: fc.constantFrom('broken' as const, 'cancelled' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('dispute' as const),
      ...who,
      all: fc.boolean(),
      open: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('pauseInvoice' as const),
      ...who,
      days: fc.option(fc.integer({ min: 0, max: 10 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('dnc' as const),
      c: who.c,
      lift: fc.boolean(),
      days: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('plan' as const), ...who, on: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('newInvoice' as const),
      c: who.c,
      dueIn: fc.integer({ min: -10, max: 20 }),
      amount: fc.integer({ min: 1_000, max: 100_000 }),
    }),
  },
);
type SimEvent = typeof eventArb extends fc.Arbitrary<infer E> ? E : never;

const tickArb = fc.record({
  hours: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(24, 48, 72, 120)),
  ownerAway: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  event: eventArb,
});

const customerArb = fc.record({
  kind: fc.constantFrom(...customerKinds),
  timeZone: fc.constantFrom(...zones),
  paidLateBefore: fc.boolean(),
  ladder: fc.constantFrom(...ladders),
  invoices: fc.array(
    fc.record({
      dueOffset: fc.integer({ min: -70, max: 40 }),
      amount: fc.integer({ min: 1_000, max: 100_000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const historyArb = fc.record({
  // Covers New York (14 March), London (28 March) and Sydney (4 April) in spring, and Sydney
  // (3 October), London (31 October) and New York (7 November) in autumn.
  start: fc.constantFrom('2027-03-08T00:00:00Z', '2027-09-28T00:00:00Z'),
  startHour: fc.integer({ min: 0, max: 23 }),
  businessZone: fc.constantFrom(...zones),
  window: fc.constantFrom(...windows),
  guardrails: fc.record({
    minGapDays: fc.integer({ min: 0, max: 7 }),
    messagesPer7Days: fc.integer({ min: 1, max: 3 }),
    callsPer7Days: fc.integer({ min: 1, max: 3 }),
    promiseGraceDays: fc.integer({ min: 0, max: 5 }),
  }),
  customers: fc.array(customerArb, { minLength: 1, maxLength: 3 }),
  ticks: fc.array(tickArb, { minLength: 20, maxLength: 90 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

// ── The simulated ledger ───────────────────────────────────────────────────────────────────

interface SimContact extends SituationContact {
  step: StepKey;
}

interface SimCustomer {
  id: number;
  kind: CustomerKind;
  timeZone: string;
  ladder: Ladder | null;
  paidLateBefore: boolean;
  invoices: SituationInvoice[];
  doNotContact: CustomerSituation['doNotContact'];
  promises: SituationPromise[];
  episode: number;
  episodeOpen: boolean;
  taken: TakenStep[];
  /** Newest first. */
  contacts: SimContact[];
  pausedSinceLastStep: string | null;
  /** A "we noticed" after a missed promise was taken, and no ladder step since. */
  noticedSinceLastStep: boolean;
  paidSinceLastContact: Map<string, number>;
  thankYouFor: number | null;
}

function overdueOf(customer: SimCustomer, today: CalendarDate): SituationInvoice[] {
  return customer.invoices.filter((invoice) => invoice.dueDate < today);
}

function leftOut(invoice: SituationInvoice, today: CalendarDate): boolean {
  return (
    invoice.disputed || invoice.inPlan || (invoice.pause !== null && invoice.pause.until >= today)
  );
}

/** Why the customer must not be sent a message today, worked out here, not by the policy. */
function pausedBecause(customer: SimCustomer, today: CalendarDate, grace: number): string | null {
  const dnc = customer.doNotContact;
  if (dnc && (dnc.until === null || dnc.until >= today)) return 'do-not-contact';
  const inTime = customer.promises.some(
    (p) => p.outcome === null && p.paid < p.amount && today <= addDays(p.date, grace),
  );
  if (inTime) return 'a promise in its time';
  const overdue = overdueOf(customer, today);
  if (overdue.length > 0 && overdue.every((invoice) => invoice.disputed)) return 'a dispute';
  if (overdue.length > 0 && overdue.every((invoice) => leftOut(invoice, today))) {
    return 'every overdue invoice left out';
  }
  return null;
}

const localFormatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday and `HH:MM` at an instant in a zone, straight from Intl. */
function localWallClock(instant: Date, timeZone: string): { day: string; time: string } {
  let formatter = localFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('weekday').toLowerCase(), time: `${part('hour')}:${part('minute')}` };
}

/** The window rule restated: the settings' days and hours, and 08:00–21:00 for consumers. */
function insideWindowByHand(
  instant: Date,
  timeZone: string,
  kind: CustomerKind,
  window: ContactWindow,
): boolean {
  const { day, time } = localWallClock(instant, timeZone);
  if (!(window.days as string[]).includes(day)) return false;
  if (time < window.start || time >= window.end) return false;
  if (kind === 'consumer' && (time < '08:00' || time >= '21:00')) return false;
  return true;
}

function situationOf(
  customer: SimCustomer,
  resumingAfterPause: CustomerSituation['resumingAfterPause'],
): CustomerSituation {
  return {
    customerId: customer.id,
    customerName: `Customer ${customer.id}`,
    kind: customer.kind,
    timeZone: customer.timeZone,
    ladder: customer.ladder,
    doNotContact: customer.doNotContact,
    paidLateBefore: customer.paidLateBefore,
    invoices: customer.invoices.map((invoice) => ({ ...invoice })),
    episode: customer.episode,
    taken: [...customer.taken],
    contacts: customer.contacts.map(({ at, channel }) => ({ at, channel })),
    promises: customer.promises.map((promise) => ({ ...promise })),
    resumingAfterPause,
    paidSinceLastContact: [...customer.paidSinceLastContact].map(([currency, amount]) => ({
      currency,
      amount,
    })),
  };
}

interface Counters {
  invoice: number;
  promise: number;
}

function applyEvent(
  event: SimEvent,
  customers: SimCustomer[],
  today: CalendarDate,
  next: Counters,
): void {
  if (event.type === 'none') return;
  const customer = customers[event.c % customers.length]!;
  const invoiceAt = (i: number) => customer.invoices[i % Math.max(1, customer.invoices.length)];
  switch (event.type) {
    case 'pay': {
      const invoice = invoiceAt(event.i);
      if (!invoice) return;
      const amount = Math.max(1, Math.round((invoice.open * event.percent) / 100));
      invoice.open -= amount;
      if (invoice.dueDate < today) customer.paidLateBefore = true;
      const paid = customer.paidSinceLastContact.get(invoice.currency) ?? 0;
      customer.paidSinceLastContact.set(invoice.currency, paid + amount);
      for (const promise of customer.promises) {
        if (promise.outcome === null) promise.paid += amount;
      }
      customer.invoices = customer.invoices.filter((i) => i.open > 0);
      return;
    }
    case 'promise': {
      const owed = overdueOf(customer, today).reduce((sum, invoice) => sum + invoice.open, 0);
      if (owed === 0) return;
      customer.promises.push({
        id: (next.promise += 1),
        date: addDays(today, event.inDays),
        amount: Math.max(1, Math.round((owed * event.percent) / 100)),
        currency: 'GBP',
        paid: 0,
        outcome: null,
      });
      return;
    }
    case 'closePromise': {
      const open = customer.promises.filter((p) => p.outcome === null).at(-1);
      if (open) open.outcome = event.outcome;
      return;
    }
    case 'dispute': {
      const covered = event.all ? customer.invoices : [invoiceAt(event.i)];
      for (const invoice of covered) if (invoice) invoice.disputed = event.open;
      return;
    }
    case 'pauseInvoice': {
      const invoice = invoiceAt(event.i);
      if (!invoice) return;
      invoice.pause =
        event.days === null ? null : { reason: 'awaiting PO', until: addDays(today, event.days) };
      return;
    }
    case 'dnc': {
      customer.doNotContact = event.lift
        ? null
        : {
            reason: 'asked us not to',
            until: event.days === null ? null : addDays(today, event.days),
          };
      return;
    }
    case 'plan': {
      const invoice = invoiceAt(event.i);
      if (invoice) invoice.inPlan = event.on;
      return;
    }
    case 'newInvoice': {
      next.invoice += 1;
      customer.invoices.push(newInvoice(next.invoice, addDays(today, event.dueIn), event.amount));
      return;
    }
  }
}

function newInvoice(id: number, dueDate: CalendarDate, open: number): SituationInvoice {
  return {
    id,
    number: String(id),
    currency: 'GBP',
    dueDate,
    open,
    pause: null,
    disputed: false,
    inPlan: false,
  };
}

/** Runs one history, failing (throwing) at the first broken property. */
function simulate(history: History): void {
  const guardrails: Guardrails = history.guardrails;
  const window = history.window;
  let now = new Date(Date.parse(history.start) + history.startHour * hourMs);
  const startDay = calendarDateIn(now, history.businessZone);
  const next: Counters = { invoice: 1000, promise: 0 };
  const customers: SimCustomer[] = history.customers.map((c, index) => ({
    id: index + 1,
    kind: c.kind,
    timeZone: c.timeZone,
    ladder: c.ladder,
    paidLateBefore: c.paidLateBefore,
    invoices: c.invoices.map((invoice) =>
      newInvoice((next.invoice += 1), addDays(startDay, invoice.dueOffset), invoice.amount),
    ),
    doNotContact: null,
    promises: [],
    episode: 1,
    episodeOpen: false,
    taken: [],
    contacts: [],
    pausedSinceLastStep: null,
    noticedSinceLastStep: false,
    paidSinceLastContact: new Map(),
    thankYouFor: null,
  }));
  /** Every key the scheduler has seen, and whether it was taken. */
  const items = new Map<string, 'proposed' | 'taken'>();

  const makeContact = (
    customer: SimCustomer,
    step: StepKey,
    channel: 'message' | 'call',
    today: CalendarDate,
    chasing: boolean,
  ) => {
    const where = `customer ${customer.id} (${customer.kind}, ${customer.timeZone}) ${step} at ${now.toISOString()}`;
    const limits = windowFor(customer.kind, window);
    expect(limits.start >= window.start && limits.end <= window.end, where).toBe(true);
    if (customer.kind === 'consumer') {
      expect(limits.start >= consumerWindowLimits.start, where).toBe(true);
      expect(limits.end <= consumerWindowLimits.end, where).toBe(true);
    }
    expect(checkWindow(now, customer.timeZone, limits).open, `outside the window: ${where}`).toBe(
      true,
    );
    expect(
      insideWindowByHand(now, customer.timeZone, customer.kind, window),
      `outside the window (by hand): ${where}`,
    ).toBe(true);
    if (chasing) {
      const paused = pausedBecause(customer, today, guardrails.promiseGraceDays);
      expect(paused, `a message while paused: ${where}`).toBe(null);
      const last = customer.contacts[0];
      if (last) {
        const gap = daysBetween(
          calendarDateIn(last.at, customer.timeZone),
          calendarDateIn(now, customer.timeZone),
        );
        expect(gap, `within the minimum gap: ${where}`).toBeGreaterThanOrEqual(
          guardrails.minGapDays,
        );
      }
      const cap = channel === 'call' ? guardrails.callsPer7Days : guardrails.messagesPer7Days;
      const inSevenDays = customer.contacts.filter(
        (c) => c.channel === channel && now.getTime() - c.at.getTime() < sevenDaysMs,
      ).length;
      expect(inSevenDays + 1, `over the cap: ${where}`).toBeLessThanOrEqual(cap);
    }
    customer.contacts.unshift({ at: now, channel, step });
    customer.paidSinceLastContact.clear();
  };

  for (const tick of history.ticks) {
    now = new Date(now.getTime() + tick.hours * hourMs);
    const today = calendarDateIn(now, history.businessZone);
    applyEvent(tick.event, customers, today, next);
    const policyContext: PolicyContext = {
      today,
      promiseGraceDays: guardrails.promiseGraceDays,
      locale: 'en-GB',
    };
    const readinessContext: ReadinessContext = {
      now,
      today,
      window,
      guardrails,
      locale: 'en-GB',
    };

    for (const customer of customers) {
      // The episode: open while something is overdue; settled when nothing is.
      const overdue = overdueOf(customer, today);
      if (overdue.length > 0) customer.episodeOpen = true;
      else if (customer.episodeOpen) {
        if (thankYouDue(customer.taken)) customer.thankYouFor = customer.episode;
        customer.episode += 1;
        customer.episodeOpen = false;
        customer.taken = [];
        customer.pausedSinceLastStep = null;
        customer.noticedSinceLastStep = false;
      }

      // A pause in force now, and whether one has ended since the last step (the service's job).
      const pause =
        pausedBecause(customer, today, guardrails.promiseGraceDays) ??
        (overdue.some((invoice) => leftOut(invoice, today)) ? 'an invoice left out' : null);
      if (pause) customer.pausedSinceLastStep = pause;
      const resuming =
        !pause && customer.pausedSinceLastStep ? { reason: customer.pausedSinceLastStep } : null;

      const situation = situationOf(customer, resuming);
      const { proposal } = planCustomer(situation, policyContext);
      if (proposal.kind === 'step') {
        const key = `${customer.id}|${proposal.step}|${proposal.episode}|${proposal.ref}`;
        expect(items.get(key), `proposed again after it was taken: ${key}`).not.toBe('taken');
        items.set(key, 'proposed');
        const ladderStep = proposal.step !== 'promise_broken' && proposal.step !== 'courtesy';
        if (ladderStep && (resuming || customer.noticedSinceLastStep)) {
          // The step after the last one taken, on the customer's ladder as it stands.
          const steps = (customer.ladder ?? []).filter((s) => s.enabled && s.key !== 'courtesy');
          const lastTaken = steps.reduce(
            (last, s, index) => (customer.taken.some((t) => t.step === s.key) ? index : last),
            -1,
          );
          const after = resuming?.reason ?? 'a missed promise';
          expect(proposal.step, `jumped after ${after}: ${key}`).toBe(steps[lastTaken + 1]?.key);
          expect(proposal.skipped, `skipped after ${after}: ${key}`).toEqual([]);
        }
        const ready = readiness(proposal, customer, readinessContext);
        if (ready.status === 'ready' && !tick.ownerAway) {
          items.set(key, 'taken');
          customer.taken.push({ step: proposal.step, ref: proposal.ref, on: today });
          customer.pausedSinceLastStep = null;
          if (proposal.step === 'promise_broken') customer.noticedSinceLastStep = true;
          else if (ladderStep) customer.noticedSinceLastStep = false;
          const kind = contactKind(proposal.step, proposal.channel);
          if (kind) makeContact(customer, proposal.step, kind, today, true);
        }
      }

      // The thank-you after a settled episode: the window only, and (the service's part) not
      // while do-not-contact is in force.
      if (customer.thankYouFor !== null) {
        const dnc = customer.doNotContact;
        const blocked = dnc !== null && (dnc.until === null || dnc.until >= today);
        const ready = readiness(
          { step: 'thank_you', channel: 'email' },
          customer,
          readinessContext,
        );
        if (ready.status === 'ready' && !tick.ownerAway && !blocked) {
          const key = `${customer.id}|thank_you|${customer.thankYouFor}|0`;
          expect(items.get(key), `thank-you twice: ${key}`).toBe(undefined);
          items.set(key, 'taken');
          makeContact(customer, 'thank_you', 'message', today, false);
          customer.thankYouFor = null;
        }
      }
    }
  }
}

describe('the reminder policy over random histories', () => {
  it('never repeats a step, never contacts outside the window, the gap or the cap, never while paused', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        simulate(history);
      }),
      { numRuns: 150 },
    );
  });
});

describe('readiness over random contacts', () => {
  const readinessCase = fc.record({
    kind: fc.constantFrom(...customerKinds),
    timeZone: fc.constantFrom(...zones),
    window: fc.constantFrom(...windows),
    guardrails: fc.record({
      minGapDays: fc.integer({ min: 0, max: 10 }),
      messagesPer7Days: fc.integer({ min: 1, max: 4 }),
      callsPer7Days: fc.integer({ min: 1, max: 4 }),
      promiseGraceDays: fc.constant(defaultGuardrails.promiseGraceDays),
    }),
    step: fc.constantFrom<[StepKey, 'email' | 'call']>(
      ['reminder', 'email'],
      ['final', 'email'],
      ['call', 'call'],
      ['thank_you', 'email'],
    ),
    // Minutes from 1 March 2027 00:00 UTC, through both spring changes.
    nowMinute: fc.integer({ min: 0, max: 60 * 24 * 45 }),
    contactsAgo: fc.array(
      fc.record({ minutes: fc.integer({ min: 1, max: 60 * 24 * 12 }), call: fc.boolean() }),
      { maxLength: 6 },
    ),
  });

  it('a waiting step names when it comes ready, and is ready then; a ready step passes every check', () => {
    fc.assert(
      fc.property(readinessCase, (c) => {
        const now = new Date(Date.UTC(2027, 2, 1) + c.nowMinute * 60_000);
        const contacts: SituationContact[] = c.contactsAgo
          .map(({ minutes, call }) => ({
            at: new Date(now.getTime() - minutes * 60_000),
            channel: call ? ('call' as const) : ('message' as const),
          }))
          .sort((a, b) => b.at.getTime() - a.at.getTime());
        const customer = { kind: c.kind, timeZone: c.timeZone, contacts };
        const [step, channel] = c.step;
        const at = (instant: Date) =>
          readiness({ step, channel }, customer, {
            now: instant,
            today: calendarDateIn(instant, 'Europe/London'),
            window: c.window,
            guardrails: c.guardrails,
            locale: 'en-GB',
          });
        const result = at(now);
        if (result.status === 'waiting') {
          expect(result.readyAt).not.toBe(null);
          const readyAt = result.readyAt!;
          expect(readyAt.getTime()).toBeGreaterThan(now.getTime());
          const then = at(readyAt);
          expect(then.status, then.why.join('\n')).toBe('ready');
        } else {
          expect(insideWindowByHand(now, c.timeZone, c.kind, c.window)).toBe(true);
          if (step !== 'thank_you') {
            const kind = channel === 'call' ? 'call' : 'message';
            const cap =
              kind === 'call' ? c.guardrails.callsPer7Days : c.guardrails.messagesPer7Days;
            const recent = contacts.filter(
              (x) => x.channel === kind && now.getTime() - x.at.getTime() < sevenDaysMs,
            );
            expect(recent.length).toBeLessThan(cap);
            const last = contacts[0];
            if (last) {
              expect(
                daysBetween(calendarDateIn(last.at, c.timeZone), calendarDateIn(now, c.timeZone)),
              ).toBeGreaterThanOrEqual(c.guardrails.minGapDays);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
