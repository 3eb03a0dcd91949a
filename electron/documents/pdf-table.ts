/**
 * A plain table for pdfkit that breaks across pages by hand (pdfkit does not keep rows whole):
 * a row that would cross the bottom goes to the next page, whose first row is the header again,
 * so every page of lines can be read on its own. Columns with `fit` are sized to their widest
 * cell; the first column without it takes the rest of the width and wraps. An optional foot
 * (totals) follows the rows in bold under a firmer rule.
 */
import { hairline, measure, palette, widthOf, write, type TextStyle } from './pdf-write';

export interface TableColumn {
  header: string;
  align: 'left' | 'right';
  /** Sized to its content (numbers and amounts); otherwise it takes the remaining width. */
  fit?: boolean;
}

export interface TableLayout {
  x: number;
  width: number;
  /** Where the table starts on the current page. */
  y: number;
  /** The lowest y a row may reach before it moves to a new page. */
  bottom: number;
  /** Adds a page and returns the y where the table continues on it. */
  newPage: () => number;
}

const cellStyle: TextStyle = { size: 9 };
const headerStyle: TextStyle = { weight: 'bold', size: 8, color: palette.muted };
const footStyle: TextStyle = { weight: 'bold', size: 9 };
/** Space between a cell's text and its row's rules, and between columns. */
const paddingY = 5.5;
const gap = 14;

function columnWidths(
  doc: PDFKit.PDFDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  foot: readonly (readonly string[])[],
  width: number,
): number[] {
  const widths = columns.map((column, index) => {
    if (!column.fit) return 0;
    const cells = [
      ...rows.map((row) => widthOf(doc, row[index] ?? '', cellStyle)),
      ...foot.map((row) => widthOf(doc, row[index] ?? '', footStyle)),
    ];
    return Math.ceil(Math.max(widthOf(doc, column.header, headerStyle), ...cells)) + 1;
  });
  const flexible = columns.findIndex((column) => !column.fit);
  const used = widths.reduce((sum, w) => sum + w, 0) + gap * (columns.length - 1);
  if (flexible >= 0) widths[flexible] = Math.max(width - used, width * 0.25);
  return widths;
}

/** Draws the table (and its foot, if any) and returns the y just below its last row. */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  layout: TableLayout,
  foot: readonly (readonly string[])[] = [],
): number {
  const widths = columnWidths(doc, columns, rows, foot, layout.width);
  const lefts = widths.map(
    (_, index) => layout.x + widths.slice(0, index).reduce((sum, w) => sum + w + gap, 0),
  );
  const right = layout.x + layout.width;

  const rowHeight = (cells: readonly string[], style: TextStyle) =>
    Math.max(
      ...cells.map((cell, index) => measure(doc, cell, { ...style, width: widths[index]! })),
    ) +
    paddingY * 2;
  const drawRow = (cells: readonly string[], y: number, style: TextStyle) => {
    cells.forEach((cell, index) => {
      write(doc, cell, lefts[index]!, y + paddingY, {
        ...style,
        width: widths[index]!,
        align: columns[index]!.align,
      });
    });
  };

  const headers = columns.map((column) => column.header);
  const headerHeight = rowHeight(headers, headerStyle);
  const drawHeader = (y: number) => {
    drawRow(headers, y, headerStyle);
    hairline(doc, layout.x, right, y + headerHeight, 0.8);
    return y + headerHeight;
  };

  // A header alone at the foot of a page helps nobody: start on the next page instead.
  const firstRow = rows[0] ? rowHeight(rows[0], cellStyle) : 0;
  const start = layout.y + headerHeight + firstRow > layout.bottom ? layout.newPage() : layout.y;
  let y = drawHeader(start);
  for (const row of rows) {
    const height = rowHeight(row, cellStyle);
    if (y + height > layout.bottom) y = drawHeader(layout.newPage());
    drawRow(row, y, cellStyle);
    y += height;
    hairline(doc, layout.x, right, y, 0.4);
  }
  foot.forEach((row, index) => {
    const height = rowHeight(row, footStyle);
    if (y + height > layout.bottom) y = drawHeader(layout.newPage());
    if (index === 0) hairline(doc, layout.x, right, y, 0.8);
    drawRow(row, y, footStyle);
    y += height;
  });
  return y;
}
