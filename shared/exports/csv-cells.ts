/**
 * Writing CSV for spreadsheet programs, safely.
 *
 * - **Encoding**: UTF-8 with a byte order mark (`\uFEFF` first), so Excel on Windows reads £, €
 *   and accents right; lines end in CRLF (RFC 4180).
 * - **Quoting**: a cell holding a comma, a double quote, CR or LF is put in double quotes, its
 *   quotes doubled.
 * - **Formulas**: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some run one
 *   after a tab or carriage return), so a customer called `=HYPERLINK(...)` could act when the
 *   owner opens the file. In **text** columns such a cell gets one apostrophe in front
 *   (`'=HYPERLINK(...)`), which every spreadsheet shows as plain text (OWASP's advice). A text cell
 *   that already starts with an apostrophe gets one more, so the rule can be undone exactly:
 *   `restoreTextCell` drops the first apostrophe of any text cell that has one.
 * - **Numbers**: amount and count columns are never prefixed. We write them ourselves as plain
 *   decimals (`-12.50`, `1250.00`), which a spreadsheet reads as a number, not a formula; a
 *   prefix would turn a refund's `-12.50` into text and break the owner's sums. A value in such a
 *   column that is not a plain decimal is a programming error and throws.
 */

/** The byte order mark that starts every file. */
export const bom = '\uFEFF';

/** Line ending between records. */
export const lineEnd = '\r\n';

/** How a column's cells are written: text is neutralised, numbers are checked. */
export type CellKind = 'text' | 'number';

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;

/** A text cell made safe to open in a spreadsheet (see the module comment). */
export function neutraliseTextCell(value: string): string {
  return formulaStart.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** The text as it was before `neutraliseTextCell`: for reading our own exports back. */
export function restoreTextCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function checkedNumberCell(value: string): string {
  if (value !== '' && !plainNumber.test(value)) {
    throw new RangeError(`A number column was given "${value}", which is not a plain number.`);
  }
  return value;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One cell as written: neutralised or checked by its kind, then quoted if it needs to be. */
function cellOf(value: string, kind: CellKind | undefined): string {
  return quoted(kind === 'number' ? checkedNumberCell(value) : neutraliseTextCell(value));
}

/** One CSV record, with its line ending. */
export function csvRecord(values: readonly string[], kinds: readonly CellKind[]): string {
  return values.map((value, i) => cellOf(value, kinds[i])).join(',') + lineEnd;
}

/** A column of a CSV file: its header and how its cells are written. */
export interface CsvColumn<Row> {
  header: string;
  kind: CellKind;
  value: (row: Row) => string;
}

/**
 * The file record by record: the BOM and header first, then one record per row, each made as
 * it is asked for. The one way a CSV file is written: kept whole in memory by `csvFile` (small
 * files, the dossier), or written to disk a chunk at a time (the exports, any size).
 */
export function* csvRecords<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row>,
): Generator<string, void, undefined> {
  yield (
    bom +
    csvRecord(
      columns.map((column) => column.header),
      columns.map(() => 'text'),
    )
  );
  for (const row of rows) {
    // csvRecord's work, in one pass with no arrays: this runs for every cell of a large export.
    let record = '';
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i]!;
      record += (i === 0 ? '' : ',') + cellOf(column.value(row), column.kind);
    }
    yield record + lineEnd;
  }
}

/** The whole file as one string: BOM, header and one record per row. */
export function csvFile<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  return [...csvRecords(columns, rows)].join('');
}
