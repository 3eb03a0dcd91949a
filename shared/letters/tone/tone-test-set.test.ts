/**
 * Recall on the aggressive sentences and false positives on the gentle ones, for the whole set
 * and for the held-out portion the rules were not tuned on. Printed, then held to the targets.
 */
import { describe, expect, it } from 'vitest';
import { findToneIssues } from './check';
import { toneTestSet, type LabelledSentence } from './tone-test-set';

function measure(sentences: readonly LabelledSentence[]) {
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  let aggressive = 0;
  let gentle = 0;
  for (const sentence of sentences) {
    const flagged = findToneIssues(sentence.text, { agreedFees: sentence.feesAgreed ?? false });
    if (sentence.label === 'aggressive') {
      aggressive++;
      if (flagged.length === 0) missed.push(sentence.text);
    } else {
      gentle++;
      if (flagged.length > 0) {
        falseAlarms.push(`${sentence.text} [${flagged.map((f) => f.ruleId).join(', ')}]`);
      }
    }
  }
  return {
    aggressive,
    gentle,
    recall: (aggressive - missed.length) / aggressive,
    falsePositiveRate: falseAlarms.length / gentle,
    missed,
    falseAlarms,
  };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

describe('the labelled tone test set', () => {
  it('has at least 150 sentences, both kinds in both portions', () => {
    expect(toneTestSet.length).toBeGreaterThanOrEqual(150);
    for (const portion of ['dev', 'held-out'] as const) {
      for (const label of ['aggressive', 'gentle'] as const) {
        const count = toneTestSet.filter((s) => s.portion === portion && s.label === label);
        expect(count.length).toBeGreaterThanOrEqual(30);
      }
    }
    const texts = toneTestSet.map((s) => `${s.text}|${String(s.feesAgreed)}`);
    expect(new Set(texts).size).toBe(texts.length);
  });

  const portions = {
    all: toneTestSet,
    dev: toneTestSet.filter((s) => s.portion === 'dev'),
    'held-out': toneTestSet.filter((s) => s.portion === 'held-out'),
  };
  for (const [name, sentences] of Object.entries(portions)) {
    it(`finds at least 90% of the aggressive and at most 5% of the gentle (${name})`, () => {
      const result = measure(sentences);
      console.log(
        `Tone check, ${name}: recall ${percent(result.recall)} of ${result.aggressive} aggressive, ` +
          `false positives ${percent(result.falsePositiveRate)} of ${result.gentle} gentle`,
      );
      for (const text of result.missed) console.log(`  missed: ${text}`);
      for (const text of result.falseAlarms) console.log(`  false alarm: ${text}`);
      expect(result.recall).toBeGreaterThanOrEqual(0.9);
      expect(result.falsePositiveRate).toBeLessThanOrEqual(0.05);
    });
  }
});
