import { describe, expect, it } from 'vitest';
import { countText, readingLevel } from './readability';

describe('readingLevel', () => {
  it('computes Flesch Reading Ease and the Flesch–Kincaid grade from the counts', () => {
    // 8 words, 1 sentence, 9 syllables ("wanted" has two).
    const level = readingLevel('I wanted to check that all is well.');
    const { words, sentences, syllables } = countText('I wanted to check that all is well.');
    expect({ words, sentences, syllables }).toEqual({ words: 8, sentences: 1, syllables: 9 });
    // 103.5 by the formula, held to the 0–100 scale.
    expect(206.835 - 1.015 * 8 - 84.6 * (9 / 8)).toBeCloseTo(103.5, 1);
    expect(level.fleschReadingEase).toBe(100);
    expect(level.grade).toBeCloseTo(0.39 * 8 + 11.8 * (9 / 8) - 15.59, 0);
  });

  it('skips amounts, dates, invoice numbers, addresses and template gaps', () => {
    expect(countText('Invoice INV-1042 for £480.00 was due on 3/4/2027.').words).toBe(5);
    expect(countText('Email sam@example.com or see www.example.com today').words).toBe(4);
    expect(countText('Dear {{customer.greetingName}},').words).toBe(1);
  });

  it('ends sentences at stops and line breaks, not after Mr or an initial', () => {
    expect(countText('Dear Mr. J. Smith,\nThank you. We got it! Did you?').sentences).toBe(4);
    // A lone amount is no sentence.
    expect(countText('Total:\n£120.00.').sentences).toBe(1);
  });

  it('rates long words in long sentences as hard, and keeps the figures in range', () => {
    const hard = readingLevel(
      'Notwithstanding the aforementioned considerations, the outstanding indebtedness necessitates immediate remuneration, irrespective of extenuating circumstances whatsoever.',
    );
    expect(hard.grade).toBeGreaterThan(16);
    expect(hard.fleschReadingEase).toBe(0);
    const easy = readingLevel('Thank you. It is paid. See you soon.');
    expect(easy.fleschReadingEase).toBe(100);
    expect(easy.grade).toBeGreaterThanOrEqual(0);
  });

  it('treats nothing to read as easy', () => {
    expect(readingLevel('')).toEqual({ fleschReadingEase: 100, grade: 0, words: 0, sentences: 0 });
  });
});
