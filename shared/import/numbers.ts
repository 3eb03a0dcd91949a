/**
 * How a file writes its numbers: `1,234.56` (a decimal point) or `1.234,56` / `1 234,56`
 * (a decimal comma, as semicolon-separated files from much of Europe do). Like the order of
 * day and month, the file as a whole decides: one value that can only be read one way
 * (`12,5`, `1.234,56`, `1,234,567`) settles it; `1,234` or `1.234` alone could be either a
 * thousand and more or a little over one, so the owner is asked. Never guessed.
 */
export const numberFormats = ['dot', 'comma'] as const;
export type NumberFormat = (typeof numberFormats)[number];

/** What one value says about the file's numbers. */
export type NumberEvidence = NumberFormat | 'either' | 'none';

/** For the owner: how each format writes twelve hundred and a half. */
export const numberFormatExamples: Record<NumberFormat, string> = {
  dot: '1,234.56',
  comma: '1.234,56',
};

const digitsAndMarks = /\d[\d.,'\s\u00a0\u202f]*/;

export function numberEvidence(text: string): NumberEvidence {
  const number = digitsAndMarks.exec(text)?.[0]?.trim() ?? '';
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? 'dot' : 'comma';
  if (lastDot < 0 && lastComma < 0) return 'none';
  const mark = lastDot >= 0 ? '.' : ',';
  const own: NumberFormat = mark === '.' ? 'dot' : 'comma';
  const other: NumberFormat = mark === '.' ? 'comma' : 'dot';
  const parts = number.split(mark);
  // Two or more of the same mark can only be thousands: 1.234.567 or 1,234,567.
  if (parts.length > 2) return other;
  const [whole, after] = parts as [string, string];
  // A space before the mark groups thousands (1 234,56): the mark is the decimal one.
  if (/[\s\u00a0\u202f']/.test(whole)) return own;
  // Anything but three digits after one mark is a decimal: 12,5, 0,50, 3.1416.
  if (after.length !== 3) return own;
  // 0,500 is not five hundred written with a thousands mark.
  if (/^[-+]?0$/.test(whole.trim())) return own;
  return 'either';
}

/** Keeps what a file's amounts have said so far, and says what they settle on. */
export class NumberFormatVote {
  private dot = 0;
  private comma = 0;
  readonly examples: string[] = [];

  note(text: string) {
    if (text === '') return;
    const evidence = numberEvidence(text);
    if (evidence === 'dot') this.dot += 1;
    else if (evidence === 'comma') this.comma += 1;
    else if (evidence === 'either' && this.examples.length < 3) {
      const value = text.trim();
      if (!this.examples.includes(value)) this.examples.push(value);
    }
  }

  /**
   * The file's format, `fallback` when no value says anything (whole numbers read the same
   * either way), or null when the owner must say: values read both ways, or only values that
   * could be either.
   */
  settled(fallback: NumberFormat): NumberFormat | null {
    if (this.dot > 0 && this.comma > 0) return null;
    if (this.dot > 0) return 'dot';
    if (this.comma > 0) return 'comma';
    return this.examples.length > 0 ? null : fallback;
  }

  /** Some values that read both ways, for the question to the owner. */
  mixed(): boolean {
    return this.dot > 0 && this.comma > 0;
  }
}
