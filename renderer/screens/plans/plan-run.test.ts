import { describe, expect, it } from 'vitest';
import { updatePlanSchema } from '../../../shared/api/plans';
import {
  changedRunTerms,
  checkInWords,
  firstRunValues,
  graceWords,
  readRunTerms,
  runValuesOf,
} from './plan-run';

const saved = {
  activation: 'signature' as const,
  checkInDays: 3 as number | null,
  graceDays: 3,
  pauseUntil: null as string | null,
  hardship: false,
};

describe('a saved plan’s choices, changed on its page', () => {
  it('asks plans.update for what changed and nothing else', () => {
    const values = { ...runValuesOf(saved), checkInDays: '5' };
    const read = readRunTerms(values, { frequency: 'monthly', hardship: false });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const changed = changedRunTerms(read.terms, saved);
    expect(changed).toEqual({ checkInDays: 5 });
    expect(updatePlanSchema.safeParse({ planId: 1, ...changed }).success).toBe(true);
    expect(changedRunTerms(readRunTermsOk(runValuesOf(saved)), saved)).toEqual({});
  });

  it('turns check-ins off with null, and a hardship plan’s pause on or off', () => {
    const hardship = { ...saved, hardship: true };
    const off = readRunTermsOk({ ...runValuesOf(hardship), checkIns: false }, true);
    expect(changedRunTerms(off, hardship)).toEqual({ checkInDays: null });
    const paused = readRunTermsOk(
      { ...runValuesOf(hardship), pause: true, pauseUntil: '2027-05-01' },
      true,
    );
    expect(changedRunTerms(paused, hardship)).toEqual({ pauseUntil: '2027-05-01' });
    const unpaused = readRunTermsOk(
      { ...runValuesOf({ ...hardship, pauseUntil: '2027-05-01' }), pause: false },
      true,
    );
    expect(changedRunTerms(unpaused, { ...hardship, pauseUntil: '2027-05-01' })).toEqual({
      pauseUntil: null,
    });
  });

  it('starts from the usual values for a new plan', () => {
    expect(readRunTermsOk(firstRunValues())).toEqual({
      activation: 'signature',
      checkInDays: 3,
      graceDays: 3,
      pauseUntil: null,
    });
  });
});

describe('in the owner’s words', () => {
  it('says the check-in and the grace plainly', () => {
    expect(checkInWords(3)).toBe('Remind them 3 days before each payment');
    expect(checkInWords(1)).toBe('Remind them 1 day before each payment');
    expect(checkInWords(null)).toBe('No reminder before each payment');
    expect(graceWords(3)).toBe('Wait 3 days after a missed payment before a gentle note');
  });
});

function readRunTermsOk(values: ReturnType<typeof firstRunValues>, hardship = false) {
  const read = readRunTerms(values, { frequency: 'monthly', hardship });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.terms;
}
