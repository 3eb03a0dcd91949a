/** The target for the default letters: no finding, and a reading grade of 8 or below. */
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../default-templates';
import { hardshipPlanOccasions, occasions } from '../occasions';
import { toneCheck } from './index';

/** Where saying "final" is the truth. */
const finalOccasions: readonly string[] = ['final', 'agency_notice'];

describe('the default letters', () => {
  for (const locale of ['en-GB', 'en-US'] as const) {
    it(`have no tone finding and read at grade 8 or below (${locale})`, () => {
      for (const occasion of occasions) {
        const template = defaultTemplate(occasion, locale);
        const report = toneCheck(`${template.subject}\n${template.body}`, {
          locale,
          finalStep: finalOccasions.includes(occasion),
        });
        expect(report.findings, occasion).toEqual([]);
        expect(report.readingLevel.grade, occasion).toBeLessThanOrEqual(8);
        expect(report.score, occasion).toBe(100);
      }
    });
  }
});

describe('the default letters of a hardship plan', () => {
  const twins = Object.entries(hardshipPlanOccasions);
  it.each(twins)('%s has its own, written for someone in difficulty (%s)', (usual, hardship) => {
    const template = defaultTemplate(hardship, 'en-GB');
    const words = `${template.subject}\n${template.body}`;
    expect(template.body).not.toBe(defaultTemplate(usual as typeof hardship, 'en-GB').body);
    // Free debt advice, always.
    expect(template.body).toContain('{{adviceLine}}');
    // While payments are still to come: a pause or smaller payments on offer.
    if (hardship !== 'plan_completed_hardship') {
      expect(words).toMatch(/pause the plan/);
      expect(words).toMatch(/make the payments smaller/);
    }
    // No pressure, and nothing about what happens next if they do not pay.
    expect(words).not.toMatch(
      /further action|collection|agency|court|legal|final|immediately|must|urgent|deadline/i,
    );
    expect(toneCheck(words, { locale: 'en-GB', finalStep: false }).findings).toEqual([]);
  });
});
