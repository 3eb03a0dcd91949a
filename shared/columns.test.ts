import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyColumns, fromColumns, toColumns, type FieldsOf } from './columns';

interface Row {
  id: number;
  name: string;
  contactedAt: string | null;
}
const fields: FieldsOf<Row> = { id: true, name: true, contactedAt: true };

describe('columns', () => {
  it('writes each field once, as a list', () => {
    expect(
      toColumns(
        [
          { id: 1, name: 'Ava', contactedAt: null },
          { id: 2, name: 'Bryn', contactedAt: '2027-03-15T09:00:00.000Z' },
        ],
        fields,
      ),
    ).toEqual({
      id: [1, 2],
      name: ['Ava', 'Bryn'],
      contactedAt: [null, '2027-03-15T09:00:00.000Z'],
    });
  });

  it('has every column even with no rows', () => {
    expect(toColumns<Row>([], fields)).toEqual({ id: [], name: [], contactedAt: [] });
    expect(fromColumns<Row>({ id: [], name: [], contactedAt: [] })).toEqual([]);
  });

  it('makes columns of a given length to be filled in', () => {
    const columns = emptyColumns<Row>(fields, 2);
    expect(Object.keys(columns)).toEqual(['id', 'name', 'contactedAt']);
    expect(columns.id).toHaveLength(2);
    columns.id[1] = 7;
    expect(columns.name).toHaveLength(2);
    expect(columns.id).toEqual([undefined, 7]);
  });

  it('gives back the same rows, in the same order, through JSON', () => {
    const row = fc.record({
      id: fc.integer(),
      name: fc.string(),
      contactedAt: fc.option(fc.string(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row), (rows) => {
        const sent = JSON.parse(JSON.stringify(toColumns(rows, fields))) as ReturnType<
          typeof toColumns<Row>
        >;
        expect(fromColumns(sent)).toEqual(rows);
      }),
    );
  });
});
