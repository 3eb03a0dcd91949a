/** What the tone check reports: findings with their spans, the reading level and a score. */
import type { SupportedLocale } from '../../locales';

/**
 * What kind of harsh wording a finding is. The first nine are the list; `forbearance`
 * covers refusing instalments, dismissing hardship or a dispute, and pushing to borrow.
 */
export const toneCategories = [
  'legal-threat',
  'official-status',
  'false-urgency',
  'blame',
  'insult',
  'capitals',
  'exclamation',
  'fees',
  'pressure',
  'forbearance',
] as const;
export type ToneCategory = (typeof toneCategories)[number];

/** In the owner's words, for the editor's legend. */
export const toneCategoryLabels: Record<ToneCategory, string> = {
  'legal-threat': 'Threat of legal action or third parties',
  'official-status': 'Implies official or legal status',
  'false-urgency': 'False urgency or finality',
  blame: 'Shaming or blame',
  insult: 'Insults and profanity',
  capitals: 'Demands in capitals',
  exclamation: 'Stacked exclamation marks',
  fees: 'Fees or interest not in the agreed terms',
  pressure: 'Pressure',
  forbearance: 'Refuses help or a dispute',
};

/**
 * `high`: a threat, an impersonation, abuse or a fee without agreement; sending needs an
 * explicit "send anyway". `medium`: harsh, rewrite it. `low`: a style hint.
 */
export const toneSeverities = ['high', 'medium', 'low'] as const;
export type ToneSeverity = (typeof toneSeverities)[number];

export interface ToneFinding {
  /** UTF-16 offsets into the text as given, end exclusive: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** The words found, as written. */
  text: string;
  category: ToneCategory;
  severity: ToneSeverity;
  /** Which rule found it (rules.ts), for tests and for "why was this flagged?". */
  ruleId: string;
  why: string;
  /** Gentler wording that keeps the meaning. */
  suggestion: string;
}

export interface ReadingLevel {
  /** Flesch Reading Ease, 0 (very hard) to 100 (very easy). */
  fleschReadingEase: number;
  /** Flesch–Kincaid grade: years of schooling needed; 8 or below is the target. */
  grade: number;
  words: number;
  sentences: number;
}

export interface ToneReport {
  /** In text order, none overlapping. */
  findings: ToneFinding[];
  readingLevel: ReadingLevel;
  /** 0 to 100, 100 the kindest: see score.ts for the formula. */
  score: number;
}

export interface ToneContext {
  /** True when the customer agreed to late fees or interest in the terms (default false). */
  agreedFees?: boolean;
  /**
   * True when the letter is the ladder's final notice or agency notice: "final notice" is
   * then the truth, not false finality (default false).
   */
  finalStep?: boolean;
  /** Spelling of the suggestions (en-US spells "installment"); the rules match both spellings. */
  locale?: SupportedLocale;
}
