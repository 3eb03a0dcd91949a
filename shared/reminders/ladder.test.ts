import { describe, expect, it } from 'vitest';
import {
  channelsFor,
  courtesyStep,
  defaultLadder,
  describeStep,
  ladderProblems,
  overdueSteps,
  type Ladder,
  type LadderStep,
} from './ladder';

function edited(change: (step: LadderStep, index: number) => Partial<LadderStep> | null): Ladder {
  return defaultLadder.map((step, index) => ({ ...step, ...change(step, index) }));
}

describe('the default ladder', () => {
  it('is the table in DESIGN.md', () => {
    expect(defaultLadder.map((s) => [s.key, s.days, s.channel])).toEqual([
      ['courtesy', -3, 'email'],
      ['slipped', 1, 'email'],
      ['reminder', 7, 'email'],
      ['check_in', 14, 'email'],
      ['firm', 30, 'email'],
      ['call', 45, 'call'],
      ['final', 60, 'letter_email'],
      ['agency', 90, 'decision'],
    ]);
  });

  it('has every step on and none on autopilot', () => {
    expect(defaultLadder.every((s) => s.enabled && !s.autopilot)).toBe(true);
  });

  it('has no problems', () => {
    expect(ladderProblems(defaultLadder)).toEqual([]);
  });
});

describe('describing steps', () => {
  it.each([
    [{ key: 'courtesy', days: -3 }, 'courtesy heads-up (−3)'],
    [{ key: 'check_in', days: 14 }, 'check-in (+14)'],
    [{ key: 'slipped', days: 1 }, '"may have slipped through" (+1)'],
    [{ key: 'agency', days: 90 }, 'agency decision (+90)'],
  ] as const)('%o is "%s"', (step, text) => {
    expect(describeStep(step)).toBe(text);
  });
});

describe('ladder problems', () => {
  it.each<[string, Ladder, string, RegExp]>([
    [
      'days that do not increase',
      edited((s) => (s.key === 'check_in' ? { days: 7 } : null)),
      'ladder.3.days',
      /Days must increase down the ladder: the check-in \(7\) must come after the reminder \(7\)/,
    ],
    [
      'days that go down',
      edited((s) => (s.key === 'firm' ? { days: 10 } : null)),
      'ladder.4.days',
      /firm reminder \(10\) must come after the check-in \(14\)/,
    ],
    [
      'a step listed twice',
      [...defaultLadder.slice(0, 3), { ...defaultLadder[2]!, days: 10 }],
      'ladder.3.key',
      /The reminder is listed twice\./,
    ],
    [
      'a courtesy step with positive days',
      edited((s) => (s.key === 'courtesy' ? { days: 2 } : null)),
      'ladder.0.days',
      /The courtesy heads-up comes before the due date: use a negative number of days\./,
    ],
    [
      'a courtesy step on the due date',
      edited((s) => (s.key === 'courtesy' ? { days: 0 } : null)),
      'ladder.0.days',
      /use a negative number of days/,
    ],
    [
      'a later step on the due date',
      edited((s) => (s.key === 'slipped' ? { days: 0 } : null)),
      'ladder.1.days',
      /The "may have slipped through" comes after the due date: use 1 or more days\./,
    ],
    [
      'autopilot on a call',
      edited((s) => (s.key === 'call' ? { autopilot: true } : null)),
      'ladder.5.autopilot',
      /A phone call is always the owner's to make; it cannot run on autopilot\./,
    ],
    [
      'autopilot on the agency decision',
      edited((s) => (s.key === 'agency' ? { autopilot: true } : null)),
      'ladder.7.autopilot',
      /agency decision is always the owner's/,
    ],
    [
      'a call sent by email',
      edited((s) => (s.key === 'call' ? { channel: 'email' } : null)),
      'ladder.5.channel',
      /The phone call cannot go by email\./,
    ],
    [
      'a reminder made a phone call',
      edited((s) => (s.key === 'reminder' ? { channel: 'call' } : null)),
      'ladder.2.channel',
      /The reminder cannot go by call\./,
    ],
    [
      'steps out of their order',
      [defaultLadder[0]!, { ...defaultLadder[4]!, days: 2 }, { ...defaultLadder[2]!, days: 7 }],
      'ladder.2.key',
      /The reminder must come before the firm reminder\./,
    ],
  ])('finds %s', (_name, ladder, field, message) => {
    const problems = ladderProblems(ladder);
    expect(problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('accepts a letter and email for the final notice, and autopilot on an email step', () => {
    const ladder = edited((s) =>
      s.key === 'firm' ? { channel: 'letter', autopilot: true } : null,
    );
    expect(ladderProblems(ladder)).toEqual([]);
  });

  it('accepts a short custom ladder without a courtesy step', () => {
    expect(
      ladderProblems([
        { key: 'slipped', days: 3, channel: 'email', enabled: true, autopilot: true },
        { key: 'final', days: 21, channel: 'letter', enabled: true, autopilot: false },
      ]),
    ).toEqual([]);
  });

  it('names fields under the path it is given', () => {
    const ladder = edited((s) => (s.key === 'call' ? { autopilot: true } : null));
    expect(ladderProblems(ladder, 'customer.ladder').map((p) => p.field)).toEqual([
      'customer.ladder.5.autopilot',
    ]);
  });
});

describe('steps of a ladder', () => {
  it('leaves the courtesy step and switched-off steps out of the overdue steps', () => {
    const ladder = edited((s) => (s.key === 'reminder' ? { enabled: false } : null));
    expect(overdueSteps(ladder).map((s) => s.key)).toEqual([
      'slipped',
      'check_in',
      'firm',
      'call',
      'final',
      'agency',
    ]);
  });

  it('finds the courtesy step only while it is on', () => {
    expect(courtesyStep(defaultLadder)?.days).toBe(-3);
    expect(courtesyStep(edited((s) => (s.key === 'courtesy' ? { enabled: false } : null)))).toBe(
      undefined,
    );
  });

  it('keeps a call a call and a decision a decision', () => {
    expect(channelsFor('call')).toEqual(['call']);
    expect(channelsFor('agency')).toEqual(['decision']);
    expect(channelsFor('final')).toEqual(['email', 'letter', 'letter_email']);
  });
});
