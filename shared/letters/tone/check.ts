/**
 * The rule engine: every rule of rules.ts run over the whole text, matches said the opposite
 * of dropped, overlaps resolved, and each match turned into a finding with its UTF-16 span.
 * Pure and fast enough to run on every keystroke (scripts/bench/tone.bench.ts).
 */
import type { SupportedLocale } from '../../locales';
import { toneRules, type ToneRule } from './rules';
import type { ToneContext, ToneFinding, ToneSeverity } from './types';

interface CompiledRule {
  rule: ToneRule;
  regex: RegExp;
}

/** Each rule's patterns as one regular expression, compiled once. */
const compiledRules: readonly CompiledRule[] = toneRules.map((rule) => ({
  rule,
  regex: new RegExp(
    rule.patterns.map((pattern) => `(?:${pattern})`).join('|'),
    rule.caseSensitive ? 'g' : 'gi',
  ),
}));

/**
 * Curly quotes, non-breaking spaces and Unicode hyphens as their plain forms, one UTF-16 unit
 * for one, so an offset into the result is the same offset into the original.
 */
export function normaliseForMatching(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-');
}

/** Where a clause starts, looking back: punctuation, a line break, "but", "however". */
const clauseBreak = /[.;:!?,\n\u2013\u2014]|\b(?:but|however|although|though)\b/gi;
const negation =
  /\b(?:no|not|never|without|nothing|none|neither|nor|waived?|waiving|cannot)\b|n't\b/i;
/** How far back a negation may stand: "we have no plans to take legal action" is five words. */
const negationWords = 5;
const lookBehindChars = 80;

/** Whether a negation stands a few words before `start`, in the same clause. */
export function isNegated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - lookBehindChars), start);
  let clauseStart = 0;
  for (const found of before.matchAll(clauseBreak)) clauseStart = found.index + found[0].length;
  const words = before.slice(clauseStart).trim().split(/\s+/).slice(-negationWords).join(' ');
  return negation.test(words);
}

const severityRank: Record<ToneSeverity, number> = { high: 0, medium: 1, low: 2 };

/** A few words of the suggestions spelled the American way. */
const usSpellings: readonly [RegExp, string][] = [
  [/\binstalment/g, 'installment'],
  [/\bapologis/g, 'apologiz'],
  [/\bbehaviour/g, 'behavior'],
  [/\bfavour/g, 'favor'],
  [/\borganis/g, 'organiz'],
];

export function spellFor(text: string, locale: SupportedLocale | undefined): string {
  if (locale !== 'en-US') return text;
  return usSpellings.reduce(
    (spelled, [british, american]) => spelled.replace(british, american),
    text,
  );
}

/**
 * Every finding in `text`, in text order, none overlapping: where two matches overlap, the
 * more severe wins, then the longer, then the earlier.
 */
export function findToneIssues(text: string, context: ToneContext = {}): ToneFinding[] {
  const matchable = normaliseForMatching(text);
  const candidates: ToneFinding[] = [];
  for (const { rule, regex } of compiledRules) {
    if (rule.onlyWhenFeesNotAgreed && context.agreedFees) continue;
    if (rule.unlessFinalStep && context.finalStep) continue;
    regex.lastIndex = 0;
    for (let match = regex.exec(matchable); match !== null; match = regex.exec(matchable)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = match.index;
      if (rule.negatable && isNegated(matchable, start)) continue;
      const end = start + match[0].length;
      candidates.push({
        start,
        end,
        text: text.slice(start, end),
        category: rule.category,
        severity: rule.severity,
        ruleId: rule.id,
        why: rule.why,
        suggestion: spellFor(rule.suggestion, context.locale),
      });
    }
  }
  candidates.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: ToneFinding[] = [];
  for (const candidate of candidates) {
    const overlaps = kept.some((k) => candidate.start < k.end && k.start < candidate.end);
    if (!overlaps) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
