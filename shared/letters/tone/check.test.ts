import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findToneIssues, isNegated, normaliseForMatching } from './check';
import { toneTestSet } from './tone-test-set';

const ids = (text: string, context = {}) => findToneIssues(text, context).map((f) => f.ruleId);

describe('findToneIssues', () => {
  it('gives UTF-16 offsets into the text as written', () => {
    const text = 'Hello 👋🏽 Sam, “sadly” we’ll take legal action.';
    const [finding] = findToneIssues(text);
    expect(finding).toMatchObject({ ruleId: 'legal-action', text: 'legal action' });
    expect(text.slice(finding!.start, finding!.end)).toBe('legal action');
    expect(finding!.start).toBe(text.indexOf('legal action'));
  });

  it('reads curly apostrophes as straight ones', () => {
    expect(ids('You’ve ignored every email.')).toEqual(['ignored']);
    expect(normaliseForMatching('we’ll “go”\u00a0on')).toBe('we\'ll "go" on');
  });

  it('keeps the most severe of overlapping matches, then the longest', () => {
    // "Failure to respond may result" (medium) and "warrant" (high) do not overlap: both stay.
    expect(ids('Failure to respond may result in a warrant.')).toEqual([
      'failure-will-result',
      'enforcement',
    ]);
    // Capitals (medium) cover "PAY ... IMMEDIATELY"; the deadline rule (medium, shorter) goes.
    const [caps, ...rest] = findToneIssues('PAY THIS INVOICE IMMEDIATELY.');
    expect(caps).toMatchObject({ ruleId: 'capitals-demand', text: 'PAY THIS INVOICE IMMEDIATELY' });
    expect(rest).toEqual([]);
    // "!!!" is one medium finding, not a low one inside it.
    expect(findToneIssues('Late!!!')).toMatchObject([{ ruleId: 'exclamations-many', text: '!!!' }]);
  });

  it('lists findings in text order, never overlapping', () => {
    const sentences = toneTestSet.map((s) => s.text);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sentences), { maxLength: 12 }), (picked) => {
        const text = picked.join(' ');
        const findings = findToneIssues(text);
        for (const [i, f] of findings.entries()) {
          expect(f.start).toBeLessThan(f.end);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          if (i > 0) expect(findings[i - 1]!.end).toBeLessThanOrEqual(f.start);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('drops a match that a negation just before it turns around, in the same clause only', () => {
    expect(ids('We will take legal action.')).toEqual(['legal-action']);
    expect(ids('We have no plans to take legal action.')).toEqual([]);
    expect(ids("We won't add any interest.")).toEqual([]);
    expect(ids('If no payment comes, we will take legal action.')).toEqual(['legal-action']);
    expect(isNegated('No late fees, but a late fee', 'No late fees, but a '.length)).toBe(false);
  });

  it('flags fees and interest unless the context says they were agreed', () => {
    const text = 'A late payment fee of £40 now applies.';
    expect(findToneIssues(text)).toMatchObject([{ category: 'fees', severity: 'high' }]);
    expect(findToneIssues(text, { agreedFees: false })).toHaveLength(1);
    expect(findToneIssues(text, { agreedFees: true })).toEqual([]);
  });

  it('lets the final step say it is final', () => {
    expect(ids('Final notice: invoice 12')).toEqual(['finality']);
    expect(ids('Final notice: invoice 12', { finalStep: true })).toEqual([]);
  });

  it('spells suggestions for the locale', () => {
    const text = 'We do not accept instalments.';
    expect(findToneIssues(text)[0]!.suggestion).toContain('instalments');
    expect(findToneIssues(text, { locale: 'en-US' })[0]!.suggestion).toContain('installments');
  });

  it('tells the tricky gentle sentences from the harsh ones', () => {
    expect(ids('We met on the tennis court.')).toEqual([]);
    expect(ids('We will take you to court.')).toEqual(['legal-action']);
    expect(ids('If paying it all at once is hard, we can split it.')).toEqual([]);
    expect(ids('Payment is required at once.')).toEqual(['short-deadline']);
    expect(ids('Your final instalment is due on 1 June.')).toEqual([]);
    expect(ids('Let me know when you will pay.')).toEqual([]);
    expect(ids('Could you pass this on to your accounts team?')).toEqual([]);
    expect(ids('ACME BUILDING SUPPLIES')).toEqual([]);
    expect(ids('Total including VAT: £120.')).toEqual([]);
  });

  it('finds nothing in nothing', () => {
    expect(findToneIssues('')).toEqual([]);
    expect(findToneIssues('   \n ')).toEqual([]);
  });
});
