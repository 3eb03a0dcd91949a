import { describe, expect, it } from 'vitest';
import { toneCheck, type ToneFinding } from '../../../shared/letters/tone';
import {
  applyEdit,
  carryFindings,
  piecesOf,
  selectionAfter,
  sentenceAround,
  suggestedEdit,
  tagFor,
  tagInsertion,
} from './letter-edit';

function finding(text: string, words: string, extra: Partial<ToneFinding> = {}): ToneFinding {
  const start = text.indexOf(words);
  return {
    start,
    end: start + words.length,
    text: words,
    category: 'legal-threat',
    severity: 'high',
    ruleId: 'legal-action',
    why: 'Reads as a threat.',
    suggestion: 'I would rather we settle this by [date].',
    ...extra,
  };
}

describe('inserting a variable', () => {
  it('puts a tag at the cursor, replacing the selection', () => {
    const edit = tagInsertion('Dear X,', { start: 5, end: 6 }, '{{customer.name}}', false);
    expect(applyEdit('Dear X,', edit)).toBe('Dear {{customer.name}},');
  });

  it('puts a block on a line of its own', () => {
    const text = 'Here:more';
    const edit = tagInsertion(text, { start: 5, end: 5 }, '{{invoiceTable}}', true);
    expect(applyEdit(text, edit)).toBe('Here:\n{{invoiceTable}}\nmore');
    const onItsLine = tagInsertion('a\n\nb', { start: 2, end: 2 }, '{{howToPay}}', true);
    expect(applyEdit('a\n\nb', onItsLine)).toBe('a\n{{howToPay}}\nb');
  });

  it('loops over a list with its first field', () => {
    expect(tagFor({ name: 'invoices', fields: ['number', 'dueDate'] })).toBe(
      '{{#invoices}}{{number}}{{/invoices}}',
    );
    expect(tagFor({ name: 'date' })).toBe('{{date}}');
  });
});

describe('findings across typing', () => {
  const before = 'Hello. We will take legal action. Thanks.';
  const found = finding(before, 'legal action');

  it('stay put when the change is after them, and shift when it is before', () => {
    expect(carryFindings(before, before + ' Bye.', [found])).toEqual([found]);
    const after = 'Hello there. We will take legal action. Thanks.';
    expect(carryFindings(before, after, [found])).toEqual([
      { ...found, start: found.start + 6, end: found.end + 6 },
    ]);
  });

  it('drop out when the change touches them', () => {
    const after = before.replace('legal action', 'legal steps');
    expect(carryFindings(before, after, [found])).toEqual([]);
  });
});

describe('pieces for the highlights', () => {
  it('cut the text around each finding, in order, losing nothing', () => {
    const text = 'One. We will sue. Two.';
    const pieces = piecesOf(text, [finding(text, 'sue')]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.map((piece) => piece.finding !== null)).toEqual([false, true, false]);
  });

  it('skip findings that overlap or run past the end', () => {
    const text = 'abc';
    const pieces = piecesOf(text, [
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 2, end: 9 },
    ]);
    expect(pieces.map((piece) => piece.text)).toEqual(['ab', 'c']);
  });
});

describe('applying a suggestion', () => {
  it('rewrites the whole sentence the words are in', () => {
    const text =
      'Dear {{customer.name}},\n\nThanks. Failure to pay will result in legal action. Bye.';
    const edit = suggestedEdit(text, finding(text, 'legal action'))!;
    expect(applyEdit(text, edit)).toBe(
      'Dear {{customer.name}},\n\nThanks. I would rather we settle this by [date]. Bye.',
    );
    expect(selectionAfter(edit)).toEqual({
      start: edit.start + 'I would rather we settle this by '.length,
      end: edit.start + 'I would rather we settle this by [date]'.length,
    });
  });

  it('does not stop a sentence at a dot inside a tag', () => {
    const text = 'Invoice {{oldest.number}} is late, so we will sue. Bye.';
    expect(sentenceAround(text, text.indexOf('sue'), text.indexOf('sue') + 3)).toEqual({
      start: 0,
      end: text.indexOf(' Bye.'),
      insert: '',
    });
  });

  it('follows the real report: a threat, capitals and exclamation marks', () => {
    let text = 'Hello,\n\nFailure to pay will result in legal action. PAY NOW!!!';
    for (let round = 0; round < 5; round++) {
      const [first] = toneCheck(text).findings;
      if (!first) break;
      text = applyEdit(text, suggestedEdit(text, first)!);
    }
    expect(toneCheck(text).findings.filter((f) => f.severity !== 'low')).toEqual([]);
    expect(text).toContain('Hello,\n\n');
    expect(text).toMatch(/Pay now\.$/);
  });

  it('leaves a sentence out when the advice is to', () => {
    const text = 'Please pay. You will regret not paying. Thanks.';
    const found = finding(text, 'You will regret not paying', {
      ruleId: 'intimidation',
      category: 'pressure',
    });
    expect(applyEdit(text, suggestedEdit(text, found)!)).toBe('Please pay. Thanks.');
  });

  it('does nothing once the words have changed', () => {
    const text = 'We will sue.';
    expect(suggestedEdit('We may sue.', finding(text, 'will'))).toBeNull();
  });
});
