/**
 * The tone check: flags harsh, threatening or shaming wording in a letter, suggests a gentler
 * one, and gives the reading level and a 0–100 score. Pure: it runs in the renderer as the
 * owner types, and behind `letters.toneCheck`.
 */
import { findToneIssues } from './check';
import { readingLevel } from './readability';
import { toneScore } from './score';
import type { ToneContext, ToneReport } from './types';

export function toneCheck(text: string, context: ToneContext = {}): ToneReport {
  const findings = findToneIssues(text, context);
  const reading = readingLevel(text);
  return { findings, readingLevel: reading, score: toneScore(findings, reading) };
}

export { findToneIssues } from './check';
export { readingLevel } from './readability';
export { needsSendAnyway, toneScore } from './score';
export { toneRules, type ToneRule } from './rules';
export * from './types';
