/**
 * The payment-plan agreement as a PDF: who agrees with whom, the invoices it covers and their
 * total, the deposit, every instalment with the balance left after it, how to pay, and, in
 * kind words, what happens when a payment is missed; then a place for both parties to sign.
 * Everything comes from the schedule the preview showed, so what was agreed on screen is what
 * is printed. Pure apart from reading the font files: same input, same bytes.
 */
import { formatCalendarDate } from '../../shared/date-format';
import type { CalendarDate } from '../../shared/dates';
import { contactRoute } from '../../shared/invoice-wording';
import { formatMoney, type Minor } from '../../shared/money';
import type { PlanSchedule } from '../../shared/plans/schedule';
import { createSheet, type Sheet } from './pdf-sheet';
import { createPdf } from './pdf-document';
import { drawTable, type TableColumn } from './pdf-table';
import { labelStyle, measure, palette, write, writePageFooters, type TextStyle } from './pdf-write';

export interface PlanAgreementPdfInput {
  business: {
    businessName: string;
    address: string;
    email: string;
    phone: string;
    paymentInstructions: string;
  };
  customer: { name: string; company?: string; contactPerson?: string; address: string };
  /** The invoices the plan covers, with what is open on each; empty for a plain total. */
  invoices: readonly {
    number: string;
    issueDate: CalendarDate;
    dueDate: CalendarDate;
    open: Minor;
  }[];
  schedule: PlanSchedule;
  locale: string;
  /** Written into the file as its creation date. */
  now: Date;
  /** The customer is going through a hard time: say that the door stays open. */
  hardship?: boolean | undefined;
  /** Fees or interest the owner has chosen to add, in their words; none when left out. */
  fees?: string | undefined;
}

export const planAgreementTitle = 'Payment plan agreement';

const margin = 50;
/** Room kept above the bottom margin so the last row never touches the footer. */
const footerClearance = 6;
const gaps = { small: 4, section: 16, block: 24 };
const bodyStyle: TextStyle = { size: 9.5, lineGap: 2 };

interface Formats {
  money(amount: Minor): string;
  day(date: CalendarDate): string;
}

export async function renderPlanAgreementPdf(input: PlanAgreementPdfInput): Promise<Buffer> {
  const { business, customer, schedule, locale, now } = input;
  const formats: Formats = {
    money: (amount) => formatMoney(amount, schedule.currency, locale),
    day: (date) => formatCalendarDate(date, locale),
  };
  const customerName = customer.name.trim();
  const runningHead = [business.businessName.trim(), `${planAgreementTitle} with ${customerName}`]
    .filter(Boolean)
    .join('  ·  ');

  const { doc, finish } = createPdf({
    locale,
    title: planAgreementTitle,
    author: business.businessName,
    subject: `${planAgreementTitle} with ${customerName}`,
    now,
    margin,
  });
  const sheet = createSheet(doc, { margin, footerClearance, runningHead });

  let y = drawHeading(sheet, input, formats);
  y = drawParties(sheet, y, input);
  y = drawInvoices(sheet, y, input, formats);
  y = drawSchedule(sheet, y, schedule, formats);
  y = drawTerms(sheet, y, input);
  drawSignatures(sheet, y, business.businessName.trim(), customerName);
  writePageFooters(doc, runningHead, margin);
  return finish();
}

/** The accent bar, the business's name, the title, and what the agreement is in one line. */
function drawHeading(
  { doc, left, width }: Sheet,
  { business, customer, schedule }: PlanAgreementPdfInput,
  { money }: Formats,
): number {
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
  y += write(doc, planAgreementTitle, left, y + 2, {
    size: 22,
    color: palette.accent,
    width,
  });
  y += 8;
  const payments = schedule.count === 1 ? 'one payment' : `${schedule.count} payments`;
  const deposit = schedule.deposit
    ? `, a deposit of ${money(schedule.deposit.amount)} and then ${payments} of the remaining ${money(schedule.instalmentsTotal)}`
    : ` in ${payments}`;
  const who = business.businessName.trim() || 'the business';
  const summary = `This agreement sets out how ${customer.name.trim()} will pay ${money(schedule.total)} to ${who}${deposit}.`;
  y += write(doc, summary, left, y, { ...bodyStyle, size: 10.5, width });
  return y + gaps.block;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The two parties side by side, each with how to find them. */
function drawParties(
  { doc, left, width }: Sheet,
  top: number,
  { business, customer }: PlanAgreementPdfInput,
): number {
  const columnWidth = (width - 30) / 2;
  const party = (x: number, label: string, name: string, details: string[]) => {
    let y = top;
    y += write(doc, label, x, y, { ...labelStyle, width: columnWidth }) + 3;
    y += write(doc, name, x, y, { weight: 'bold', size: 10.5, width: columnWidth });
    const text = details.filter(Boolean).join('\n');
    if (text) y += write(doc, text, x, y, { size: 9.5, width: columnWidth, lineGap: 1.5 });
    return y;
  };
  const name = customer.name.trim();
  const company = customer.company?.trim() ?? '';
  const contact = customer.contactPerson?.trim() ?? '';
  const businessEnd = party(left, 'THE BUSINESS', business.businessName.trim() || '—', [
    ...lines(business.address),
    business.email.trim(),
    business.phone.trim(),
  ]);
  const customerEnd = party(left + columnWidth + 30, 'THE CUSTOMER', name, [
    company && company !== name ? company : '',
    contact && contact !== name ? `Attn: ${contact}` : '',
    ...lines(customer.address),
  ]);
  return Math.max(businessEnd, customerEnd) + gaps.block;
}

function heading(sheet: Sheet, y: number, text: string, keepWith: number): number {
  const top = sheet.ensureRoom(y, measure(sheet.doc, text, labelStyle) + 5 + keepWith);
  return top + write(sheet.doc, text, sheet.left, top, labelStyle) + 5;
}

/** The invoices the plan covers and their total; for a plain total, just the total. */
function drawInvoices(
  sheet: Sheet,
  top: number,
  { invoices, schedule }: PlanAgreementPdfInput,
  { money, day }: Formats,
): number {
  if (invoices.length === 0) {
    const y = heading(sheet, top, 'WHAT THE PLAN COVERS', 20);
    return (
      write(sheet.doc, `A total of ${money(schedule.total)}.`, sheet.left, y, {
        ...bodyStyle,
        width: sheet.width,
      }) +
      y +
      gaps.block
    );
  }
  const y = heading(sheet, top, 'INVOICES COVERED', 46);
  const columns: TableColumn[] = [
    { header: 'Invoice', align: 'left' },
    { header: 'Invoice date', align: 'left', fit: true },
    { header: 'Due date', align: 'left', fit: true },
    { header: 'Open amount', align: 'right', fit: true },
  ];
  const rows = invoices.map((invoice) => [
    invoice.number,
    day(invoice.issueDate),
    day(invoice.dueDate),
    money(invoice.open),
  ]);
  return (
    drawTable(
      sheet.doc,
      columns,
      rows,
      {
        x: sheet.left,
        width: sheet.width,
        y,
        bottom: sheet.bottom,
        newPage: sheet.continuationPage,
      },
      [['Total', '', '', money(schedule.total)]],
    ) + gaps.block
  );
}

/** The dates sentence, then every payment with the balance after it; the header on each page. */
function drawSchedule(
  sheet: Sheet,
  top: number,
  schedule: PlanSchedule,
  { money, day }: Formats,
): number {
  const { doc, left, width } = sheet;
  const intro = [schedule.datesSentence, schedule.remainderSentence].filter(Boolean).join(' ');
  const introStyle: TextStyle = { ...bodyStyle, width };
  let y = heading(sheet, top, 'PAYMENT SCHEDULE', measure(doc, intro, introStyle) + 50);
  y += write(doc, intro, left, y, introStyle) + 8;

  const columns: TableColumn[] = [
    { header: 'No.', align: 'left', fit: true },
    { header: 'Date', align: 'left' },
    { header: 'Amount', align: 'right', fit: true },
    { header: 'Balance after', align: 'right', fit: true },
  ];
  const rows = [
    ...(schedule.deposit
      ? [
          [
            'Deposit',
            day(schedule.deposit.due),
            money(schedule.deposit.amount),
            money(schedule.deposit.balanceAfter),
          ],
        ]
      : []),
    ...schedule.instalments.map((row) => [
      String(row.number),
      day(row.due),
      money(row.amount),
      money(row.balanceAfter),
    ]),
  ];
  y = drawTable(
    doc,
    columns,
    rows,
    {
      x: left,
      // Four short columns read better together than spread across the page.
      width: Math.round(width * 0.7),
      y,
      bottom: sheet.bottom,
      newPage: sheet.continuationPage,
    },
    [['Total', '', money(schedule.total), '']],
  );
  if (schedule.nonWorkingDaysSentence) {
    const note: TextStyle = { size: 8.5, color: palette.muted, width, lineGap: 1.5 };
    y = sheet.ensureRoom(y + 6, measure(doc, schedule.nonWorkingDaysSentence, note));
    y += write(doc, schedule.nonWorkingDaysSentence, left, y, note);
  }
  return y + gaps.block;
}

/** How to pay, a missed payment, paying early, fees, and (in hardship) an open door. */
function drawTerms(
  sheet: Sheet,
  top: number,
  { business, invoices, hardship, fees }: PlanAgreementPdfInput,
): number {
  const { doc, left, width } = sheet;
  const contact = contactRoute(business);
  const talk = contact ? ` (${contact})` : '';
  const instructions = business.paymentInstructions.trim();
  const reference =
    invoices.length === 1
      ? `invoice number ${invoices[0]!.number}`
      : invoices.length > 1
        ? `invoice numbers ${invoices.map((invoice) => invoice.number).join(', ')}`
        : 'your name';
  const sections: { heading: string; body: string; panel?: boolean }[] = [
    {
      heading: 'HOW TO PAY',
      body: instructions
        ? `${instructions}\n\nPlease quote ${reference} with each payment, so we can match it.`
        : `Please get in touch${talk} for payment details.`,
      panel: true,
    },
    {
      heading: 'IF A PAYMENT IS MISSED',
      body:
        'Life happens. If a payment does not arrive, we will first send you a friendly reminder. ' +
        `If you are finding it hard to keep up, please tell us${talk}: we will talk it through ` +
        'and can change the plan together, for example with smaller payments or a short pause. ' +
        'The plan is not cancelled because a payment is late.',
    },
    {
      heading: 'PAYING EARLY',
      body: 'You may pay off the rest early at any time, without charge.',
    },
    {
      heading: 'FEES AND INTEREST',
      body: fees?.trim() || 'No fees or interest are added under this plan.',
    },
  ];
  if (hardship) {
    sections.push({
      heading: 'IF THINGS CHANGE',
      body:
        'We know things are difficult at the moment, and we want this plan to work for you. ' +
        'If your circumstances change, tell us and we will look at the plan again together. ' +
        'Free, confidential money advice is also available from independent advice services.',
    });
  }

  const pad = 11;
  let y = top;
  for (const section of sections) {
    const inset = section.panel ? pad : 0;
    const style: TextStyle = { ...bodyStyle, width: width - inset * 2 };
    const bodyHeight = measure(doc, section.body, style) + inset * 2;
    y = sheet.ensureRoom(y, measure(doc, section.heading, labelStyle) + 5 + bodyHeight);
    y += write(doc, section.heading, left, y, labelStyle) + 5;
    if (section.panel) doc.roundedRect(left, y, width, bodyHeight, 4).fill(palette.panel);
    write(doc, section.body, left + inset, y + inset, style);
    y += bodyHeight + gaps.section;
  }
  return y + gaps.small;
}

/** Both parties' blocks side by side, kept together: signature, printed name, date. */
function drawSignatures(sheet: Sheet, top: number, businessName: string, customerName: string) {
  const { doc, left, width } = sheet;
  const columnWidth = (width - 40) / 2;
  const lineGap = 34;
  const small: TextStyle = { size: 8, color: palette.muted, width: columnWidth };
  const intro = 'Signed by both parties to agree the plan above.';
  const height = 14 + 16 + lineGap * 3 + 12;
  let y = sheet.ensureRoom(top, height + 30);
  y += write(doc, 'SIGNATURES', left, y, labelStyle) + 5;
  y += write(doc, intro, left, y, { ...bodyStyle, width }) + 10;
  const block = (x: number, title: string) => {
    let line = y;
    write(doc, title, x, line, { weight: 'bold', size: 10, width: columnWidth });
    line += 16;
    for (const label of ['Signature', 'Printed name', 'Date']) {
      line += lineGap;
      // Darker than a table's rules: a line to write on has to be seen on paper.
      doc
        .moveTo(x, line)
        .lineTo(x + columnWidth, line)
        .lineWidth(0.8)
        .strokeColor(palette.muted)
        .stroke();
      write(doc, label, x, line + 3, small);
    }
  };
  block(left, `For ${businessName || 'the business'}`);
  block(left + columnWidth + 40, `${customerName || 'The customer'}, the customer`);
}
