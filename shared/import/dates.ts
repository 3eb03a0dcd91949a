/**
 * Dates as other programs write them: ISO (with or without a time), `Jan 28 2021`,
 * `28 Jan 2021`, and numbers with slashes, dots or dashes. `03/04/2021` can be the 3rd of
 * April or March the 4th: the file as a whole decides (a 13th day anywhere settles it) and,
 * when nothing settles it, the owner is asked. Never guessed.
 */
import { isCalendarDate, type CalendarDate } from '../dates';

export type DateOrder = 'dmy' | 'mdy';

const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[T ,].*)?$/;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthFirstWords = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i;
const dayFirstWords = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]{3,9})\.?,?[ -](\d{4})$/i;

function build(year: number, month: number, day: number): CalendarDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(text) ? text : null;
}

function monthNumber(word: string): number | null {
  const index = months.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** What one value says about the file's order: settles it one way, or leaves it open. */
export type DateEvidence = 'dmy' | 'mdy' | 'either' | 'none';

export function dateEvidence(value: string): DateEvidence {
  const match = numeric.exec(value.trim());
  if (!match) return 'none';
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return first === second ? 'none' : 'either';
}

/** A calendar date, or null when the value is not a date we can read (in that order). */
export function parseImportDate(value: string, order: DateOrder | undefined): CalendarDate | null {
  const text = value.trim();
  let match = iso.exec(text);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]));
  match = numeric.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = fullYear(match[3]!);
    // The same number twice reads the same either way.
    const effective = first === second ? 'dmy' : order;
    if (!effective) return null;
    return effective === 'dmy' ? build(year, second, first) : build(year, first, second);
  }
  match = monthFirstWords.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    return month ? build(Number(match[3]), month, Number(match[2])) : null;
  }
  match = dayFirstWords.exec(text);
  if (match) {
    const month = monthNumber(match[2]!);
    return month ? build(Number(match[3]), month, Number(match[1])) : null;
  }
  return null;
}
