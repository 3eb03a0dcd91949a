/**
 * The blocks a letter can hold, each in plain text and HTML (the printed letter draws its
 * own, electron/documents/letter-pdf.ts, from the same rows). Rows come from `blockRows` so
 * the three forms can never disagree.
 */
import { agingBuckets, bucketLabels } from '../aging';
import { formatCalendarDate } from '../date-format';
import { daysBetween } from '../dates';
import { formatMoney } from '../money';
import { lateChargesTable } from './late-charges';
import type { LetterData, LetterStatement } from './letter-data';
import type { BlockName } from './variables';

export interface BlockTable {
  head: string[];
  /** Which columns hold amounts (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** The closing line(s): totals per currency. */
  foot: string[][];
}

function totalsFoot(
  entries: { currency: string; amount: number }[],
  width: number,
  locale: string,
  label: string,
): string[][] {
  const totals = new Map<string, number>();
  for (const entry of entries)
    totals.set(entry.currency, (totals.get(entry.currency) ?? 0) + entry.amount);
  return [...totals].map(([currency, amount]) => {
    const row = new Array<string>(width).fill('');
    row[0] = totals.size > 1 ? `${label} (${currency})` : label;
    row[width - 2] = formatMoney(amount, currency, locale);
    return row;
  });
}

export function blockRows(name: Exclude<BlockName, 'howToPay'>, data: LetterData): BlockTable {
  const { locale } = data;
  const date = (value: string) => formatCalendarDate(value, locale, 'short');
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  if (name === 'lateChargesWorkings') {
    return lateChargesTable(
      (data.lateCharges?.claims ?? []).filter((claim) => claim.open > 0),
      locale,
    );
  }
  if (name === 'planSchedule') {
    const plan = data.plan;
    const rows = (plan?.instalments ?? []).map((instalment, index) => [
      String(index + 1),
      date(instalment.date),
      money(instalment.amount, plan!.currency),
    ]);
    return {
      head: ['No.', 'Date', 'Amount'],
      numeric: [false, false, true],
      rows,
      foot: plan ? [['Total', '', money(plan.total, plan.currency)]] : [],
    };
  }
  if (name === 'statementTable' && data.statement) return statementSummary(data.statement, locale);
  const invoices = [...data.invoices].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );
  const invoiceRows = invoices.map((invoice) => {
    const late = daysBetween(invoice.dueDate, data.today);
    return [
      invoice.number,
      date(invoice.issueDate),
      date(invoice.dueDate),
      money(invoice.open, invoice.currency),
      late > 0 ? String(late) : '–',
    ];
  });
  const table: BlockTable = {
    head: ['Invoice', 'Issued', 'Due', 'Open', 'Days overdue'],
    numeric: [false, false, false, true, true],
    rows: invoiceRows,
    foot: totalsFoot(
      invoices.map((i) => ({ currency: i.currency, amount: i.open })),
      5,
      locale,
      'Total open',
    ),
  };
  if (name === 'statementTable') {
    for (const payment of data.paymentsReceived) {
      table.rows.push([
        `Payment${payment.reference ? ` ${payment.reference}` : ''}`,
        date(payment.date),
        '',
        `−${money(payment.amount, payment.currency)}`,
        '',
      ]);
    }
  }
  return table;
}

/** The statement in short, per currency: the PDF attached with it has every line. */
function statementSummary(statement: LetterStatement, locale: string): BlockTable {
  const date = (value: string) => formatCalendarDate(value, locale, 'short');
  const several = statement.sections.length > 1;
  const rows: string[][] = [];
  for (const section of statement.sections) {
    const money = (amount: number) => formatMoney(amount, section.currency, locale);
    const label = (text: string) => (several ? `${text} (${section.currency})` : text);
    rows.push([label(`Balance before ${date(statement.from)}`), money(section.opening)]);
    if (section.invoiced) rows.push([label('Invoiced'), money(section.invoiced)]);
    if (section.received) rows.push([label('Paid or credited'), money(-section.received)]);
    rows.push([label(`Balance on ${date(statement.to)}`), money(section.closing)]);
    for (const bucket of agingBuckets) {
      if (section.aging[bucket] > 0) {
        const words = bucket === 'current' ? 'Not yet due' : `${bucketLabels[bucket]} overdue`;
        rows.push([label(`  ${words}`), money(section.aging[bucket])]);
      }
    }
  }
  return { head: ['Statement', 'Amount'], numeric: [false, true], rows, foot: [] };
}

function textTable(table: BlockTable): string {
  const all = [table.head, ...table.rows, ...table.foot];
  const widths = table.head.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        table.numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    line(table.head),
    rule,
    ...table.rows.map(line),
    ...(table.foot.length ? [rule, ...table.foot.map(line)] : []),
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlTable(table: BlockTable): string {
  const cell = (tag: 'th' | 'td', text: string, column: number) =>
    `<${tag} style="padding:4px 12px 4px 0;text-align:${table.numeric[column] ? 'right' : 'left'}">${escapeHtml(text)}</${tag}>`;
  const row = (tag: 'th' | 'td', cells: string[]) =>
    `<tr>${cells.map((c, i) => cell(tag, c, i)).join('')}</tr>`;
  return [
    '<table style="border-collapse:collapse;margin:8px 0">',
    `<thead>${row('th', table.head)}</thead>`,
    `<tbody>${table.rows.map((r) => row('td', r)).join('')}</tbody>`,
    table.foot.length ? `<tfoot>${table.foot.map((r) => row('th', r)).join('')}</tfoot>` : '',
    '</table>',
  ].join('');
}

export function blockText(name: BlockName, data: LetterData): string {
  if (name === 'howToPay') return data.business.paymentInstructions.trim();
  return textTable(blockRows(name, data));
}

export function blockHtml(name: BlockName, data: LetterData): string {
  if (name === 'howToPay') {
    return `<p>${escapeHtml(data.business.paymentInstructions.trim()).replace(/\n/g, '<br>\n')}</p>`;
  }
  return htmlTable(blockRows(name, data));
}
