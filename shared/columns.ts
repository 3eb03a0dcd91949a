/**
 * Long lists of records sent column by column: `{ id: [1, 2], name: ['Ava', 'Bryn'] }` rather
 * than `[{ id: 1, name: 'Ava' }, { id: 2, name: 'Bryn' }]`. Every key is written once instead
 * of once a row, which makes an aging of 4,000 customers about a third of the JSON, and
 * quicker to write, send and read (scripts/bench/aging.bench.ts).
 */

/** The records of type `T` as one array per field, all of the same length. */
export type Columns<T> = { [K in keyof T]: T[K][] };

/** Every field of `T`, named once: which columns to make, even from no rows. */
export type FieldsOf<T> = { readonly [K in keyof T]-?: true };

export function toColumns<T extends object>(rows: readonly T[], fields: FieldsOf<T>): Columns<T> {
  const columns = emptyColumns(fields, rows.length);
  for (const field of Object.keys(fields) as (keyof T)[]) {
    const column = columns[field];
    for (let i = 0; i < rows.length; i++) column[i] = rows[i]![field];
  }
  return columns;
}

/** Columns of `length` places each, to be filled in row by row. */
export function emptyColumns<T extends object>(fields: FieldsOf<T>, length: number): Columns<T> {
  const columns = {} as Columns<T>;
  for (const field of Object.keys(fields) as (keyof T)[]) {
    columns[field] = new Array<T[keyof T]>(length);
  }
  return columns;
}

export function fromColumns<T extends object>(columns: Columns<T>): T[] {
  const fields = Object.keys(columns) as (keyof T)[];
  const length = fields.length === 0 ? 0 : columns[fields[0]!].length;
  const rows = new Array<T>(length);
  for (let i = 0; i < length; i++) {
    const row = {} as T;
    for (const field of fields) row[field] = columns[field][i]!;
    rows[i] = row;
  }
  return rows;
}
