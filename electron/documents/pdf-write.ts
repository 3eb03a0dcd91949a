/**
 * The house style every Goodwill PDF shares (calm ink, one teal accent, small-caps labels) and
 * the two moves all layout here is made of: write text at a point and learn how tall it came
 * out, or measure it first to see whether it fits.
 */
import { fonts } from './pdf-document';

export const palette = {
  text: '#1f2933',
  muted: '#5f6b7a',
  rule: '#d5dbe1',
  accent: '#0c8599',
  panel: '#eef6f7',
  warning: '#b54708',
};

export interface TextStyle {
  weight?: 'regular' | 'bold';
  size?: number;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
  characterSpacing?: number;
}

/** The small bold capitals above a block: "BILL TO", "HOW TO PAY". */
export const labelStyle: TextStyle = {
  weight: 'bold',
  size: 7.5,
  color: palette.muted,
  characterSpacing: 0.6,
};

function textOptions(style: TextStyle): PDFKit.Mixins.TextOptions {
  return {
    width: style.width,
    align: style.align ?? 'left',
    lineGap: style.lineGap ?? 1.5,
    characterSpacing: style.characterSpacing ?? 0,
  };
}

function useFont(doc: PDFKit.PDFDocument, style: TextStyle) {
  doc.font(style.weight === 'bold' ? fonts.bold : fonts.regular).fontSize(style.size ?? 9.5);
}

/** Writes `value` at (x, y) and returns how tall it came out. */
export function write(
  doc: PDFKit.PDFDocument,
  value: string,
  x: number,
  y: number,
  style: TextStyle = {},
): number {
  useFont(doc, style);
  doc.fillColor(style.color ?? palette.text).text(value, x, y, textOptions(style));
  return doc.y - y;
}

/** How tall `value` would come out in `style`. */
export function measure(doc: PDFKit.PDFDocument, value: string, style: TextStyle = {}): number {
  useFont(doc, style);
  return doc.heightOfString(value, textOptions(style));
}

/** How wide `value` would be on one line in `style`. */
export function widthOf(doc: PDFKit.PDFDocument, value: string, style: TextStyle = {}): number {
  useFont(doc, style);
  return doc.widthOfString(value, { characterSpacing: style.characterSpacing ?? 0 });
}

/** A hairline across, for rules under headers and above totals. */
export function hairline(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, weight = 0.5) {
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(weight).strokeColor(palette.rule).stroke();
}

/** "Business · Invoice INV-0001" and "Page 1 of 2" at the foot of every page, written last. */
export function writePageFooters(doc: PDFKit.PDFDocument, label: string, margin: number) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text inside the bottom margin would otherwise make pdfkit start a new page.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin + 18;
    const width = doc.page.width - margin * 2;
    const style: TextStyle = { size: 7.5, color: palette.muted };
    write(doc, label, margin, y, { ...style, width: width * 0.7 });
    write(doc, `Page ${index - start + 1} of ${count}`, margin, y, {
      ...style,
      width,
      align: 'right',
    });
    doc.page.margins.bottom = keep;
  }
}
