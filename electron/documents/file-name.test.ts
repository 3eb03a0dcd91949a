import { describe, expect, it } from 'vitest';
import { invoiceFileName, letterFileName, safeFileName } from './file-name';

describe('document file names', () => {
  it('names an invoice by its number and customer', () => {
    expect(invoiceFileName({ number: 'INV-0001', customerName: 'Jones Plumbing' })).toBe(
      'Invoice INV-0001 - Jones Plumbing.pdf',
    );
  });

  it('names a letter by its date and customer', () => {
    expect(letterFileName({ date: '2027-03-15', customerName: 'Zoë Łukasiewicz' })).toBe(
      'Letter 2027-03-15 - Zoë Łukasiewicz.pdf',
    );
    expect(letterFileName({ date: '2027-03-15', customerName: ' ' })).toBe('Letter 2027-03-15.pdf');
  });

  it('keeps letters in any script', () => {
    expect(invoiceFileName({ number: '7', customerName: 'Zoë Łukasiewicz' })).toBe(
      'Invoice 7 - Zoë Łukasiewicz.pdf',
    );
    expect(safeFileName('Παπαδόπουλος Иванов', 'pdf')).toBe('Παπαδόπουλος Иванов.pdf');
  });

  it('replaces what a file system refuses or reads as a path', () => {
    expect(invoiceFileName({ number: '2027/03/1', customerName: 'A: "B" <C>?*|\\' })).toBe(
      'Invoice 2027-03-1 - A- -B- -C-.pdf',
    );
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('-..-etc-passwd.pdf');
    expect(safeFileName('tab\there\nnewline\u0000', 'pdf')).toBe('tab here newline-.pdf');
  });

  it('never starts with a dot, ends in a space or dot, or comes out empty', () => {
    expect(safeFileName('.hidden', 'pdf')).toBe('hidden.pdf');
    expect(safeFileName('  trailing. . ', 'pdf')).toBe('trailing.pdf');
    expect(safeFileName('  ', 'pdf')).toBe('document.pdf');
  });

  it('stays a reasonable length', () => {
    expect(safeFileName('x'.repeat(500), 'pdf')).toHaveLength(124);
  });
});
