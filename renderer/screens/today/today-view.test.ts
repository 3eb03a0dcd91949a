import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../shared/reminders/queue';
import {
  formatDay,
  mainAction,
  offersPlan,
  rowKey,
  todaySections,
  whySentences,
} from './today-view';

function item(extra: Partial<QueueItem> = {}): QueueItem {
  return {
    id: 1,
    customerId: 1,
    customerName: 'Harbour Café',
    step: 'check_in',
    stepName: 'check-in (+14)',
    group: 'send',
    channel: 'email',
    episode: 1,
    status: 'ready',
    why: ['Invoice HC-14 is 14 days overdue.', 'check-in (+14) is due.'],
    readyAt: null,
    snoozedUntil: null,
    autopilot: false,
    invoices: [],
    invoiceCount: 1,
    openTotals: [{ currency: 'GBP', amount: 12000 }],
    skipped: [],
    promise: null,
    ...extra,
  };
}

describe('todaySections', () => {
  it('puts ready rows under their action and every other row in the quiet section', () => {
    const sections = todaySections([
      item({ id: 1 }),
      item({ id: 2, group: 'call', channel: 'call' }),
      item({ id: 3, status: 'waiting' }),
      item({ id: null, customerId: 9, status: 'blocked', step: null, stepName: 'paused' }),
    ]);
    expect(sections.anythingReady).toBe(true);
    expect(sections.actions.map((s) => [s.title, s.items.map((i) => i.id)])).toEqual([
      ['To send', [1]],
      ['To call', [2]],
      ['Promises falling due', []],
      ['Decisions', []],
    ]);
    expect(sections.paused.items.map((i) => i.id)).toEqual([3, null]);
  });

  it('shows plan instalments only when there are some', () => {
    const sections = todaySections([item({ group: 'plans' })]);
    expect(sections.actions.map((s) => s.title)).toContain('Plan instalments due');
  });

  it('shows no action sections on a day with nothing ready, and leaves out rows just acted on', () => {
    const first = item({ id: 1 });
    const sections = todaySections(
      [first, item({ id: 2, status: 'snoozed' })],
      new Set([rowKey(first)]),
    );
    expect(sections.anythingReady).toBe(false);
    expect(sections.actions).toEqual([]);
    expect(sections.paused.items).toHaveLength(1);
  });
});

describe('mainAction', () => {
  it('approves messages, logs calls, notes decisions and promises, and leaves blocked rows be', () => {
    expect(mainAction(item())).toBe('approve');
    expect(mainAction(item({ channel: 'call', group: 'call' }))).toBe('log_call');
    expect(mainAction(item({ channel: 'decision', group: 'decide' }))).toBe('note');
    expect(mainAction(item({ step: 'promise_due', channel: 'decision', group: 'promises' }))).toBe(
      'note',
    );
    expect(mainAction(item({ id: null, status: 'blocked' }))).toBeNull();
  });
});

describe('whySentences', () => {
  it('starts each reason with a capital, and leaves the snooze date to the status', () => {
    expect(
      whySentences(
        item({
          snoozedUntil: '2027-03-22',
          why: ['check-in (+14) is due.', 'Snoozed until 2027-03-22.'],
        }),
      ),
    ).toEqual(['Check-in (+14) is due.']);
  });
});

describe('formatDay', () => {
  it('names the weekday, in the business locale, whatever the machine zone', () => {
    expect(formatDay('2027-03-15', 'en-GB')).toMatch(/^Monday,? 15 March 2027$/);
    expect(formatDay('2027-03-15', 'de-DE')).toBe('Montag, 15. März 2027');
  });
});

describe('offersPlan', () => {
  it('leads to a plan from the check-in and the final notice only', () => {
    expect(offersPlan(item({ step: 'check_in' }))).toBe(true);
    expect(offersPlan(item({ step: 'final' }))).toBe(true);
    expect(offersPlan(item({ step: 'reminder' }))).toBe(false);
    expect(offersPlan(item({ step: null }))).toBe(false);
  });
});
