/**
 * exports.*: the ledger as CSV files for a spreadsheet or another tool (see shared/exports/ for
 * the layouts), and statements.*: a customer's statement for a period, as a PDF or an email.
 */
import { z } from 'zod';
import type { OutboxMessage } from '../mail/outbox';
import { calendarDate, currencyCode, id } from './fields';
import type { DocumentFile } from './invoices';
import { method } from './method';

export const csvExportKinds = [
  'customers',
  'invoices',
  'payments',
  'adjustments',
  'aging',
  'timeline',
] as const;
export type CsvExportKind = (typeof csvExportKinds)[number];

export const csvExportSchema = z
  .object({
    kind: z.enum(csvExportKinds, `Please choose what to export: ${csvExportKinds.join(', ')}.`),
    /** Only this customer's rows (everyone's when left out). */
    customerId: id.optional(),
    /** Aging as it stood at the end of this date; today when left out. */
    asOf: calendarDate.optional(),
  })
  .strict()
  .refine((input) => input.asOf === undefined || input.kind === 'aging', {
    message: 'A date applies only to the aging export.',
    path: ['asOf'],
  });
export type CsvExportInput = z.output<typeof csvExportSchema>;

export const statementSchema = z
  .object({
    customerId: id,
    /** The first day of the period; the opening balance is what was owed before it. */
    from: calendarDate,
    /** The last day of the period: the closing balance and aging are as of this date. */
    to: calendarDate,
    /** Only this currency (every currency the customer has when left out). */
    currency: currencyCode.optional(),
  })
  .strict()
  .refine((input) => input.from <= input.to, {
    message: 'The period has to start on or before the day it ends.',
    path: ['from'],
  });
export type StatementInput = z.output<typeof statementSchema>;

export interface StatementEmailResult {
  /** The message in the outbox (the one already there when this statement was queued before). */
  message: OutboxMessage;
  /** True when this very statement was already waiting or sent, so nothing new was queued. */
  alreadyQueued: boolean;
}

/**
 * What became of an exported file. Never the file itself: an export can be hundreds of MB, too
 * much for a JSON answer or the page's memory.
 */
export type CsvExportResult =
  /** Headless: the browser fetches it once, soon, from `downloadPath(ticket)` (downloads.ts). */
  | { via: 'download'; fileName: string; ticket: string }
  /** Desktop: saved where the owner chose in the save dialog. */
  | { via: 'saved'; fileName: string; path: string }
  /** Desktop: the save dialog was closed; nothing was written. */
  | { via: 'cancelled' };

export const exportMethods = {
  'exports.csv': method(csvExportSchema).returns<CsvExportResult>(),
  'statements.pdf': method(statementSchema).returns<DocumentFile>(),
  /** The statement letter, with the statement PDF attached, into the outbox (at most once). */
  'statements.email': method(statementSchema).returns<StatementEmailResult>(),
};
