/**
 * Reading level: Flesch Reading Ease and the Flesch–Kincaid grade, from our own sentence and
 * word counts and the `syllable` package's syllable counts (pure JS, no Node, pinned).
 *
 *   Reading Ease = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words   (0–100 here)
 *   Grade        = 0.39 × words/sentences + 11.8 × syllables/words − 15.59      (at least 0)
 *
 * Counting, chosen for letters:
 * - A sentence ends at ".", "!" or "?" (not after Mr, Dr, e.g. and the like, nor a single
 *   initial) and at a line break, so "Dear Sam," and a sign-off are sentences of their own. A
 *   sentence with no word in it (a lone amount) is not counted.
 * - A word is a token with letters. Tokens with digits (amounts, dates, invoice numbers), email
 *   and web addresses and template gaps ({{name}}) are skipped: read aloud they are one unit,
 *   and their letters would distort the syllable count.
 * - A hyphenated word is one word; its syllables are the sum of its parts'.
 */
import { syllable } from 'syllable';
import type { ReadingLevel } from './types';

const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'st',
  'no',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'ref',
  'tel',
  'cf',
  'a.m',
  'p.m',
]);

/** Syllables per word, remembered: a letter repeats its words, and the owner types on. */
const syllableMemo = new Map<string, number>();
const syllableMemoLimit = 20_000;

function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let count = syllableMemo.get(key);
  if (count === undefined) {
    count = 0;
    for (const part of key.split('-')) if (part) count += Math.max(1, syllable(part));
    if (syllableMemo.size >= syllableMemoLimit) syllableMemo.clear();
    syllableMemo.set(key, count);
  }
  return count;
}

const hasLetter = /[A-Za-z\u00C0-\u024F]/;
const skipToken = /[0-9@{}/\\]|^www\./i;
/** Leading and trailing punctuation around a word: quotes, brackets, dashes, commas. */
const edgePunctuation = /^[^A-Za-z0-9\u00C0-\u024F{]+|[^A-Za-z0-9\u00C0-\u024F}]+$/g;
const sentenceEnd = /[.!?]+["')\]\u2019\u201D]*$/;

function endsSentence(token: string): boolean {
  if (!sentenceEnd.test(token)) return false;
  if (!token.endsWith('.')) return true;
  const bare = token.replace(edgePunctuation, '').toLowerCase();
  if (abbreviations.has(bare)) return false;
  // A single initial ("J. Smith").
  return !/^[a-z]$/i.test(bare);
}

export function countText(text: string): { words: number; sentences: number; syllables: number } {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const line of text.split(/\r?\n|\r/)) {
    let wordsInSentence = 0;
    for (const token of line.split(/\s+/)) {
      if (!token) continue;
      const word = token.replace(edgePunctuation, '');
      if (word && hasLetter.test(word) && !skipToken.test(word)) {
        words++;
        wordsInSentence++;
        syllables += syllablesOf(word.replace(/['\u2019]/g, ''));
      }
      if (endsSentence(token) && wordsInSentence > 0) {
        sentences++;
        wordsInSentence = 0;
      }
    }
    if (wordsInSentence > 0) sentences++;
  }
  return { words, sentences, syllables };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function readingLevel(text: string): ReadingLevel {
  const { words, sentences, syllables } = countText(text);
  // Nothing to read is nothing hard to read.
  if (words === 0) return { fleschReadingEase: 100, grade: 0, words: 0, sentences: 0 };
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = syllables / words;
  const ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
  const grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
  return {
    fleschReadingEase: oneDecimal(Math.min(100, Math.max(0, ease))),
    grade: oneDecimal(Math.max(0, grade)),
    words,
    sentences,
  };
}
