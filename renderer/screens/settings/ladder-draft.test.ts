import { describe, expect, it } from 'vitest';
import { defaultLadder } from '../../../shared/reminders/ladder';
import { capitalised, stepTitle, whenWords } from '../../components/reminder-words';
import { draftOf, ladderOf, rowIssues } from './ladder-draft';

describe('the ladder as typed', () => {
  it('goes back unchanged, and an empty day count goes as NaN for the API to refuse', () => {
    expect(ladderOf(draftOf(defaultLadder))).toEqual(defaultLadder);
    const draft = draftOf(defaultLadder);
    draft[3] = { ...draft[3]!, days: '' };
    expect(ladderOf(draft)[3]!.days).toBeNaN();
    draft[3] = { ...draft[3]!, days: ' 21 ' };
    expect(ladderOf(draft)[3]!.days).toBe(21);
  });

  it('gives each row only its own messages, by field', () => {
    const errors = {
      'ladder.3.days': 'Days must increase down the ladder.',
      'ladder.3.channel': 'Not by letter.',
      'ladder.13.days': 'Another row.',
      'guardrails.minGapDays': 'Elsewhere.',
    };
    expect(rowIssues(errors, 'ladder', 3)).toEqual({
      days: 'Days must increase down the ladder.',
      channel: 'Not by letter.',
    });
    expect(rowIssues(errors, 'ladder', 1)).toEqual({});
  });
});

describe('reminder words', () => {
  it('names steps to start a line, quotes kept', () => {
    expect(stepTitle('check_in')).toBe('Check-in');
    expect(stepTitle('slipped')).toBe('"May have slipped through"');
    expect(capitalised('check-in (+14)')).toBe('Check-in (+14)');
  });

  it('says when a step comes in words', () => {
    expect(whenWords(-3)).toBe('3 days before it is due');
    expect(whenWords(1)).toBe('the day after it is due');
    expect(whenWords(14)).toBe('14 days after it is due');
  });
});
