/**
 * The agency handoff dossier as a PDF. First a summary page an agent can act on: who the
 * customer is and what kind, the balance per currency, any interest claimed with its workings,
 * and how the account went (contacts, promises, disputes, plans) in one line each. Then the
 * detail: every invoice with its terms and open amount, every payment, every contact with the
 * words sent, promises, disputes, plans and their payments. Pure apart from the font files.
 */
import { formatCalendarDate } from '../../shared/date-format';
import type { CalendarDate } from '../../shared/dates';
import { formatMoney, type Minor } from '../../shared/money';
import type { DossierData } from '../handoffs/dossier-data';
import { createPdf } from './pdf-document';
import { createSheet, type Sheet } from './pdf-sheet';
import { drawTable, type TableColumn } from './pdf-table';
import { labelStyle, measure, palette, write, writePageFooters, type TextStyle } from './pdf-write';

export interface DossierBalance {
  currency: string;
  /** Open on invoices. */
  open: Minor;
  /** Paid but not matched to an invoice: taken off what is owed. */
  unapplied: Minor;
  oldestDaysOverdue: number;
}

export interface DossierPdfInput {
  business: { businessName: string; address: string; email: string; phone: string };
  data: DossierData;
  balances: readonly DossierBalance[];
  agency: string;
  note: string;
  locale: string;
  today: CalendarDate;
  now: Date;
}

export const dossierTitle = 'Agency handoff dossier';

const margin = 50;
const body: TextStyle = { size: 9.5, lineGap: 2 };
const kindWords = { company: 'Company', sole_trader: 'Sole trader', consumer: 'Consumer' };

export async function renderDossierPdf(input: DossierPdfInput): Promise<Buffer> {
  const { business, data, locale } = input;
  const customerName = data.customer.name.trim();
  const runningHead = [business.businessName.trim(), `${dossierTitle} · ${customerName}`]
    .filter(Boolean)
    .join('  ·  ');
  const { doc, finish } = createPdf({
    locale,
    title: dossierTitle,
    author: business.businessName,
    subject: `${dossierTitle} for ${customerName}`,
    now: input.now,
    margin,
  });
  const sheet = createSheet(doc, { margin, footerClearance: 6, runningHead });
  const day = (date: string) => (date ? formatCalendarDate(date.slice(0, 10), locale) : '');
  // Tables use ISO dates: short, and read the same way by every agency's tools.
  const isoDay = (date: string) => date.slice(0, 10);
  const money = (amount: Minor, currency: string) => formatMoney(amount, currency, locale);

  let y = drawSummary(sheet, input, { day, money });
  const tables = { day: isoDay, money };
  y = drawInvoices(sheet, y, data, tables);
  y = drawPayments(sheet, y, data, tables);
  y = drawContacts(sheet, y, data, tables);
  y = drawPromisesAndDisputes(sheet, y, data, tables);
  drawPlans(sheet, y, data, tables);
  writePageFooters(doc, runningHead, margin);
  return finish();
}

interface Formats {
  day(date: string): string;
  money(amount: Minor, currency: string): string;
}

function heading(sheet: Sheet, y: number, title: string, keepWith = 40): number {
  const top = sheet.ensureRoom(y, measure(sheet.doc, title, labelStyle) + 5 + keepWith);
  return top + write(sheet.doc, title, sheet.left, top, labelStyle) + 5;
}

function paragraph(sheet: Sheet, y: number, text: string, style: TextStyle = body): number {
  const full = { ...style, width: sheet.width };
  const top = sheet.ensureRoom(y, measure(sheet.doc, text, full));
  return top + write(sheet.doc, text, sheet.left, top, full);
}

function table(
  sheet: Sheet,
  y: number,
  columns: TableColumn[],
  rows: string[][],
  foot: string[][] = [],
): number {
  return drawTable(
    sheet.doc,
    columns,
    rows,
    { x: sheet.left, width: sheet.width, y, bottom: sheet.bottom, newPage: sheet.continuationPage },
    foot,
  );
}

function drawSummary(sheet: Sheet, input: DossierPdfInput, { day, money }: Formats): number {
  const { doc, left, width } = sheet;
  const { business, data } = input;
  const customer = data.customer;
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
  y += write(doc, dossierTitle, left, y + 2, { size: 22, color: palette.accent, width });
  y += 4;
  const to = input.agency.trim() ? ` for ${input.agency.trim()}` : '';
  y += write(doc, `Prepared${to} on ${day(input.today)}.`, left, y, { ...body, width });
  y += 16;

  const half = (width - 30) / 2;
  const block = (x: number, label: string, lines: string[]) => {
    let at = y;
    at += write(doc, label, x, at, { ...labelStyle, width: half }) + 3;
    at += write(doc, lines[0] || '—', x, at, { weight: 'bold', size: 10.5, width: half });
    const rest = lines.slice(1).filter(Boolean).join('\n');
    if (rest) at += write(doc, rest, x, at, { size: 9.5, width: half, lineGap: 1.5 });
    return at;
  };
  const debtorEnd = block(left, 'THE CUSTOMER', [
    customer.name,
    customer.company && customer.company !== customer.name ? customer.company : '',
    kindWords[customer.kind],
    customer.contactPerson ? `Contact: ${customer.contactPerson}` : '',
    customer.address,
    customer.email,
    ...customer.ccEmails.map((cc) => `Copy to: ${cc}`),
    customer.phone,
  ]);
  const creditorEnd = block(left + half + 30, 'OWED TO', [
    business.businessName,
    business.address,
    business.email,
    business.phone,
  ]);
  y = Math.max(debtorEnd, creditorEnd) + 20;

  y = heading(sheet, y, 'BALANCE', 50);
  const balanceRows = input.balances.map((b) => [
    b.currency,
    money(b.open, b.currency),
    b.unapplied ? `−${money(b.unapplied, b.currency)}` : '',
    money(b.open - b.unapplied, b.currency),
    b.oldestDaysOverdue > 0 ? `${b.oldestDaysOverdue} days` : 'not yet due',
  ]);
  y =
    table(
      sheet,
      y,
      [
        { header: 'Currency', align: 'left' },
        { header: 'Open on invoices', align: 'right', fit: true },
        { header: 'Paid, not matched', align: 'right', fit: true },
        { header: 'Owed', align: 'right', fit: true },
        { header: 'Oldest overdue', align: 'right', fit: true },
      ],
      balanceRows.length ? balanceRows : [['—', '', '', 'Nothing is owed', '']],
    ) + 14;

  y = heading(sheet, y, 'INTEREST', 30);
  if (data.interest.length === 0) {
    y = paragraph(sheet, y, 'No interest is claimed: the balance above is the whole claim.') + 14;
  } else {
    y = paragraph(
      sheet,
      y,
      'Each claim was raised as an invoice of its own, so it is already in the balance above.',
    );
    y =
      table(
        sheet,
        y + 4,
        [
          { header: 'Late invoice', align: 'left', fit: true },
          { header: 'How it is worked out', align: 'left' },
          { header: 'Claimed', align: 'right', fit: true },
          { header: 'Waived', align: 'right', fit: true },
        ],
        data.interest.map((i) => [
          `${i.invoiceNumber}\n(charged on ${i.chargeNumber}, ${day(i.claimedOn)})`,
          i.workings,
          money(i.amount, i.currency),
          i.waived ? money(i.waived, i.currency) : '',
        ]),
      ) + 14;
  }

  y = heading(sheet, y, 'THE ACCOUNT IN SHORT', 60);
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const invoices = new Set(data.invoices.map((i) => i.invoiceId)).size;
  const payments = new Set(data.payments.map((p) => p.paymentId)).size;
  const messages = data.contacts.filter((c) => c.channel !== 'call').length;
  const calls = data.contacts.length - messages;
  const promised = (outcome: string) => data.promises.filter((p) => p.outcome === outcome).length;
  const lines = [
    `${count(invoices, 'invoice')} and ${count(payments, 'payment')} on record.`,
    `${count(messages, 'message')} and ${count(calls, 'call')} made.`,
    data.promises.length
      ? `${count(data.promises.length, 'promise')} to pay: ${promised('kept')} kept, ${promised('broken')} broken, ${promised('open')} still in time, ${promised('cancelled')} cancelled.`
      : 'No promises to pay.',
    data.disputes.length
      ? `${count(data.disputes.length, 'dispute')}: ${data.disputes.filter((d) => d.outcome === 'open').length} open.`
      : 'No disputes.',
    data.plans.length
      ? `${count(data.plans.length, 'payment plan')}: ${data.plans.map((p) => p.state).join(', ')}.`
      : 'No payment plans.',
    signedAgreementsLine(data),
  ];
  y = paragraph(sheet, y, lines.join('\n')) + 10;
  if (input.note.trim()) {
    y = heading(sheet, y, 'A NOTE FROM THE OWNER', 20);
    y = paragraph(sheet, y, input.note.trim()) + 10;
  }
  return y + 14;
}

/** Which plans' signed copies travel in the zip beside this PDF. */
function signedAgreementsLine(data: DossierData): string {
  if (data.plans.length === 0) return 'Signed agreements: none (no payment plans).';
  const plans = (enclosed: boolean) =>
    data.plans
      .filter((plan) => plan.signedAgreement?.enclosed === enclosed)
      .map((plan) => `plan ${plan.id}`)
      .join(', ');
  const [enclosed, lost] = [plans(true), plans(false)];
  if (!enclosed && !lost) {
    return 'Signed agreements: none scanned in; the owner holds any signed plan agreement on paper.';
  }
  return [
    enclosed &&
      `Signed agreements: the scanned copies for ${enclosed} are enclosed beside this PDF.`,
    lost && `The scan attached for ${lost} is no longer in Goodwill's data folder as it was.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function drawInvoices(sheet: Sheet, top: number, data: DossierData, { day, money }: Formats) {
  const seen = new Set<number>();
  const invoices = data.invoices.filter((row) => {
    if (seen.has(row.invoiceId)) return false;
    seen.add(row.invoiceId);
    return true;
  });
  const terms = (row: (typeof invoices)[number]) =>
    row.termsKind === 'net'
      ? `${row.termsDays} days`
      : row.termsKind === 'end_of_month'
        ? `end of month + ${row.termsDays}`
        : row.termsKind === 'on_receipt'
          ? 'on receipt'
          : 'fixed date';
  let y = heading(sheet, top, 'INVOICES');
  if (invoices.length === 0) return paragraph(sheet, y, 'None.') + 20;
  y = table(
    sheet,
    y,
    [
      { header: 'Invoice', align: 'left' },
      { header: 'Issued', align: 'left', fit: true },
      { header: 'Due', align: 'left', fit: true },
      { header: 'Terms', align: 'left', fit: true },
      { header: 'State', align: 'left', fit: true },
      { header: 'Total', align: 'right', fit: true },
      { header: 'Open', align: 'right', fit: true },
    ],
    invoices.map((row) => [
      row.invoiceNumber,
      day(row.issueDate),
      day(row.dueDate),
      terms(row),
      row.state.replace('_', ' '),
      money(row.invoiceTotal, row.currency),
      money(row.open, row.currency),
    ]),
  );
  return y + 20;
}

function drawPayments(sheet: Sheet, top: number, data: DossierData, { day, money }: Formats) {
  let y = heading(sheet, top, 'PAYMENTS');
  if (data.payments.length === 0) return paragraph(sheet, y, 'None received.') + 20;
  y = table(
    sheet,
    y,
    [
      { header: 'Date', align: 'left', fit: true },
      { header: 'Method and reference', align: 'left' },
      { header: 'Applied to', align: 'left', fit: true },
      { header: 'Amount', align: 'right', fit: true },
    ],
    data.payments.map((p) => [
      day(p.date),
      [p.method, p.reference].filter(Boolean).join(' · '),
      p.invoiceNumber || 'not matched',
      money(p.allocatedAmount ?? p.amount, p.currency),
    ]),
  );
  for (const adjustment of data.adjustments) {
    const words = { credit_note: 'Credit note', write_off: 'Written off', refund: 'Refunded' };
    y = paragraph(
      sheet,
      y + 4,
      `${words[adjustment.kind]} on ${day(adjustment.date)}: ${money(adjustment.amount, adjustment.currency)}${adjustment.invoiceNumber ? ` on ${adjustment.invoiceNumber}` : ''}${adjustment.reason ? ` (${adjustment.reason})` : ''}.`,
      { ...body, size: 9, color: palette.muted },
    );
  }
  return y + 20;
}

function drawContacts(sheet: Sheet, top: number, data: DossierData, { day }: Formats) {
  let y = heading(sheet, top, 'EVERY CONTACT MADE');
  if (data.contacts.length === 0) return paragraph(sheet, y, 'None.') + 20;
  y = table(
    sheet,
    y,
    [
      { header: 'Date', align: 'left', fit: true },
      { header: 'Channel', align: 'left', fit: true },
      { header: 'Step', align: 'left', fit: true },
      { header: 'What happened', align: 'left' },
    ],
    data.contacts.map((c) => [
      day(c.occurredAt),
      c.channel.replace('_', ' and '),
      c.step.replace('_', ' '),
      [
        c.outcome.replace('_', ' '),
        c.subject,
        c.note,
        c.state && c.state !== 'sent' ? `(${c.state})` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]),
  );
  const sent = data.contacts.filter((c) => c.text.trim());
  if (sent.length > 0) {
    y = heading(sheet, y + 16, 'THE WORDS SENT', 60);
    for (const contact of sent) {
      y = paragraph(sheet, y + 6, `${day(contact.occurredAt)} · ${contact.subject}`, {
        ...body,
        weight: 'bold',
      });
      y = paragraph(sheet, y + 2, contact.text.trim(), { ...body, size: 9 });
    }
  }
  return y + 20;
}

function drawPromisesAndDisputes(
  sheet: Sheet,
  top: number,
  data: DossierData,
  { day, money }: Formats,
) {
  let y = heading(sheet, top, 'PROMISES TO PAY');
  y =
    data.promises.length === 0
      ? paragraph(sheet, y, 'None.')
      : table(
          sheet,
          y,
          [
            { header: 'Made', align: 'left', fit: true },
            { header: 'To pay by', align: 'left', fit: true },
            { header: 'How', align: 'left' },
            { header: 'Amount', align: 'right', fit: true },
            { header: 'Outcome', align: 'left', fit: true },
          ],
          data.promises.map((p) => [
            day(p.madeOn),
            day(p.date),
            [p.channel.replace('_', ' '), p.note].filter(Boolean).join(' · '),
            money(p.amount, p.currency),
            p.outcome === 'open' ? 'still in time' : p.outcome,
          ]),
        );
  y = heading(sheet, y + 20, 'DISPUTES');
  y =
    data.disputes.length === 0
      ? paragraph(sheet, y, 'None.')
      : table(
          sheet,
          y,
          [
            { header: 'Opened', align: 'left', fit: true },
            { header: 'Reason', align: 'left' },
            { header: 'Invoices', align: 'left', fit: true },
            { header: 'Outcome', align: 'left', fit: true },
          ],
          data.disputes.map((d) => [
            day(d.openedOn),
            [d.reason, d.note, d.resolutionNote].filter(Boolean).join(' · '),
            d.invoiceNumbers.join(', ') || 'all',
            d.outcome === 'open' ? 'open' : `${d.outcome} ${day(d.resolvedOn ?? '')}`,
          ]),
        );
  return y + 20;
}

function drawPlans(sheet: Sheet, top: number, data: DossierData, { day, money }: Formats) {
  let y = heading(sheet, top, 'PAYMENT PLANS');
  if (data.plans.length === 0) return paragraph(sheet, y, 'None.') + 20;
  for (const plan of data.plans) {
    const ended = plan.endedAt
      ? `, ended ${day(plan.endedAt)}${plan.endReason ? ` (${plan.endReason})` : ''}`
      : '';
    y = paragraph(
      sheet,
      y,
      `${money(plan.total, plan.currency)} ${plan.frequency} over ${plan.invoiceNumbers.join(', ') || 'a total'}: ${plan.state}${ended}.`,
    );
    y =
      table(
        sheet,
        y + 4,
        [
          { header: 'Payment', align: 'left' },
          { header: 'Due', align: 'left', fit: true },
          { header: 'Amount', align: 'right', fit: true },
        ],
        plan.instalments.map((i) => [
          i.number === 0 ? 'Deposit' : String(i.number),
          day(i.dueDate),
          money(i.amount, plan.currency),
        ]),
      ) + 12;
  }
  return y + 8;
}
