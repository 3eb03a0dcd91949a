import { describe, expect, it } from 'vitest';
import { toneRules } from './rules';
import { toneCategories } from './types';

const regexOf = (rule: (typeof toneRules)[number]) =>
  new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|'), rule.caseSensitive ? '' : 'i');

describe('the tone rules', () => {
  it('have unique ids, and every category has at least one rule', () => {
    const ids = toneRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = Object.fromEntries(toneCategories.map((c) => [c, 0]));
    for (const rule of toneRules) counts[rule.category]! += 1;
    console.log('Tone rules per category:', counts, `(${toneRules.length} rules)`);
    for (const category of toneCategories) expect(counts[category]).toBeGreaterThan(0);
  });

  it('each flag their own examples, and say why and what to write instead', () => {
    for (const rule of toneRules) {
      expect(rule.examples.length, rule.id).toBeGreaterThan(0);
      expect(rule.why.length, rule.id).toBeGreaterThan(20);
      expect(rule.suggestion.length, rule.id).toBeGreaterThan(10);
      const regex = regexOf(rule);
      for (const example of rule.examples) {
        expect(regex.test(example), `${rule.id}: ${example}`).toBe(true);
      }
    }
  });

  it('never match an empty string (which would stall the scan)', () => {
    for (const rule of toneRules) {
      for (const pattern of rule.patterns) {
        expect(new RegExp(`^(?:${pattern})$`).test(''), `${rule.id}: ${pattern}`).toBe(false);
      }
    }
  });

  it('keep suggestions free of the harsh words they replace', () => {
    // A suggestion may name a small claim or an agency (said once, honestly), but never
    // shouts, insults or hurries.
    const harsh = /\b(immediately|final demand|deadbeat|bailiff|arrest|!!)/i;
    for (const rule of toneRules) expect(rule.suggestion, rule.id).not.toMatch(harsh);
  });
});
