/**
 * The page area of a document and how it moves on to a new page: each continued page is
 * headed with what it continues ("Jones Plumbing · Invoice INV-0001 (continued)"), so every
 * printed page can be read on its own. Shared by the invoice, letter and plan agreement.
 */
import { palette, write } from './pdf-write';

export interface Sheet {
  doc: PDFKit.PDFDocument;
  left: number;
  right: number;
  width: number;
  /** The lowest y content may reach. */
  bottom: number;
  /** Adds a page headed with what it continues; returns where content starts on it. */
  continuationPage(): number;
  /** `y` if `height` fits below it on this page, else the top of a new page. */
  ensureRoom(y: number, height: number): number;
}

export function createSheet(
  doc: PDFKit.PDFDocument,
  options: {
    margin: number;
    /** Room kept above the bottom margin for the page footer. */
    footerClearance: number;
    runningHead: string;
    /** Where the running head sits on a continued page, and where content then starts. */
    headTop?: number;
    contentTop?: number;
  },
): Sheet {
  const { margin } = options;
  const width = doc.page.width - margin * 2;
  const bottom = doc.page.height - margin - options.footerClearance;
  const headTop = options.headTop ?? margin;
  const contentTop = options.contentTop ?? margin + 24;
  const continuationPage = () => {
    doc.addPage();
    write(doc, `${options.runningHead} (continued)`, margin, headTop, {
      size: 8.5,
      color: palette.muted,
      width,
    });
    return contentTop;
  };
  return {
    doc,
    left: margin,
    right: margin + width,
    width,
    bottom,
    continuationPage,
    ensureRoom: (y, height) => (y + height > bottom ? continuationPage() : y),
  };
}
