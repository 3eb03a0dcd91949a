/**
 * The printed letter: letterhead, the customer's address placed in the window of a window
 * envelope, the date, the subject, then the letter itself with its tables drawn as tables and
 * the ways to pay in a shaded box. It needs only what the letter was rendered from, so the
 * preview, the saved file and the printout are the same document.
 * Pure apart from reading the font files: same input, same bytes.
 */
import { formatCalendarDate } from '../../shared/date-format';
import { blockRows } from '../../shared/letters/blocks';
import type { LetterData } from '../../shared/letters/letter-data';
import type { LetterPart, RenderedLetter } from '../../shared/letters/render';
import type { BlockName } from '../../shared/letters/variables';
import { createSheet, type Sheet } from './pdf-sheet';
import { createPdf, paperSizeFor } from './pdf-document';
import { drawTable, type TableColumn } from './pdf-table';
import { hairline, measure, palette, write, writePageFooters, type TextStyle } from './pdf-write';

export interface LetterPdfInput {
  /** The letter as rendered for this customer; its subject heads the letter. */
  letter: RenderedLetter;
  /** What it was rendered from: who writes, to whom, the invoices, the locale. */
  data: LetterData;
  /** Written into the file as its creation date. */
  now: Date;
}

const mm = 72 / 25.4;
const inch = 72;

/** A rectangle on the page in points, from the top-left corner. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where things go on the first page for each paper size, all measured from the sheet's edges.
 * `window` is the area a window envelope shows: the return line sits at its top, the address
 * below it, and nothing else of the letter may enter it.
 */
export interface LetterLayout {
  /** Left and right margin; the address, the subject and the body all start on this line. */
  margin: number;
  window: Area;
  /** The small return-address line takes the window's top this deep; the address follows. */
  returnZone: number;
  /** The date's line, beside the window. */
  dateTop: number;
  subjectTop: number;
  /** Where to fold so the window shows the address (short marks on the left edge). */
  folds: number[];
}

export const letterLayouts: Record<'A4' | 'LETTER', LetterLayout> = {
  /**
   * DIN 5008 form B, the European window-envelope layout: the address field is 85 × 45 mm,
   * 20 mm from the left edge and 45 mm from the top. Its upper 17.7 mm hold the return line
   * (written at its foot, next to the address), the lower 27.3 mm the address, six lines.
   * Folded at 105 and 210 mm into a DL envelope (DIN 680: window 90 × 45 mm, 20 mm from the
   * left, 15 mm from the bottom) or once at 148.5 mm into C5, the field lies in the window.
   * Text starts on the 25 mm line DIN 5008 uses for everything else; the date sits in the
   * information block 125 mm from the left; the subject two lines under the field.
   */
  A4: {
    margin: 25 * mm,
    window: { x: 20 * mm, y: 45 * mm, width: 85 * mm, height: 45 * mm },
    returnZone: 17.7 * mm,
    dateTop: 62.7 * mm,
    subjectTop: 98.5 * mm,
    folds: [105 * mm, 210 * mm],
  },
  /**
   * US #10 window envelope (4 1/8 × 9 1/2 in; window 1 1/8 × 4 1/2 in, 7/8 in from the left
   * and 1/2 in from the bottom), Letter folded in thirds (3 2/3 in panels). The folded sheet
   * settles to the bottom of the envelope, so the window shows the page from 2.04 to 3.17 in
   * down; sideways the sheet is an inch narrower than the envelope, so only 0.875 to 4.375 in
   * across is in the window wherever it sits. Inside that, the address area used here is
   * 0.875 in from the left, 2.125 in from the top, 3.5 × 1 in, the figures the usual
   * window-envelope templates give. The subject starts at 3 3/8 in, clear of the window.
   */
  LETTER: {
    margin: 1 * inch,
    window: { x: 0.875 * inch, y: 2.125 * inch, width: 3.5 * inch, height: 1 * inch },
    returnZone: 0.2 * inch,
    dateTop: 2.325 * inch,
    subjectTop: 3.375 * inch,
    folds: [(11 / 3) * inch, (22 / 3) * inch],
  },
};

/** Room kept above the bottom margin so the last line never touches the footer. */
const footerClearance = 6;
const letterheadTop = 34;
/** Where the body continues on a page after the first, under the running head. */
const continuationTop = letterheadTop + 40;
const gaps = { paragraph: 8, block: 12 };
const bodyStyle: TextStyle = { size: 10, lineGap: 2.5 };

export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const { letter, data, now } = input;
  const layout = letterLayouts[paperSizeFor(data.locale)];
  const { margin } = layout;
  const dateText = formatCalendarDate(data.today, data.locale);
  const runningHead = [data.business.name, `Letter to ${data.customer.name}`, dateText]
    .filter((part) => part.trim())
    .join('  ·  ');

  const { doc, finish } = createPdf({
    locale: data.locale,
    title: letter.subject,
    author: data.business.name,
    subject: `Letter to ${data.customer.name}`,
    now,
    margin,
  });
  const sheet = createSheet(doc, {
    margin,
    footerClearance,
    runningHead,
    headTop: letterheadTop + 8,
    contentTop: continuationTop,
  });
  const { width } = sheet;

  drawLetterhead(doc, layout, data.business);
  drawFoldMarks(doc, layout);
  drawAddressWindow(doc, layout, data);
  write(doc, dateText, margin, layout.dateTop, { size: 10, width, align: 'right' });
  let y = layout.subjectTop;
  y += write(doc, letter.subject, margin, y, { weight: 'bold', size: 11, width, lineGap: 2 });
  drawBody(sheet, y + 16, letter.parts, data);
  // A one-page letter needs no "Page 1 of 1"; a longer one is numbered so it can be put together.
  if (doc.bufferedPageRange().count > 1) writePageFooters(doc, runningHead, margin);
  return finish();
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The business name large on the left, how to reach it on the right, above the window. */
function drawLetterhead(
  doc: PDFKit.PDFDocument,
  { margin, window }: LetterLayout,
  business: LetterData['business'],
) {
  doc.rect(0, 0, doc.page.width, 5).fill(palette.accent);
  const width = doc.page.width - margin * 2;
  if (business.name.trim()) {
    write(doc, business.name.trim(), margin, letterheadTop, {
      weight: 'bold',
      size: 16,
      width: width * 0.55,
    });
  }
  const contactWidth = width * 0.42;
  const contactStyle: TextStyle = { size: 9, color: palette.muted, width: contactWidth };
  const addressLines = lines(business.address);
  const others = [business.email, business.phone].map((part) => part.trim()).filter(Boolean);
  let contact = [...addressLines, ...others].join('\n');
  // A long address goes on one line rather than reach down into the envelope window.
  const room = window.y - 8 - letterheadTop;
  if (measure(doc, contact, contactStyle) > room) {
    contact = [addressLines.join(', '), ...others].join('\n');
  }
  write(doc, contact, margin + width - contactWidth, letterheadTop + 2, {
    ...contactStyle,
    align: 'right',
  });
}

/** Short marks on the left edge where the sheet is folded for the envelope. */
function drawFoldMarks(doc: PDFKit.PDFDocument, { folds }: LetterLayout) {
  for (const y of folds) {
    doc
      .moveTo(4 * mm, y)
      .lineTo(9 * mm, y)
      .lineWidth(0.5)
      .strokeColor(palette.muted)
      .stroke();
  }
}

/**
 * The return line (small, underlined, at the foot of its zone) and the recipient below it,
 * both inside the window. A long address is set smaller, then on fewer lines, to fit it.
 */
function drawAddressWindow(doc: PDFKit.PDFDocument, layout: LetterLayout, data: LetterData) {
  const { window, margin, returnZone } = layout;
  const inset = margin - window.x;
  const width = window.width - inset * 2;
  const returnLine = [data.business.name, ...lines(data.business.address)]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' · ');
  if (returnLine) {
    let style: TextStyle = { size: 7, color: palette.muted, width };
    if (measure(doc, returnLine, style) > returnZone - 3) style = { ...style, size: 6 };
    const height = measure(doc, returnLine, style);
    const top = window.y + returnZone - 3 - height;
    write(doc, returnLine, margin, Math.max(window.y, top), style);
    hairline(doc, margin, margin + width, window.y + returnZone - 2, 0.4);
  }

  const { name, contactPerson } = data.customer;
  const head = [
    name.trim(),
    contactPerson.trim() && contactPerson.trim() !== name.trim() ? `Attn: ${contactPerson}` : '',
  ].filter(Boolean);
  const address = lines(data.customer.address);
  const top = window.y + returnZone + 2;
  const room = window.y + window.height - top;
  const style = (size: number): TextStyle => ({ size, lineGap: 1, width });
  const fits = (size: number) =>
    measure(doc, [...head, ...address].join('\n'), style(size)) <= room;
  // Smaller type first, down to the 8 pt postal readers still read; then the first lines are
  // joined, since the post reads an address from the bottom (town and postcode stay put).
  let size = 10;
  while (size > 8 && !fits(size)) size -= 0.5;
  while (address.length > 2 && !fits(size)) {
    address.splice(0, 2, `${address[0]}, ${address[1]}`);
  }
  write(doc, [...head, ...address].join('\n'), margin, top, style(size));
}

/** Paragraphs and blocks in order; a line that leads into what follows is kept with it. */
function drawBody(sheet: Sheet, top: number, parts: readonly LetterPart[], data: LetterData) {
  const { doc, left, width } = sheet;
  const style: TextStyle = { ...bodyStyle, width };
  let y = top;
  parts.forEach((part, index) => {
    if (part.kind === 'block') {
      const end = drawBlock(sheet, y, part.name, data);
      if (end !== null) y = end + gaps.block;
      return;
    }
    const height = measure(doc, part.text, style);
    const next = parts[index + 1];
    // "You can pay like this:" or "Kind regards," never ends a page on its own.
    const leadsOn = /[:,]$/.test(part.text) && next !== undefined;
    const keep = leadsOn ? gaps.paragraph + leadHeight(sheet, next, data) : 0;
    if (height + keep <= sheet.bottom - continuationTop) {
      y = sheet.ensureRoom(y, height + keep);
      y += write(doc, part.text, left, y, style) + gaps.paragraph;
      return;
    }
    // Longer than a page: line by line.
    for (const line of part.text.split('\n')) {
      y = sheet.ensureRoom(y, measure(doc, line || ' ', style));
      y += write(doc, line || ' ', left, y, style);
    }
    y += gaps.paragraph;
  });
}

const boxPadding = 11;
const boxStyle: TextStyle = { size: 9.5, lineGap: 2 };

function paymentInstructions(data: LetterData): string {
  return data.business.paymentInstructions.trim();
}

/** How much of `part` must come on the same page as the line that introduces it. */
function leadHeight(sheet: Sheet, part: LetterPart, data: LetterData): number {
  const { doc, width } = sheet;
  if (part.kind === 'paragraph') {
    // The whole of a short paragraph (a signature), the first line of a long one.
    const whole = measure(doc, part.text, { ...bodyStyle, width });
    return whole <= 80
      ? whole
      : measure(doc, part.text.split('\n')[0] ?? '', { ...bodyStyle, width });
  }
  if (part.name === 'howToPay') {
    const text = paymentInstructions(data);
    return text ? measure(doc, text, { ...boxStyle, width: width - boxPadding * 2 }) + 22 : 0;
  }
  // A table's header and its first row.
  return 46;
}

/**
 * A block where the template placed it: the tables from the same rows as the email's, the
 * first column taking the spare width and the totals in bold; the ways to pay in a shaded box.
 * Returns the y below it, or null when there is nothing to draw.
 */
function drawBlock(sheet: Sheet, top: number, name: BlockName, data: LetterData): number | null {
  const { doc, left, width } = sheet;
  if (name === 'howToPay') {
    const text = paymentInstructions(data);
    if (!text) return null;
    const style: TextStyle = { ...boxStyle, width: width - boxPadding * 2 };
    const height = measure(doc, text, style) + boxPadding * 2;
    const y = sheet.ensureRoom(top, height);
    doc.roundedRect(left, y, width, height, 4).fill(palette.panel);
    write(doc, text, left + boxPadding, y + boxPadding, style);
    return y + height;
  }
  const table = blockRows(name, data);
  if (table.rows.length === 0 && table.foot.length === 0) return null;
  // The schedule is three short columns: half the width, its dates taking the spare room.
  const schedule = name === 'planSchedule';
  // The workings' long column is what each line is for; the schedule's, its dates.
  const flexible = schedule || name === 'lateChargesWorkings' ? 1 : 0;
  const columns: TableColumn[] = table.head.map((header, index) => ({
    header,
    align: table.numeric[index] ? 'right' : 'left',
    fit: index !== flexible,
  }));
  return drawTable(
    doc,
    columns,
    table.rows,
    {
      x: left,
      width: schedule ? Math.round(width * 0.5) : width,
      y: top,
      bottom: sheet.bottom,
      newPage: sheet.continuationPage,
    },
    table.foot,
  );
}
