import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bom, csvFile, neutraliseTextCell, restoreTextCell, type CsvColumn } from './csv-cells';

interface Row {
  name: string;
  amount: string;
}
const columns: CsvColumn<Row>[] = [
  { header: 'name', kind: 'text', value: (r) => r.name },
  { header: 'amount', kind: 'number', value: (r) => r.amount },
];

function readBack(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('CSV cells', () => {
  it('starts with a BOM, ends lines in CRLF and quotes commas, quotes and newlines', () => {
    const csv = csvFile(columns, [
      { name: 'Smith, Jones & "Sons"', amount: '12.50' },
      { name: 'Line one\nline two', amount: '0.00' },
    ]);
    expect(csv.startsWith(bom)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Smith, Jones & ""Sons"""');
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(readBack(csv)).toEqual([
      ['name', 'amount'],
      ['Smith, Jones & "Sons"', '12.50'],
      ['Line one\nline two', '0.00'],
    ]);
  });

  it('neutralises every formula start in text columns and leaves negative amounts numeric', () => {
    const payloads = [
      '=HYPERLINK("http://evil.example","click")',
      '+44 20 7946 0000',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
    ];
    const csv = csvFile(
      columns,
      payloads.map((name) => ({ name, amount: '-12.50' })),
    );
    const rows = readBack(csv).slice(1);
    for (const [i, [name, amount]] of rows.entries()) {
      expect(name).toBe(`'${payloads[i]}`);
      expect(name!.charAt(0)).toBe("'");
      expect(amount).toBe('-12.50');
    }
  });

  it('refuses a number column that is not a plain number', () => {
    expect(() => csvFile(columns, [{ name: 'A', amount: '=1+1' }])).toThrow(/not a plain number/);
    expect(() => csvFile(columns, [{ name: 'A', amount: '1,000' }])).toThrow(/not a plain number/);
  });

  it('restores exactly what it neutralised, apostrophes included', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cell = neutraliseTextCell(value);
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        expect(restoreTextCell(cell)).toBe(value);
      }),
    );
    expect(neutraliseTextCell("'quoted")).toBe("''quoted");
    expect(neutraliseTextCell('plain')).toBe('plain');
  });

  it('survives a round trip through csv-parse for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (names) => {
        const csv = csvFile(
          columns,
          names.map((name) => ({ name, amount: '1' })),
        );
        const read = readBack(csv)
          .slice(1)
          .map(([name]) => restoreTextCell(name!));
        expect(read).toEqual(names);
      }),
    );
  });
});
