/**
 * The reminder policy, scenario by scenario: one named situation each, built from a default
 * customer with overrides, and what the policy must say about it (the step, the invoices, the
 * steps skipped, and the key phrases of the explanation). Today is Monday 15 March 2027.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../dates';
import { defaultLadder, type Ladder, type LadderStepKey, type StepKey } from './ladder';
import { dayNumber, planCustomer, thankYouDue, type PolicyContext } from './policy';
import type { CustomerSituation, SituationInvoice, SituationPromise, TakenStep } from './situation';

const today: CalendarDate = '2027-03-15';
const baseContext: PolicyContext = { today, promiseGraceDays: 3, locale: 'en-GB' };

/** An invoice `late` days past its due date today (negative: due in the future). */
function invoice(late: number, overrides: Partial<SituationInvoice> = {}): SituationInvoice {
  return {
    id: 1042,
    number: '1042',
    currency: 'GBP',
    dueDate: addDays(today, -late),
    open: 30_000,
    pause: null,
    disputed: false,
    inPlan: false,
    ...overrides,
  };
}

/** A second invoice, 1043, for the scenarios with two. */
function second(late: number, overrides: Partial<SituationInvoice> = {}): SituationInvoice {
  return invoice(late, { id: 1043, number: '1043', ...overrides });
}

function promise(overrides: Partial<SituationPromise> = {}): SituationPromise {
  return {
    id: 7,
    date: addDays(today, 5),
    amount: 30_000,
    currency: 'GBP',
    paid: 0,
    outcome: null,
    ...overrides,
  };
}

const ladderOrder: LadderStepKey[] = [
  'slipped',
  'reminder',
  'check_in',
  'firm',
  'call',
  'final',
  'agency',
];

/** Every step of the default ladder before `step`, taken on its own day for an invoice `late` days overdue. */
function takenBefore(step: LadderStepKey, late: number): TakenStep[] {
  const dueDate = addDays(today, -late);
  return ladderOrder.slice(0, ladderOrder.indexOf(step)).map((key) => ({
    step: key,
    ref: 0,
    on: addDays(dueDate, defaultLadder.find((s) => s.key === key)!.days),
  }));
}

function taken(step: StepKey, on: CalendarDate, ref = 0): TakenStep {
  return { step, ref, on };
}

/** A customer with one invoice 14 days overdue and the default ladder, nothing taken yet. */
function situation(overrides: Partial<CustomerSituation> = {}): CustomerSituation {
  return {
    customerId: 1,
    customerName: 'Ada Lovelace Ltd',
    kind: 'company',
    timeZone: 'Europe/London',
    ladder: defaultLadder,
    doNotContact: null,
    paidLateBefore: false,
    invoices: [invoice(14)],
    episode: 3,
    taken: [],
    contacts: [],
    promises: [],
    resumingAfterPause: null,
    paidSinceLastContact: [],
    ...overrides,
  };
}

function withSteps(change: (step: Ladder[number]) => Partial<Ladder[number]> | null): Ladder {
  return defaultLadder.map((step) => ({ ...step, ...change(step) }));
}

interface Expected {
  kind: 'step' | 'paused' | 'none';
  step?: StepKey;
  ref?: number;
  channel?: string;
  autopilot?: boolean;
  invoiceIds?: number[];
  skipped?: LadderStepKey[];
  /** Each must appear in one of the `why` lines. */
  why?: (string | RegExp)[];
  /** None may appear in any `why` line. */
  notWhy?: (string | RegExp)[];
  /** The promise falling due (its id), or null. Unchecked when left out. */
  promiseDue?: number | null;
  promiseDueWhy?: string[];
}

interface Scenario {
  name: string;
  situation: Partial<CustomerSituation>;
  context?: Partial<PolicyContext>;
  expected: Expected;
}

/** A step on its day of the default ladder, and the day before it (`title`: how it is named). */
function stepAtDay(step: LadderStepKey, days: number, channel: string, title: string): Scenario[] {
  const label = days === 1 ? '1 day' : `${days} days`;
  const previous = ladderOrder[ladderOrder.indexOf(step) - 1];
  const stepText = `${title} is due.`;
  return [
    {
      name: `${step} on its day (+${days})`,
      situation: { invoices: [invoice(days)], taken: takenBefore(step, days) },
      expected: {
        kind: 'step',
        step,
        channel,
        ref: 0,
        invoiceIds: [1042],
        skipped: [],
        why: [`Invoice 1042 is ${label} overdue.`, stepText],
        notWhy: ['Skipped'],
      },
    },
    {
      name: `${step} not the day before (+${days - 1})`,
      situation: {
        invoices: [invoice(days - 1)],
        taken: takenBefore(step, days - 1),
        paidLateBefore: false,
      },
      expected:
        days - 1 === 0
          ? {
              kind: 'none',
              why: ['no courtesy heads-up, as this customer has always paid on time'],
            }
          : {
              kind: 'none',
              why: [
                `Invoice 1042 is ${days - 1 === 1 ? '1 day' : `${days - 1} days`} overdue.`,
                previous ? 'was already taken in this episode.' : 'No step is due yet.',
                `Next: ${title} on 16 March 2027.`,
              ],
            },
    },
  ];
}

const scenarios: Scenario[] = [
  // ── The courtesy heads-up ──────────────────────────────────────────────────────────────
  {
    name: 'courtesy exactly 3 days before the due date, after late history',
    situation: { invoices: [invoice(-3)], paidLateBefore: true },
    expected: {
      kind: 'step',
      step: 'courtesy',
      ref: dayNumber('2027-03-18'),
      channel: 'email',
      invoiceIds: [1042],
      skipped: [],
      why: [
        'Invoice 1042 falls due on 18 March 2027.',
        'courtesy heads-up (−3) is due: this customer has paid late before.',
      ],
    },
  },
  {
    name: 'no courtesy 4 days before the due date',
    situation: { invoices: [invoice(-4)], paidLateBefore: true },
    expected: { kind: 'none', why: ['Nothing is overdue.'] },
  },
  {
    name: 'no courtesy for a customer who has always paid on time',
    situation: { invoices: [invoice(-3)], paidLateBefore: false },
    expected: {
      kind: 'none',
      why: [
        'Invoice 1042 falls due on 18 March 2027; no courtesy heads-up, as this customer has always paid on time.',
      ],
    },
  },
  {
    name: 'courtesy still on the due day itself (nothing is overdue yet)',
    situation: { invoices: [invoice(0)], paidLateBefore: true },
    expected: { kind: 'step', step: 'courtesy', ref: dayNumber(today), invoiceIds: [1042] },
  },
  {
    name: 'courtesy covers every invoice falling due on the first date, only those',
    situation: {
      invoices: [invoice(-2), second(-2), invoice(-3, { id: 1044, number: '1044' })],
      paidLateBefore: true,
    },
    expected: {
      kind: 'step',
      step: 'courtesy',
      ref: dayNumber('2027-03-17'),
      invoiceIds: [1042, 1043],
      why: ['Invoices 1042 and 1043 fall due on 17 March 2027.'],
    },
  },
  {
    name: 'courtesy already taken for this due date',
    situation: {
      invoices: [invoice(-1)],
      paidLateBefore: true,
      taken: [taken('courtesy', '2027-03-13', dayNumber('2027-03-16'))],
    },
    expected: {
      kind: 'none',
      why: ['The courtesy heads-up for this due date was already taken.'],
    },
  },
  {
    name: 'courtesy for a later due date after one was taken for an earlier one',
    situation: {
      invoices: [invoice(-3)],
      paidLateBefore: true,
      taken: [taken('courtesy', '2027-03-01', dayNumber('2027-03-04'))],
    },
    expected: { kind: 'step', step: 'courtesy', ref: dayNumber('2027-03-18') },
  },
  {
    name: 'no courtesy when the step is switched off',
    situation: {
      invoices: [invoice(-3)],
      paidLateBefore: true,
      ladder: withSteps((s) => (s.key === 'courtesy' ? { enabled: false } : null)),
    },
    expected: { kind: 'none', why: ['Nothing is overdue.'] },
  },
  {
    name: 'no courtesy for an upcoming invoice that is disputed',
    situation: { invoices: [invoice(-2, { disputed: true })], paidLateBefore: true },
    expected: { kind: 'none', why: ['Nothing is overdue.'] },
  },
  {
    name: 'the ladder, not the courtesy, when something is already overdue',
    situation: { invoices: [invoice(1), second(-3)], paidLateBefore: true },
    expected: {
      kind: 'step',
      step: 'slipped',
      invoiceIds: [1042],
      why: ['Invoice 1042 is 1 day overdue.'],
    },
  },
  {
    name: 'courtesy honours a custom number of days (−5)',
    situation: {
      invoices: [invoice(-5)],
      paidLateBefore: true,
      ladder: withSteps((s) => (s.key === 'courtesy' ? { days: -5 } : null)),
    },
    expected: { kind: 'step', step: 'courtesy', why: ['courtesy heads-up (−5) is due'] },
  },

  // ── Each step on its day, and not the day before ───────────────────────────────────────
  ...stepAtDay('slipped', 1, 'email', '"may have slipped through" (+1)'),
  ...stepAtDay('reminder', 7, 'email', 'reminder (+7)'),
  ...stepAtDay('check_in', 14, 'email', 'check-in (+14)'),
  ...stepAtDay('firm', 30, 'email', 'firm reminder (+30)'),
  ...stepAtDay('call', 45, 'call', 'phone call (+45)'),
  ...stepAtDay('final', 60, 'letter_email', 'final notice (+60)'),
  ...stepAtDay('agency', 90, 'decision', 'agency decision (+90)'),

  // ── Several invoices, partial payments ────────────────────────────────────────────────
  {
    name: 'one message covers every overdue invoice, at the step of the most overdue',
    situation: { invoices: [second(3), invoice(14)], taken: takenBefore('check_in', 14) },
    expected: {
      kind: 'step',
      step: 'check_in',
      invoiceIds: [1042, 1043],
      why: [
        'Invoice 1042 is 14 days overdue (2 invoices overdue in all).',
        'check-in (+14) is due.',
      ],
    },
  },
  {
    name: 'partial payment mid-ladder is thanked for in the next step',
    situation: {
      invoices: [invoice(14, { open: 10_000 })],
      taken: takenBefore('check_in', 14),
      paidSinceLastContact: [{ currency: 'GBP', amount: 20_000 }],
    },
    expected: {
      kind: 'step',
      step: 'check_in',
      why: [
        'check-in (+14) is due.',
        'Thanks for £200.00 received since the last contact; the message states what is still open.',
      ],
    },
  },
  {
    name: 'payments in two currencies are both thanked for; a zero is not',
    situation: {
      taken: takenBefore('check_in', 14),
      paidSinceLastContact: [
        { currency: 'GBP', amount: 20_000 },
        { currency: 'EUR', amount: 0 },
        { currency: 'JPY', amount: 5_000 },
      ],
    },
    expected: { kind: 'step', why: ['Thanks for £200.00 and JP¥5,000 received'], notWhy: ['€'] },
  },
  {
    name: 'no thanks line when nothing was paid since the last contact',
    situation: { taken: takenBefore('check_in', 14), paidSinceLastContact: [] },
    expected: { kind: 'step', step: 'check_in', notWhy: ['Thanks for'] },
  },

  // ── Disputes ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'dispute on one invoice of two: it is left out, the other is chased',
    situation: {
      invoices: [invoice(20, { disputed: true }), second(14)],
      taken: takenBefore('check_in', 14),
    },
    expected: {
      kind: 'step',
      step: 'check_in',
      invoiceIds: [1043],
      why: ['Invoice 1043 is 14 days overdue.', 'Invoice 1042 is left out: it is disputed.'],
      notWhy: ['Invoice 1042 is 20 days overdue'],
    },
  },
  {
    name: 'dispute covering every overdue invoice pauses the customer',
    situation: {
      invoices: [invoice(20, { disputed: true }), second(14, { disputed: true })],
    },
    expected: {
      kind: 'paused',
      invoiceIds: [1042, 1043],
      why: [
        'Blocked: every overdue invoice is left out of chasing.',
        'Invoice 1042 is left out: it is disputed.',
        'Invoice 1043 is left out: it is disputed.',
      ],
    },
  },
  {
    name: 'dispute rejected: the ladder resumes after the last step taken, no jump',
    situation: {
      invoices: [invoice(40)],
      taken: [taken('slipped', '2027-02-04')],
      resumingAfterPause: { reason: 'the dispute' },
    },
    expected: {
      kind: 'step',
      step: 'reminder',
      skipped: [],
      why: [
        'Invoice 1042 is 40 days overdue.',
        'reminder (+7) is due.',
        'The ladder resumes where it stopped after the dispute; it never jumps.',
      ],
      notWhy: ['Skipped'],
    },
  },
  {
    name: 'resuming with nothing taken before the pause starts at the first step',
    situation: { invoices: [invoice(40)], resumingAfterPause: { reason: 'the dispute' } },
    expected: { kind: 'step', step: 'slipped', skipped: [] },
  },

  // ── Gaps ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'after a gap of 40 days only the step that fits today, the rest named as skipped',
    situation: { invoices: [invoice(40)], taken: [taken('slipped', '2027-02-04')] },
    expected: {
      kind: 'step',
      step: 'firm',
      skipped: ['reminder', 'check_in'],
      why: [
        'firm reminder (+30) is due.',
        'Skipped, so no backlog goes out: reminder (+7), check-in (+14).',
      ],
    },
  },
  {
    name: 'old invoices imported at 40 days: firm, with every earlier step skipped',
    situation: { invoices: [invoice(40)] },
    expected: { kind: 'step', step: 'firm', skipped: ['slipped', 'reminder', 'check_in'] },
  },
  {
    name: 'a step already taken is not proposed again',
    situation: { invoices: [invoice(20)], taken: takenBefore('firm', 20) },
    expected: {
      kind: 'none',
      why: [
        'Invoice 1042 is 20 days overdue.',
        'check-in (+14) was already taken in this episode.',
        'Next: firm reminder (+30) on 25 March 2027.',
      ],
    },
  },
  {
    name: 'the last step taken: the ladder has no further steps',
    situation: {
      invoices: [invoice(120)],
      taken: takenBefore('agency', 120).concat(taken('agency', '2027-02-13')),
    },
    expected: { kind: 'none', why: ['The ladder has no further steps.'] },
  },
  {
    name: 'the most overdue invoice was paid: no step goes backwards',
    situation: { invoices: [second(10)], taken: takenBefore('call', 40) },
    expected: {
      kind: 'none',
      why: ['firm reminder (+30) was already taken', 'Next: phone call (+45) on 19 April 2027.'],
      notWhy: ['check-in (+14) on'],
    },
  },

  {
    name: 'the most overdue invoice was paid after the last step: nothing earlier is named next',
    situation: {
      invoices: [second(10)],
      taken: [...takenBefore('agency', 120), taken('agency', '2027-02-13')],
    },
    expected: {
      kind: 'none',
      why: ['agency decision (+90) was already taken', 'The ladder has no further steps.'],
      notWhy: ['Next:'],
    },
  },

  // ── Promises to pay ──────────────────────────────────────────────────────────────────────
  {
    name: 'promise in its time pauses chasing',
    situation: { promises: [promise({ date: '2027-03-20' })] },
    expected: {
      kind: 'paused',
      invoiceIds: [1042],
      why: [
        'Blocked: promise to pay £300.00 by 20 March 2027 (chasing waits until 23 March 2027).',
      ],
      promiseDue: null,
    },
  },
  {
    name: 'promise falling due today: still paused, and a check for the owner',
    situation: { promises: [promise({ date: today, paid: 5_000 })] },
    expected: {
      kind: 'paused',
      why: ['Blocked: promise to pay £300.00 by 15 March 2027'],
      promiseDue: 7,
      promiseDueWhy: [
        '£300.00 was promised by 15 March 2027; £50.00 has come in since.',
        'Chasing waits until 18 March 2027; check your bank and record the payment if it has arrived.',
      ],
    },
  },
  {
    name: 'promise on the last day of its grace: still paused',
    situation: { promises: [promise({ date: '2027-03-12' })] },
    expected: { kind: 'paused', promiseDue: 7, why: ['chasing waits until 15 March 2027'] },
  },
  {
    name: 'promise kept (paid at least the amount): it no longer blocks',
    situation: {
      invoices: [invoice(14, { open: 5_000 })],
      taken: takenBefore('check_in', 14),
      promises: [promise({ date: '2027-03-20', paid: 30_000 })],
    },
    expected: { kind: 'step', step: 'check_in', promiseDue: null, notWhy: ['promise'] },
  },
  {
    name: 'promise broken after its grace: one gentle "we noticed" step',
    situation: {
      taken: takenBefore('check_in', 14),
      promises: [promise({ id: 9, date: '2027-03-11', paid: 10_000 })],
    },
    expected: {
      kind: 'step',
      step: 'promise_broken',
      ref: 9,
      channel: 'email',
      autopilot: false,
      invoiceIds: [1042],
      skipped: [],
      why: [
        'The promise to pay by 11 March 2027 has passed with £200.00 still to come.',
        'A gentle "we noticed" comes first; the ladder then resumes where it stopped.',
      ],
      promiseDue: null,
    },
  },
  {
    name: 'promise marked broken by the owner before its date: the "we noticed" step',
    situation: { promises: [promise({ id: 9, date: '2027-03-20', outcome: 'broken' })] },
    expected: { kind: 'step', step: 'promise_broken', ref: 9 },
  },
  {
    name: 'promise broken, "we noticed" taken: the ladder resumes after the last step, no jump',
    situation: {
      invoices: [invoice(40)],
      taken: [taken('slipped', '2027-02-04'), taken('promise_broken', '2027-03-10', 9)],
      promises: [promise({ id: 9, date: '2027-03-06' })],
    },
    expected: {
      kind: 'step',
      step: 'reminder',
      skipped: [],
      why: ['reminder (+7) is due.', 'The ladder resumes where it stopped'],
      notWhy: ['Skipped'],
    },
  },
  {
    name: 'promise broken, "we noticed" taken and a later ladder step taken: normal ladder again',
    situation: {
      invoices: [invoice(40)],
      taken: [
        taken('slipped', '2027-02-04'),
        taken('promise_broken', '2027-02-20', 9),
        taken('reminder', '2027-02-26'),
      ],
      promises: [promise({ id: 9, date: '2027-02-15' })],
    },
    expected: { kind: 'step', step: 'firm', skipped: ['check_in'] },
  },
  {
    name: 'a cancelled promise neither blocks nor asks for a "we noticed"',
    situation: {
      taken: takenBefore('check_in', 14),
      promises: [promise({ date: '2027-03-01', outcome: 'cancelled' })],
    },
    expected: { kind: 'step', step: 'check_in', promiseDue: null },
  },
  {
    name: 'a fresh promise in its time outweighs an older missed one',
    situation: {
      promises: [
        promise({ id: 9, date: '2027-03-01' }),
        promise({ id: 10, date: '2027-03-22', amount: 20_000 }),
      ],
    },
    expected: {
      kind: 'paused',
      why: ['Blocked: promise to pay £200.00 by 22 March 2027'],
      notWhy: ['we noticed'],
    },
  },
  {
    name: 'a dispute on everything outweighs a missed promise',
    situation: {
      invoices: [invoice(14, { disputed: true })],
      promises: [promise({ date: '2027-03-01' })],
    },
    expected: { kind: 'paused', why: ['Blocked: every overdue invoice is left out of chasing.'] },
  },

  // ── Payment plans ────────────────────────────────────────────────────────────────────────
  {
    name: 'an active plan covering the only overdue invoice pauses the ladder',
    situation: { invoices: [invoice(30, { inPlan: true })] },
    expected: {
      kind: 'paused',
      why: ['Invoice 1042 is left out: it is in a payment plan.'],
    },
  },
  {
    name: 'a plan on one invoice of two: the other is chased',
    situation: {
      invoices: [invoice(30, { inPlan: true }), second(7)],
      taken: takenBefore('reminder', 7),
    },
    expected: {
      kind: 'step',
      step: 'reminder',
      invoiceIds: [1043],
      why: [
        'Invoice 1043 is 7 days overdue.',
        'Invoice 1042 is left out: it is in a payment plan.',
      ],
    },
  },
  {
    name: 'plan defaulted or cancelled: the ladder resumes after the last step, no jump',
    situation: {
      invoices: [invoice(70)],
      taken: takenBefore('firm', 70),
      resumingAfterPause: { reason: 'the payment plan ended' },
    },
    expected: {
      kind: 'step',
      step: 'firm',
      skipped: [],
      why: ['The ladder resumes where it stopped after the payment plan ended; it never jumps.'],
    },
  },

  // ── Do-not-contact and invoice pauses ────────────────────────────────────────────────────
  {
    name: 'do-not-contact without an end date',
    situation: { doNotContact: { reason: 'bereavement', until: null } },
    expected: {
      kind: 'paused',
      invoiceIds: [1042],
      why: ['Blocked: do not contact (bereavement).'],
    },
  },
  {
    name: 'do-not-contact until a date: blocked on its last day',
    situation: { doNotContact: { reason: 'in hospital', until: today } },
    expected: {
      kind: 'paused',
      why: ['Blocked: do not contact until 15 March 2027 (in hospital).'],
    },
  },
  {
    name: 'do-not-contact ended yesterday: chased today',
    situation: {
      doNotContact: { reason: 'in hospital', until: '2027-03-14' },
      taken: takenBefore('check_in', 14),
    },
    expected: { kind: 'step', step: 'check_in' },
  },
  {
    name: 'do-not-contact with no reason given',
    situation: { doNotContact: { reason: '', until: '2027-04-01' } },
    expected: {
      kind: 'paused',
      why: ['Blocked: do not contact until 1 April 2027 (no reason given).'],
    },
  },
  {
    name: 'do-not-contact blocks the courtesy heads-up too',
    situation: {
      invoices: [invoice(-3)],
      paidLateBefore: true,
      doNotContact: { reason: 'asked by phone', until: null },
    },
    expected: { kind: 'paused', invoiceIds: [], why: ['Blocked: do not contact'] },
  },
  {
    name: 'do-not-contact outweighs a missed promise',
    situation: {
      doNotContact: { reason: 'asked by phone', until: null },
      promises: [promise({ date: '2027-03-01' })],
    },
    expected: { kind: 'paused', notWhy: ['we noticed'] },
  },
  {
    name: 'an invoice paused until a later date is left out',
    situation: {
      invoices: [invoice(14, { pause: { reason: 'awaiting PO', until: '2027-03-20' } })],
    },
    expected: {
      kind: 'paused',
      why: ['Invoice 1042 is left out: it is paused until 20 March 2027 (awaiting PO).'],
    },
  },
  {
    name: 'an invoice pause still holds on its last day',
    situation: { invoices: [invoice(14, { pause: { reason: 'awaiting PO', until: today } })] },
    expected: { kind: 'paused' },
  },
  {
    name: 'an invoice pause that ended yesterday: chased today',
    situation: {
      invoices: [invoice(14, { pause: { reason: 'awaiting PO', until: '2027-03-14' } })],
      taken: takenBefore('check_in', 14),
    },
    expected: { kind: 'step', step: 'check_in', invoiceIds: [1042] },
  },

  // ── Ladders ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'no ladder for this customer: nothing, not even a promise check',
    situation: { ladder: null, promises: [promise({ date: today })] },
    expected: {
      kind: 'none',
      why: ['Reminders are off for this customer.'],
      promiseDue: null,
    },
  },
  {
    name: 'a custom ladder: its own days',
    situation: {
      invoices: [invoice(10)],
      ladder: [
        { key: 'slipped', days: 3, channel: 'email', enabled: true, autopilot: true },
        { key: 'firm', days: 10, channel: 'letter', enabled: true, autopilot: false },
      ],
      taken: [taken('slipped', '2027-03-08')],
    },
    expected: {
      kind: 'step',
      step: 'firm',
      channel: 'letter',
      skipped: [],
      why: ['firm reminder (+10) is due.'],
    },
  },
  {
    name: 'a custom ladder: not before its first day',
    situation: {
      invoices: [invoice(2)],
      ladder: [{ key: 'slipped', days: 3, channel: 'email', enabled: true, autopilot: true }],
    },
    expected: {
      kind: 'none',
      why: ['No step is due yet.', 'Next: "may have slipped through" (+3) on 16 March 2027.'],
    },
  },
  {
    name: 'autopilot is carried from the ladder step',
    situation: {
      invoices: [invoice(1)],
      ladder: withSteps((s) => (s.key === 'slipped' ? { autopilot: true } : null)),
    },
    expected: { kind: 'step', step: 'slipped', autopilot: true },
  },
  {
    name: 'a disabled step is not proposed on its day',
    situation: {
      invoices: [invoice(7)],
      taken: takenBefore('reminder', 7),
      ladder: withSteps((s) => (s.key === 'reminder' ? { enabled: false } : null)),
    },
    expected: { kind: 'none', why: ['Next: check-in (+14) on 22 March 2027.'] },
  },
  {
    name: 'a disabled step is neither proposed nor named as skipped',
    situation: {
      invoices: [invoice(14)],
      taken: takenBefore('reminder', 14),
      ladder: withSteps((s) => (s.key === 'reminder' ? { enabled: false } : null)),
    },
    expected: { kind: 'step', step: 'check_in', skipped: [], notWhy: ['Skipped'] },
  },
  {
    name: 'the agency step is a decision, never on autopilot',
    situation: { invoices: [invoice(95)], taken: takenBefore('agency', 95) },
    expected: { kind: 'step', step: 'agency', channel: 'decision', autopilot: false },
  },

  // ── Wording: currencies, locales, the episode ────────────────────────────────────────────
  {
    name: 'a yen promise is stated without decimals',
    situation: {
      invoices: [invoice(14, { currency: 'JPY', open: 500_000 })],
      promises: [promise({ date: '2027-03-20', amount: 500_000, currency: 'JPY' })],
    },
    expected: { kind: 'paused', why: ['Blocked: promise to pay JP¥500,000 by 20 March 2027'] },
  },
  {
    name: 'a Kuwaiti dinar missed promise is stated with three decimals',
    situation: {
      invoices: [invoice(14, { currency: 'KWD', open: 1_250 })],
      promises: [promise({ date: '2027-03-01', amount: 1_250, currency: 'KWD', paid: 250 })],
    },
    expected: {
      kind: 'step',
      step: 'promise_broken',
      why: [/passed with KWD\s1\.000 still to come/],
    },
  },
  {
    name: "dates in the owner's locale (en-US)",
    situation: { invoices: [invoice(-3)], paidLateBefore: true },
    context: { locale: 'en-US' },
    expected: {
      kind: 'step',
      step: 'courtesy',
      why: ['Invoice 1042 falls due on March 18, 2027.'],
    },
  },
  {
    name: 'the proposal carries the episode',
    situation: { episode: 12, invoices: [invoice(1)] },
    expected: { kind: 'step', step: 'slipped', why: ['Invoice 1042 is 1 day overdue.'] },
  },
  {
    name: 'a longer promise grace from the context',
    situation: { promises: [promise({ date: '2027-03-08' })] },
    context: { promiseGraceDays: 7 },
    expected: { kind: 'paused', promiseDue: 7, why: ['chasing waits until 15 March 2027'] },
  },
  {
    name: 'a zero promise grace: broken the day after its date',
    situation: { promises: [promise({ date: '2027-03-14' })] },
    context: { promiseGraceDays: 0 },
    expected: { kind: 'step', step: 'promise_broken' },
  },
];

function matches(lines: readonly string[], phrase: string | RegExp): boolean {
  return lines.some((line) =>
    typeof phrase === 'string' ? line.includes(phrase) : phrase.test(line),
  );
}

describe('the reminder policy, scenario by scenario', () => {
  it('has at least 50 scenarios, each with its own name', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(50);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it.each(scenarios)('$name', ({ situation: overrides, context, expected }) => {
    const input = situation(overrides);
    const plan = planCustomer(input, { ...baseContext, ...context });
    const { proposal } = plan;
    expect(proposal.kind, proposal.why.join('\n')).toBe(expected.kind);
    if (proposal.kind === 'step') {
      expect(proposal.episode).toBe(input.episode);
      if (expected.step) expect(proposal.step).toBe(expected.step);
      if (expected.ref !== undefined) expect(proposal.ref).toBe(expected.ref);
      if (expected.channel) expect(proposal.channel).toBe(expected.channel);
      if (expected.autopilot !== undefined) expect(proposal.autopilot).toBe(expected.autopilot);
      if (expected.skipped) expect(proposal.skipped).toEqual(expected.skipped);
    }
    if (expected.invoiceIds) {
      expect(proposal.kind === 'none' ? [] : proposal.invoiceIds).toEqual(expected.invoiceIds);
    }
    for (const phrase of expected.why ?? []) {
      expect(
        matches(proposal.why, phrase),
        `"${String(phrase)}" in:\n${proposal.why.join('\n')}`,
      ).toBe(true);
    }
    for (const phrase of expected.notWhy ?? []) {
      expect(
        matches(proposal.why, phrase),
        `no "${String(phrase)}" in:\n${proposal.why.join('\n')}`,
      ).toBe(false);
    }
    if (expected.promiseDue !== undefined) {
      expect(plan.promiseDue?.promiseId ?? null).toBe(expected.promiseDue);
    }
    for (const line of expected.promiseDueWhy ?? []) {
      expect(plan.promiseDue?.why).toContain(line);
    }
  });
});

describe('the thank-you after an episode is settled', () => {
  it.each<[string, StepKey[], boolean]>([
    ['after a reminder', ['slipped', 'reminder'], true],
    ['after only a missed-promise note', ['promise_broken'], true],
    ['after a phone call', ['call'], true],
    ['not after only the courtesy heads-up', ['courtesy'], false],
    ['not after only a promise check and the agency decision', ['promise_due', 'agency'], false],
    ['not when nothing was taken', [], false],
  ])('%s', (_name, steps, due) => {
    expect(thankYouDue(steps.map((step) => ({ step })))).toBe(due);
  });
});
