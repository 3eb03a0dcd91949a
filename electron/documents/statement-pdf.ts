/**
 * The customer statement as a PDF: who it is from and to, the period, then for each currency
 * the opening balance, every invoice, payment, credit, write-off and refund in the period with
 * the running balance, the closing balance, and the aging of what is open on the closing day.
 * Pure apart from reading the font files.
 */
import { agingBuckets, bucketLabels } from '../../shared/aging';
import { formatCalendarDate } from '../../shared/date-format';
import type { CalendarDate } from '../../shared/dates';
import { formatMoney, type Minor } from '../../shared/money';
import type { CurrencyStatement, StatementEntryKind } from '../../shared/statements/statement';
import { createPdf } from './pdf-document';
import { createSheet, type Sheet } from './pdf-sheet';
import { drawTable, type TableColumn } from './pdf-table';
import { labelStyle, measure, palette, write, writePageFooters, type TextStyle } from './pdf-write';

export interface StatementPdfInput {
  business: { businessName: string; address: string; email: string; phone: string };
  customer: { name: string; address: string };
  period: { from: CalendarDate; to: CalendarDate };
  sections: readonly CurrencyStatement[];
  locale: string;
  now: Date;
}

export const statementTitle = 'Statement of account';

const margin = 50;
const bodyStyle: TextStyle = { size: 9.5, lineGap: 2 };

const kindWords: Record<StatementEntryKind, string> = {
  invoice: 'Invoice',
  payment: 'Payment received',
  credit_note: 'Credit note',
  write_off: 'Written off',
  refund: 'Refund',
};

export async function renderStatementPdf(input: StatementPdfInput): Promise<Buffer> {
  const { business, customer, period, locale, now } = input;
  const day = (date: CalendarDate) => formatCalendarDate(date, locale);
  const runningHead = [business.businessName.trim(), `${statementTitle} · ${customer.name.trim()}`]
    .filter(Boolean)
    .join('  ·  ');
  const { doc, finish } = createPdf({
    locale,
    title: statementTitle,
    author: business.businessName,
    subject: `${statementTitle} for ${customer.name.trim()}, ${period.from} to ${period.to}`,
    now,
    margin,
  });
  const sheet = createSheet(doc, { margin, footerClearance: 6, runningHead });
  const { left, width } = sheet;

  doc.rect(0, 0, doc.page.width, 5).fill(palette.accent);
  let y = margin;
  if (business.businessName.trim()) {
    y += write(doc, business.businessName.trim(), left, y, {
      weight: 'bold',
      size: 12,
      color: palette.muted,
      width,
    });
  }
  y += write(doc, statementTitle, left, y + 2, { size: 22, color: palette.accent, width });
  y += 6;
  y += write(doc, `${day(period.from)} to ${day(period.to)}`, left, y, {
    ...bodyStyle,
    size: 10.5,
    width,
  });
  y += 16;

  const columnWidth = (width - 30) / 2;
  const block = (x: number, label: string, name: string, details: string) => {
    let at = y;
    at += write(doc, label, x, at, { ...labelStyle, width: columnWidth }) + 3;
    at += write(doc, name || '—', x, at, { weight: 'bold', size: 10.5, width: columnWidth });
    if (details.trim()) at += write(doc, details.trim(), x, at, { size: 9.5, width: columnWidth });
    return at;
  };
  const fromEnd = block(
    left,
    'FROM',
    business.businessName.trim(),
    [business.address, business.email, business.phone]
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n'),
  );
  const toEnd = block(left + columnWidth + 30, 'TO', customer.name.trim(), customer.address);
  y = Math.max(fromEnd, toEnd) + 24;

  if (input.sections.length === 0) {
    write(doc, 'Nothing was owed and nothing moved in this period.', left, y, {
      ...bodyStyle,
      width,
    });
  }
  for (const section of input.sections) {
    y = drawSection(sheet, y, section, { locale, day });
  }
  writePageFooters(doc, runningHead, margin);
  return finish();
}

function drawSection(
  sheet: Sheet,
  top: number,
  section: CurrencyStatement,
  { locale, day }: { locale: string; day: (date: CalendarDate) => string },
): number {
  const { doc, left, width } = sheet;
  const money = (amount: Minor) => formatMoney(amount, section.currency, locale);
  const signed = (amount: Minor) => (amount < 0 ? `−${money(-amount)}` : money(amount));
  const heading = `IN ${section.currency}`;
  let y = sheet.ensureRoom(top, measure(doc, heading, labelStyle) + 90);
  y += write(doc, heading, left, y, labelStyle) + 5;

  const columns: TableColumn[] = [
    { header: 'Date', align: 'left', fit: true },
    { header: 'Description', align: 'left' },
    { header: 'Charges', align: 'right', fit: true },
    { header: 'Credits', align: 'right', fit: true },
    { header: 'Balance', align: 'right', fit: true },
  ];
  const rows: string[][] = section.lines.map((line) => {
    const description =
      line.kind === 'invoice'
        ? `Invoice ${line.reference}, due ${day(line.detail)}`
        : [kindWords[line.kind], line.reference, line.detail].filter(Boolean).join(' · ');
    return [
      day(line.date),
      description,
      line.change > 0 ? money(line.change) : '',
      line.change < 0 ? money(-line.change) : '',
      signed(line.balance),
    ];
  });
  const bounds = {
    x: left,
    width,
    y,
    bottom: sheet.bottom,
    newPage: sheet.continuationPage,
  };
  y = drawTable(
    doc,
    columns,
    [['', 'Opening balance', '', '', signed(section.opening)], ...rows],
    bounds,
    [['', 'Closing balance', '', '', signed(section.closing)]],
  );
  y += 10;

  const summary = [
    `Opening balance ${signed(section.opening)}`,
    `invoiced ${money(section.invoiced)}`,
    `paid ${money(section.paid)}`,
    section.credited ? `credited ${money(section.credited)}` : '',
    section.writtenOff ? `written off ${money(section.writtenOff)}` : '',
    section.refunded ? `refunded ${money(section.refunded)}` : '',
    `closing balance ${signed(section.closing)}.`,
  ]
    .filter(Boolean)
    .join(', ');
  const summaryStyle: TextStyle = { ...bodyStyle, width, color: palette.muted };
  y = sheet.ensureRoom(y, measure(doc, summary, summaryStyle));
  y += write(doc, summary, left, y, summaryStyle) + 12;

  y = sheet.ensureRoom(y, 70);
  y += write(doc, 'OPEN INVOICES BY AGE ON THE CLOSING DATE', left, y, labelStyle) + 5;
  y = drawTable(
    doc,
    [
      ...agingBuckets.map((bucket) => ({
        header: bucketLabels[bucket],
        align: 'right' as const,
        fit: true,
      })),
      { header: 'Total open', align: 'right', fit: true },
    ],
    [[...agingBuckets.map((bucket) => money(section.aging[bucket])), money(section.aging.total)]],
    { ...bounds, y },
  );
  if (section.unapplied > 0) {
    y += 6;
    y += write(
      doc,
      `We also hold ${money(section.unapplied)} you paid that is not yet matched to an invoice; it is taken off your balance above.`,
      left,
      y,
      { ...bodyStyle, width },
    );
  }
  return y + 24;
}
