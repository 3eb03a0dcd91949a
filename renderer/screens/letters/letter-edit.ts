/**
 * Text editing for the template editor: inserting a variable at the cursor, carrying the tone
 * check's findings across the owner's typing until the next check arrives, cutting a text into
 * highlighted pieces, and turning a finding's suggestion into an edit. The tone rules
 * themselves live in shared/letters/tone; this only places what they found.
 */
import type { ToneFinding } from '../../../shared/letters/tone';

/** A change to a text: `text.slice(start, end)` becomes `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/** What a variable puts in a template: `{{name}}`, or a loop over a list's first field. */
export function tagFor(variable: { name: string; fields?: string[] }): string {
  const [field] = variable.fields ?? [];
  return field ? `{{#${variable.name}}}{{${field}}}{{/${variable.name}}}` : `{{${variable.name}}}`;
}

/** A tag at the cursor (replacing any selection); a block goes on a line of its own. */
export function tagInsertion(
  text: string,
  selection: { start: number; end: number },
  tag: string,
  ownLine: boolean,
): TextEdit {
  if (!ownLine) return { start: selection.start, end: selection.end, insert: tag };
  const before = text.slice(0, selection.start);
  const after = text.slice(selection.end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  return { start: selection.start, end: selection.end, insert: `${lead}${tag}${trail}` };
}

/** Whether a finding still matches the text it was made for. */
export function stillThere(text: string, finding: Pick<ToneFinding, 'start' | 'end' | 'text'>) {
  return text.slice(finding.start, finding.end) === finding.text;
}

/**
 * The findings for `before`, moved to where they are in `after`: those ahead of the change
 * stay, those behind it shift, those it touched are dropped. So the highlights follow the
 * owner's typing instead of blinking out until the next check comes back.
 */
export function carryFindings<F extends ToneFinding>(
  before: string,
  after: string,
  findings: readonly F[],
): F[] {
  if (before === after) return [...findings];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const changedEnd = before.length - suffix;
  const shift = after.length - before.length;
  const carried: F[] = [];
  for (const finding of findings) {
    if (finding.end <= prefix) carried.push(finding);
    else if (finding.start >= changedEnd)
      carried.push({ ...finding, start: finding.start + shift, end: finding.end + shift });
  }
  return carried.filter((finding) => stillThere(after, finding));
}

export interface Piece<F> {
  text: string;
  finding: F | null;
}

/** The text in order, each finding's words a piece of their own. Findings must not overlap. */
export function piecesOf<F extends Pick<ToneFinding, 'start' | 'end'>>(
  text: string,
  findings: readonly F[],
): Piece<F>[] {
  const pieces: Piece<F>[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end > text.length || finding.end <= finding.start) continue;
    if (finding.start > at) pieces.push({ text: text.slice(at, finding.start), finding: null });
    pieces.push({ text: text.slice(finding.start, finding.end), finding });
    at = finding.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), finding: null });
  return pieces;
}

/**
 * The sentence around a span: back to the end of the sentence before it (or the line's start)
 * and on to its own closing marks. Template tags hold dots (`{{oldest.number}}`), but a dot
 * ends a sentence only when a space, a line break or the end follows it.
 */
export function sentenceAround(text: string, start: number, end: number): TextEdit {
  let from = start;
  while (from > 0) {
    const previous = text[from - 1]!;
    if (previous === '\n') break;
    if (/\s/.test(previous) && from >= 2 && /[.!?]/.test(text[from - 2]!)) break;
    from--;
  }
  while (from < start && text[from] === ' ') from++;
  let to = end;
  while (to < text.length && text[to] !== '\n') {
    if (/[.!?]/.test(text[to]!)) {
      while (to < text.length && /[.!?'"”’)]/.test(text[to]!)) to++;
      if (to === text.length || /\s/.test(text[to]!)) break;
      continue;
    }
    to++;
  }
  return { start: from, end: to, insert: '' };
}

export type SuggestionKind = 'rewrite' | 'case' | 'stop' | 'remove' | 'removeWord';

/**
 * What Apply does for a finding. Most suggestions are gentler sentences, which take the place
 * of the whole sentence the words sit in (a phrase on its own would not read). A few are advice
 * instead ("write it in sentence case"); for those the edit does what the advice says.
 * Keyed on category and rule, as the report has no field saying which kind a suggestion is.
 */
export function suggestionKind(finding: Pick<ToneFinding, 'category' | 'ruleId'>): SuggestionKind {
  if (finding.category === 'capitals') return 'case';
  if (finding.category === 'exclamation') return 'stop';
  if (finding.ruleId === 'profanity') return 'removeWord';
  if (finding.ruleId === 'intimidation' || finding.ruleId === 'unagreed-fees') return 'remove';
  return 'rewrite';
}

function sentenceCase(words: string): string {
  const lower = words.toLocaleLowerCase();
  // "I" stays a capital: "I NEED THIS NOW" is "I need this now".
  const fixed = lower.replace(/\bi\b/g, 'I');
  return fixed.charAt(0).toLocaleUpperCase() + fixed.slice(1);
}

/**
 * The edit Apply makes, or null when the text has moved on since the check (the next check
 * brings the finding back where it now is).
 */
export function suggestedEdit(text: string, finding: ToneFinding): TextEdit | null {
  if (!stillThere(text, finding)) return null;
  const { start, end } = finding;
  switch (suggestionKind(finding)) {
    case 'case': {
      const startsSentence = sentenceAround(text, start, end).start === start;
      const cased = sentenceCase(finding.text);
      return {
        start,
        end,
        insert: startsSentence ? cased : cased.charAt(0).toLocaleLowerCase() + cased.slice(1),
      };
    }
    case 'stop':
      return { start, end, insert: '.' };
    case 'removeWord': {
      // Take one space with the word, so no double space is left behind.
      const spaceAfter = text[end] === ' ';
      const spaceBefore = !spaceAfter && start > 0 && text[start - 1] === ' ';
      return {
        start: spaceBefore ? start - 1 : start,
        end: spaceAfter ? end + 1 : end,
        insert: '',
      };
    }
    case 'remove': {
      const sentence = sentenceAround(text, start, end);
      const spaceAfter = text[sentence.end] === ' ';
      const spaceBefore = !spaceAfter && sentence.start > 0 && text[sentence.start - 1] === ' ';
      return {
        start: spaceBefore ? sentence.start - 1 : sentence.start,
        end: spaceAfter ? sentence.end + 1 : sentence.end,
        insert: '',
      };
    }
    case 'rewrite':
      return { ...sentenceAround(text, start, end), insert: finding.suggestion };
  }
}

/** After an edit, what to select: the first "[date]"-style gap to fill in, or the new words. */
export function selectionAfter(edit: TextEdit): { start: number; end: number } {
  const gap = /\[[^\]\n]{1,40}\]/.exec(edit.insert);
  if (gap) return { start: edit.start + gap.index, end: edit.start + gap.index + gap[0].length };
  return { start: edit.start, end: edit.start + edit.insert.length };
}
