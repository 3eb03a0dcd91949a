/**
 * The invoice as a PDF: letterhead, who it is for, the lines, the totals, and, stated plainly,
 * when it is due and every way to pay. Clear terms on every invoice are the first step of
 * gentle collection, so they sit right under the totals rather than in small print.
 * Pure apart from reading the font files: same input, same bytes.
 */
import { formatCalendarDate } from '../../shared/date-format';
import type { CalendarDate } from '../../shared/dates';
import {
  anyLineRounded,
  contactRoute,
  discountOffer,
  howToPay,
} from '../../shared/invoice-wording';
import { describeTerms } from '../../shared/invoices';
import type { Customer, Invoice } from '../../shared/ledger';
import { formatMoney, type Minor } from '../../shared/money';
import type { BusinessSettings } from '../../shared/settings';
import { createSheet, type Sheet } from './pdf-sheet';
import { createPdf } from './pdf-document';
import { drawTable, type TableColumn } from './pdf-table';
import {
  hairline,
  labelStyle,
  measure,
  palette,
  write,
  writePageFooters,
  type TextStyle,
} from './pdf-write';

export interface InvoicePdfInput {
  invoice: Invoice;
  customer: Customer;
  settings: Pick<
    BusinessSettings,
    'businessName' | 'address' | 'email' | 'phone' | 'paymentInstructions' | 'locale'
  >;
  /** Written into the file as its creation date. */
  now: Date;
}

const margin = 50;
/** Room kept above the bottom margin so the last row never touches the footer. */
const footerClearance = 6;
const gaps = { small: 6, section: 18, block: 26 };

interface Formats {
  money(amount: Minor): string;
  day(date: CalendarDate): string;
}

export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const { invoice, customer, settings, now } = input;
  // The customer reads it: their locale when they have one, the business's otherwise.
  const locale = customer.locale ?? settings.locale;
  const formats: Formats = {
    money: (amount) => formatMoney(amount, invoice.currency, locale),
    day: (date) => formatCalendarDate(date, locale),
  };
  const title = `Invoice ${invoice.number}`;
  const runningHead = [settings.businessName, title].filter(Boolean).join('  ·  ');

  const { doc, finish } = createPdf({
    locale,
    title,
    author: settings.businessName,
    subject: `${title} for ${invoice.customerName}`,
    now,
    margin,
  });
  const sheet = createSheet(doc, { margin, footerClearance, runningHead });

  let y = drawLetterhead(sheet, invoice, settings, formats);
  y = drawBillTo(sheet, y, invoice, customer, formats);
  if (invoice.lines.length > 0) y = drawLines(sheet, y, invoice, formats) + 10;
  y = drawTotals(sheet, y, invoice, formats);
  drawTermsAndPayment(sheet, y, invoice, settings, formats, locale);
  writePageFooters(doc, runningHead, margin);
  return finish();
}

/** The business on the left; "Invoice", its number and dates on the right. */
function drawLetterhead(
  { doc, left, right, width }: Sheet,
  invoice: Invoice,
  settings: InvoicePdfInput['settings'],
  { day }: Formats,
): number {
  doc.rect(0, 0, doc.page.width, 5).fill(palette.accent);
  const headWidth = width * 0.55;
  let leftY = margin;
  if (settings.businessName) {
    leftY += write(doc, settings.businessName, left, leftY, {
      weight: 'bold',
      size: 16,
      width: headWidth,
    });
    leftY += 4;
  }
  const contactStyle: TextStyle = { size: 9, color: palette.muted, width: headWidth };
  for (const part of [settings.address, settings.email, settings.phone]) {
    if (part.trim()) leftY += write(doc, part.trim(), left, leftY, contactStyle);
  }

  const metaWidth = 220;
  const labelWidth = 95;
  const x = right - metaWidth;
  let rightY = margin - 4;
  rightY += write(doc, 'Invoice', x, rightY, {
    size: 24,
    color: palette.accent,
    width: metaWidth,
    align: 'right',
  });
  const badge =
    invoice.state === 'draft' ? 'Draft, not yet issued' : invoice.state === 'void' ? 'Void' : '';
  if (badge) {
    rightY += write(doc, badge, x, rightY, {
      weight: 'bold',
      size: 9,
      color: palette.warning,
      width: metaWidth,
      align: 'right',
    });
  }
  rightY += gaps.small;
  const facts: [string, string][] = [
    ['Invoice number', invoice.number],
    ['Invoice date', day(invoice.issueDate)],
    ['Due date', day(invoice.dueDate)],
  ];
  for (const [label, value] of facts) {
    write(doc, label, x, rightY, { size: 9, color: palette.muted, width: labelWidth });
    rightY += write(doc, value, x + labelWidth, rightY, {
      weight: 'bold',
      size: 9,
      width: metaWidth - labelWidth,
      align: 'right',
    });
    rightY += 2;
  }
  return Math.max(leftY, rightY) + gaps.block;
}

/** Who it is for, and beside it the one figure that matters most to them. */
function drawBillTo(
  { doc, left, right, width }: Sheet,
  top: number,
  invoice: Invoice,
  customer: Customer,
  { money, day }: Formats,
): number {
  const billWidth = width - 250;
  let y = top;
  y += write(doc, 'BILL TO', left, y, labelStyle) + 3;
  y += write(doc, customer.name, left, y, { weight: 'bold', size: 10.5, width: billWidth });
  const details = [
    customer.company !== customer.name ? customer.company : '',
    customer.contactPerson && customer.contactPerson !== customer.name
      ? `Attn: ${customer.contactPerson}`
      : '',
    customer.address,
  ];
  for (const detail of details) {
    if (detail.trim()) y += write(doc, detail.trim(), left, y, { size: 9.5, width: billWidth });
  }

  const panelWidth = 220;
  const pad = 12;
  const x = right - panelWidth + pad;
  const inner = panelWidth - pad * 2;
  const label: TextStyle = { ...labelStyle, width: inner };
  const amount: TextStyle = { weight: 'bold', size: 18, width: inner };
  const note: TextStyle = { size: 9, width: inner };
  const panel =
    invoice.state === 'void'
      ? {
          label: 'THIS INVOICE IS VOID',
          amount: '',
          note: invoice.voidReason || 'Nothing is owed on it.',
        }
      : {
          label: 'AMOUNT DUE',
          amount: money(invoice.open),
          note:
            invoice.state === 'paid'
              ? 'Paid in full. Thank you.'
              : invoice.open <= 0
                ? 'Nothing is owed on this invoice.'
                : `Due by ${day(invoice.dueDate)}`,
        };
  const height =
    pad * 2 +
    measure(doc, panel.label, label) +
    4 +
    (panel.amount ? measure(doc, panel.amount, amount) : 0) +
    2 +
    measure(doc, panel.note, note);
  doc.roundedRect(right - panelWidth, top, panelWidth, height, 4).fill(palette.panel);
  let panelY = top + pad;
  panelY += write(doc, panel.label, x, panelY, label) + 4;
  if (panel.amount) panelY += write(doc, panel.amount, x, panelY, amount);
  write(doc, panel.note, x, panelY + 2, note);
  return Math.max(y, top + height) + gaps.block;
}

/** The lines; the tax column only when some line is taxed. */
function drawLines(sheet: Sheet, y: number, invoice: Invoice, { money }: Formats): number {
  const taxed = invoice.lines.some((line) => line.taxRate !== null);
  const columns: TableColumn[] = [
    { header: 'Description', align: 'left' },
    { header: 'Qty', align: 'right', fit: true },
    { header: 'Unit price', align: 'right', fit: true },
    ...(taxed ? [{ header: 'Tax', align: 'right' as const, fit: true }] : []),
    { header: 'Amount', align: 'right', fit: true },
  ];
  const rows = invoice.lines.map((line) => [
    line.description,
    line.quantity,
    money(line.unitPrice),
    ...(taxed ? [line.taxRate === null ? '–' : `${line.taxRate}%`] : []),
    money(line.net),
  ]);
  return drawTable(sheet.doc, columns, rows, {
    x: sheet.left,
    width: sheet.width,
    y,
    bottom: sheet.bottom,
    newPage: sheet.continuationPage,
  });
}

/** The totals, kept together; what was paid or credited comes before what is left to pay. */
function drawTotals(sheet: Sheet, top: number, invoice: Invoice, { money }: Formats): number {
  const { doc, right } = sheet;
  const taxed = invoice.lines.some((line) => line.taxRate !== null) || invoice.tax !== 0;
  const rows: { label: string; value: string; strong?: boolean; ruleAbove?: boolean }[] = taxed
    ? [
        { label: 'Subtotal', value: money(invoice.net) },
        { label: 'Tax', value: money(invoice.tax) },
        { label: 'Total', value: money(invoice.total), strong: true, ruleAbove: true },
      ]
    : [{ label: 'Total', value: money(invoice.total), strong: true }];
  const reductions = (
    [
      ['Paid', invoice.paid],
      ['Credited', invoice.credited],
      ['Written off', invoice.writtenOff],
    ] as const
  ).filter(([, amount]) => amount > 0);
  for (const [label, amount] of reductions) rows.push({ label, value: money(-amount) });
  if (reductions.length > 0) {
    rows.push({ label: 'Amount due', value: money(invoice.open), strong: true, ruleAbove: true });
  }

  const rounded = anyLineRounded(invoice.lines);
  const rowHeight = 17;
  const width = 230;
  const x = right - width;
  let y = sheet.ensureRoom(top, rows.length * (rowHeight + 2) + (rounded ? 14 : 0));
  for (const row of rows) {
    if (row.ruleAbove) hairline(doc, x, right, y - 3, 0.8);
    const style: TextStyle = row.strong ? { weight: 'bold', size: 10.5 } : { size: 9.5 };
    write(doc, row.label, x, y, { ...style, color: row.strong ? palette.text : palette.muted });
    write(doc, row.value, x + 80, y, { ...style, width: width - 80, align: 'right' });
    y += rowHeight + (row.strong ? 2 : 0);
  }
  if (rounded) {
    // Says why a line can differ by a penny from a calculator's answer.
    write(doc, 'Amounts are rounded per line, half away from zero.', x - 40, y, {
      size: 7.5,
      color: palette.muted,
      width: width + 40,
      align: 'right',
    });
    y += 14;
  }
  return y + gaps.section;
}

/** When it is due, any discount, every way to pay, the notes, and an open door. */
function drawTermsAndPayment(
  sheet: Sheet,
  top: number,
  invoice: Invoice,
  settings: InvoicePdfInput['settings'],
  { day }: Formats,
  locale: string,
): void {
  const { doc, left, width } = sheet;
  const contact = contactRoute(settings);
  const sections: { heading: string; body: string }[] = [];
  // A void invoice asks for nothing, so it states no terms and no way to pay.
  if (invoice.state !== 'void') {
    const terms = describeTerms(invoice.terms, day(invoice.dueDate));
    const discount = discountOffer(invoice, locale);
    sections.push({ heading: 'PAYMENT TERMS', body: discount ? `${terms}\n${discount}` : terms });
    sections.push({
      heading: 'HOW TO PAY',
      body: howToPay(settings.paymentInstructions, invoice.number, contact),
    });
  }
  if (invoice.notes.trim()) sections.push({ heading: 'NOTES', body: invoice.notes.trim() });

  const body: TextStyle = { size: 9.5, width, lineGap: 2 };
  let y = top;
  for (const section of sections) {
    const height = measure(doc, section.heading, labelStyle) + 5 + measure(doc, section.body, body);
    y = sheet.ensureRoom(y, height);
    y += write(doc, section.heading, left, y, labelStyle) + 5;
    y += write(doc, section.body, left, y, body) + gaps.section;
  }

  const closing = [
    invoice.state === 'void' ? '' : 'Thank you for your business.',
    contact ? `Questions about this invoice? Contact us at ${contact}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const closingStyle: TextStyle = { size: 9, color: palette.muted, width };
  if (!closing) return;
  y = sheet.ensureRoom(y, measure(doc, closing, closingStyle));
  write(doc, closing, left, y, closingStyle);
}
