/** The target for the default letters: no finding, and a reading grade of 8 or below. */
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../default-templates';
import { occasions } from '../occasions';
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
