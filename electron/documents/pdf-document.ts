/**
 * A pdfkit document set up the way every Goodwill PDF needs it: an embedded Unicode font
 * (the 14 built-in PDF fonts only cover Windows-1252, so "Łukasiewicz" or "Иванов" would come
 * out garbled), the paper size of the reader's country, a fixed creation date so the same
 * input always gives the same bytes, and the output collected in memory: the caller decides
 * where (and how atomically) it is written.
 */
import PDFDocument from 'pdfkit';
import { assetPath } from '../assets-path';

/** DejaVu Sans: Latin, Greek and Cyrillic in one family, under a permissive licence. */
export const fonts = {
  get regular() {
    return assetPath('fonts/DejaVuSans.ttf');
  },
  get bold() {
    return assetPath('fonts/DejaVuSans-Bold.ttf');
  },
};

/** US Letter where people print on it; A4 everywhere else. */
export function paperSizeFor(locale: string): 'A4' | 'LETTER' {
  return /^[a-z]{2,3}-(US|CA)$/i.test(locale) ? 'LETTER' : 'A4';
}

export interface PdfSetup {
  locale: string;
  title: string;
  author: string;
  subject?: string;
  /** The creation date written into the file; pass the app clock's "now". */
  now: Date;
  margin: number;
}

export interface PdfInProgress {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

export function createPdf(setup: PdfSetup): PdfInProgress {
  const doc = new PDFDocument({
    size: paperSizeFor(setup.locale),
    margin: setup.margin,
    // Starting in our own font keeps pdfkit from loading Helvetica for nothing.
    font: fonts.regular,
    // Kept in memory until the end, so page footers ("Page 1 of 2") can be written last.
    bufferPages: true,
    lang: setup.locale,
    displayTitle: true,
    info: {
      Title: setup.title,
      Author: setup.author,
      ...(setup.subject ? { Subject: setup.subject } : {}),
      Creator: 'Goodwill',
      Producer: 'Goodwill (pdfkit)',
      CreationDate: setup.now,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish() {
      doc.end();
      return done;
    },
  };
}
