/**
 * Whether a proposed step may go now, scenario by scenario. Unless a scenario says otherwise:
 * a company in London, Monday 15 March 2027 at 10:00 (GMT), weekdays 08:00–20:00, the default
 * guardrails (5 days' gap, 2 messages and 3 calls per rolling 7 days).
 */
import { describe, expect, it } from 'vitest';
import type { CustomerKind } from '../ledger';
import type { ContactWindow } from '../settings';
import { defaultGuardrails, type Guardrails } from './guardrails';
import type { StepChannel, StepKey } from './ladder';
import { contactKind, readiness } from './readiness';
import type { SituationContact } from './situation';

const weekdaysOnly: ContactWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '08:00',
  end: '20:00',
};

const message = (iso: string): SituationContact => ({ at: new Date(iso), channel: 'message' });
const call = (iso: string): SituationContact => ({ at: new Date(iso), channel: 'call' });

interface Scenario {
  name: string;
  step?: StepKey;
  channel?: StepChannel;
  kind?: CustomerKind;
  timeZone?: string;
  /** Newest first. */
  contacts?: SituationContact[];
  now?: string;
  window?: ContactWindow;
  guardrails?: Partial<Guardrails>;
  status: 'ready' | 'waiting';
  /** ISO instant, or null for never. Unchecked when left out. */
  readyAt?: string | null;
  why?: string[];
}

const scenarios: Scenario[] = [
  {
    name: 'no contact yet, inside the window: ready',
    status: 'ready',
    why: ['No contact yet.', 'Ready.'],
  },
  {
    name: 'last contact 6 days ago: ready',
    contacts: [message('2027-03-09T10:00:00Z')],
    status: 'ready',
    why: ['Last contact 6 days ago.', 'Ready.'],
  },
  {
    name: 'last contact 5 days ago (the minimum gap): ready',
    contacts: [message('2027-03-10T19:00:00Z')],
    status: 'ready',
    why: ['Last contact 5 days ago.'],
  },
  {
    name: 'last contact 4 days ago: waiting until the window opens on the fifth day',
    contacts: [message('2027-03-11T09:00:00Z')],
    status: 'waiting',
    readyAt: '2027-03-16T08:00:00.000Z',
    why: ['Last contact 4 days ago; the minimum gap is 5 days (from 16 March 2027).'],
  },
  {
    name: 'last contact yesterday',
    contacts: [message('2027-03-14T10:00:00Z')],
    status: 'waiting',
    why: ['Last contact 1 day ago; the minimum gap is 5 days (from 19 March 2027).'],
  },
  {
    name: 'a gap ending on a Sunday: ready on Monday morning',
    now: '2027-03-18T10:00:00Z',
    contacts: [message('2027-03-16T10:00:00Z')],
    status: 'waiting',
    readyAt: '2027-03-22T08:00:00.000Z',
  },
  {
    name: 'a gap ending after the clocks go forward: 08:00 BST',
    now: '2027-03-25T10:00:00Z',
    contacts: [message('2027-03-24T10:00:00Z')],
    status: 'waiting',
    readyAt: '2027-03-29T07:00:00.000Z',
  },
  {
    name: "the gap is counted in the customer's calendar days",
    // 23:30 UTC on the 10th is already the 11th in Sydney: only 4 of their days before the 15th.
    timeZone: 'Australia/Sydney',
    now: '2027-03-15T00:00:00Z',
    contacts: [message('2027-03-10T23:30:00Z')],
    status: 'waiting',
    readyAt: '2027-03-15T21:00:00.000Z',
    why: ['Last contact 4 days ago; the minimum gap is 5 days (from 16 March 2027).'],
  },
  {
    name: 'cap reached (2 messages in 7 days): waiting until the oldest leaves the 7 days',
    guardrails: { minGapDays: 0 },
    contacts: [message('2027-03-12T11:00:00Z'), message('2027-03-09T09:00:00Z')],
    status: 'waiting',
    readyAt: '2027-03-16T09:00:00.000Z',
    why: ['2 messages in the last 7 days (the cap is 2).'],
  },
  {
    name: 'cap freeing in the evening: ready when the window next opens',
    guardrails: { minGapDays: 0 },
    contacts: [message('2027-03-12T11:00:00Z'), message('2027-03-08T21:30:00Z')],
    status: 'waiting',
    readyAt: '2027-03-16T08:00:00.000Z',
  },
  {
    name: 'cap freeing on a Saturday: ready on Monday',
    guardrails: { minGapDays: 0 },
    now: '2027-03-18T12:00:00Z',
    contacts: [message('2027-03-17T10:00:00Z'), message('2027-03-13T12:00:00Z')],
    status: 'waiting',
    readyAt: '2027-03-22T08:00:00.000Z',
  },
  {
    name: 'a message exactly 7 days ago no longer counts against the cap',
    guardrails: { minGapDays: 0 },
    contacts: [message('2027-03-12T11:00:00Z'), message('2027-03-08T10:00:00Z')],
    status: 'ready',
  },
  {
    name: 'gap and cap together: the later of the two',
    contacts: [message('2027-03-12T11:00:00Z'), message('2027-03-09T09:00:00Z')],
    status: 'waiting',
    readyAt: '2027-03-17T08:00:00.000Z',
    why: ['Last contact 3 days ago;', '2 messages in the last 7 days (the cap is 2).'],
  },
  {
    name: 'calls are counted apart: two messages do not hold back a call',
    step: 'call',
    channel: 'call',
    guardrails: { minGapDays: 0 },
    contacts: [message('2027-03-12T11:00:00Z'), message('2027-03-09T09:00:00Z')],
    status: 'ready',
  },
  {
    name: 'three calls in 7 days hold back a fourth',
    step: 'call',
    channel: 'call',
    guardrails: { minGapDays: 0 },
    contacts: [
      call('2027-03-15T09:00:00Z'),
      call('2027-03-12T11:00:00Z'),
      call('2027-03-10T09:00:00Z'),
    ],
    status: 'waiting',
    readyAt: '2027-03-17T09:00:00.000Z',
    why: ['3 calls in the last 7 days (the cap is 3).'],
  },
  {
    name: 'three calls do not hold back a message',
    guardrails: { minGapDays: 0 },
    contacts: [
      call('2027-03-15T09:00:00Z'),
      call('2027-03-12T11:00:00Z'),
      call('2027-03-10T09:00:00Z'),
    ],
    status: 'ready',
  },
  {
    name: 'a thank-you ignores the gap and the cap',
    step: 'thank_you',
    contacts: [message('2027-03-15T09:00:00Z'), message('2027-03-12T09:00:00Z')],
    status: 'ready',
    why: ['Last contact today.', 'Ready.'],
  },
  {
    name: 'a thank-you still waits for the window',
    step: 'thank_you',
    now: '2027-03-20T12:00:00Z',
    status: 'waiting',
    readyAt: '2027-03-22T08:00:00.000Z',
  },
  {
    name: 'the agency decision is ready on a Sunday night: nothing is sent',
    step: 'agency',
    channel: 'decision',
    now: '2027-03-21T03:00:00Z',
    contacts: [message('2027-03-20T10:00:00Z')],
    status: 'ready',
    why: ['Nothing is sent: this is for you to decide.'],
  },
  {
    name: 'a promise check is ready outside the window',
    step: 'promise_due',
    channel: 'email',
    now: '2027-03-20T23:00:00Z',
    status: 'ready',
  },
  {
    name: 'a weekend is outside a Monday-to-Friday window',
    now: '2027-03-20T12:00:00Z',
    status: 'waiting',
    readyAt: '2027-03-22T08:00:00.000Z',
    why: [
      'Outside the contact window: it is 12:00 on Saturday 20 March 2027 where they are; it opens Monday 22 March 2027 at 08:00.',
    ],
  },
  {
    name: 'a customer in New York at 06:00 their time, 10:00 in London',
    timeZone: 'America/New_York',
    status: 'waiting',
    readyAt: '2027-03-15T12:00:00.000Z',
    why: ['Outside the contact window: it is 06:00 on Monday 15 March 2027 where they are'],
  },
  {
    name: 'a consumer at 07:30 their time, though the settings open at 07:00',
    kind: 'consumer',
    now: '2027-01-11T07:30:00Z',
    window: { ...weekdaysOnly, start: '07:00', end: '22:00' },
    status: 'waiting',
    readyAt: '2027-01-11T08:00:00.000Z',
    why: ['it opens Monday 11 January 2027 at 08:00.'],
  },
  {
    name: 'a company at 07:30 with the same settings',
    kind: 'company',
    now: '2027-01-11T07:30:00Z',
    window: { ...weekdaysOnly, start: '07:00', end: '22:00' },
    status: 'ready',
  },
  {
    name: 'a consumer at 21:30 their time, though the settings close at 22:00',
    kind: 'consumer',
    now: '2027-01-11T21:30:00Z',
    window: { ...weekdaysOnly, start: '07:00', end: '22:00' },
    status: 'waiting',
    readyAt: '2027-01-12T08:00:00.000Z',
  },
  {
    name: 'a sole trader at 21:30 with the same settings',
    kind: 'sole_trader',
    now: '2027-01-11T21:30:00Z',
    window: { ...weekdaysOnly, start: '07:00', end: '22:00' },
    status: 'ready',
  },
  {
    name: 'a window with no days: waiting, never ready by itself',
    window: { ...weekdaysOnly, days: [] },
    status: 'waiting',
    readyAt: null,
    why: ['the contact window has no hours at all.'],
  },
];

describe('whether a step may go now', () => {
  it.each(scenarios)('$name', (scenario) => {
    const now = new Date(scenario.now ?? '2027-03-15T10:00:00Z');
    const result = readiness(
      { step: scenario.step ?? 'reminder', channel: scenario.channel ?? 'email' },
      {
        kind: scenario.kind ?? 'company',
        timeZone: scenario.timeZone ?? 'Europe/London',
        contacts: scenario.contacts ?? [],
      },
      {
        now,
        today: now.toISOString().slice(0, 10),
        window: scenario.window ?? weekdaysOnly,
        guardrails: { ...defaultGuardrails, ...scenario.guardrails },
        locale: 'en-GB',
      },
    );
    expect(result.status, result.why.join('\n')).toBe(scenario.status);
    if (scenario.readyAt !== undefined && result.status === 'waiting') {
      expect(result.readyAt?.toISOString() ?? null).toBe(scenario.readyAt);
    }
    for (const phrase of scenario.why ?? []) {
      expect(
        result.why.some((line) => line.includes(phrase)),
        `"${phrase}" in:\n${result.why.join('\n')}`,
      ).toBe(true);
    }
  });
});

describe('the kind of contact a step makes', () => {
  it.each<[StepKey, StepChannel, ReturnType<typeof contactKind>]>([
    ['reminder', 'email', 'message'],
    ['final', 'letter_email', 'message'],
    ['firm', 'letter', 'message'],
    ['call', 'call', 'call'],
    ['agency', 'decision', null],
    ['promise_due', 'email', null],
    ['thank_you', 'email', 'message'],
  ])('%s by %s: %s', (step, channel, kind) => {
    expect(contactKind(step, channel)).toBe(kind);
  });
});
