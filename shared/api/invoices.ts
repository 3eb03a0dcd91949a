/** invoices.* and creditNotes.*: what customers are asked to pay, and what reduces it. */
import { z } from 'zod';
import type { CreditNote, Invoice, InvoiceSummary } from '../ledger';
import {
  calendarDate,
  currencyCode,
  decimalString,
  id,
  minorAmount,
  positiveAmount,
  text,
} from './fields';
import { method } from './method';

export const invoiceStates = [
  'draft',
  'open',
  'partially_paid',
  'paid',
  'written_off',
  'void',
] as const;

const line = z
  .object({
    description: z
      .string('Please describe the line.')
      .trim()
      .min(1, 'Please describe the line.')
      .max(500),
    quantity: decimalString('quantity'),
    unitPrice: minorAmount,
    taxRate: decimalString('tax rate', 4)
      .refine((rate) => Number(rate) <= 100, 'A tax rate is a percentage from 0 to 100.')
      .nullable()
      .optional(),
  })
  .strict();

export const termsSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('on_receipt') }).strict(),
    z.object({ kind: z.literal('net'), days: z.number().int().min(0).max(366) }).strict(),
    z.object({ kind: z.literal('end_of_month'), days: z.number().int().min(0).max(366) }).strict(),
    z.object({ kind: z.literal('fixed_date') }).strict(),
  ],
  'Terms are on_receipt, net (with days), end_of_month (with days) or fixed_date.',
);

/** An early-payment discount: a percent off when paid within so many days of the invoice date. */
export const discountSchema = z
  .object({
    percent: decimalString('discount', 2).refine(
      (p) => Number(p) > 0 && Number(p) < 100,
      'A discount is between 0 and 100 percent.',
    ),
    withinDays: z.number().int().min(0).max(366),
  })
  .strict();

export const newInvoiceSchema = z
  .object({
    customerId: id,
    number: z
      .string()
      .trim()
      .min(1)
      .max(60, 'Please keep the number under 60 characters.')
      .optional(),
    issueDate: calendarDate,
    /** Given, or worked out from the terms (the customer's or the business's when left out). */
    dueDate: calendarDate.optional(),
    currency: currencyCode,
    lines: z
      .array(line)
      .min(1, 'An invoice needs at least one line.')
      .max(500, 'At most 500 lines.'),
    terms: termsSchema.optional(),
    discount: discountSchema.nullable().optional(),
    notes: text(2000, 'notes').optional(),
    draft: z.boolean().optional(),
  })
  .strict()
  .superRefine((invoice, ctx) => {
    // Neither given: the customer's payment terms (or the business's) decide.
    if (invoice.dueDate === undefined && invoice.terms?.kind === 'fixed_date') {
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: 'Please give a due date, or terms to work it out.',
      });
    }
    if (invoice.dueDate !== undefined && invoice.dueDate < invoice.issueDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: 'The due date cannot be before the issue date.',
      });
    }
  });

export type NewInvoice = z.output<typeof newInvoiceSchema>;

/** A document made for the owner to save, print or attach: a suggested name and its bytes. */
export interface DocumentFile {
  /** Safe on every file system, e.g. "Invoice INV-0001 - Jones Plumbing.pdf". */
  fileName: string;
  contentBase64: string;
}

/** How a document was printed: the desktop's print dialog, or (headless) the file to download. */
export type PrintResult = { via: 'print_dialog' } | { via: 'download'; file: DocumentFile };

export const invoiceMethods = {
  'invoices.create': method(newInvoiceSchema).returns<Invoice>(),
  'invoices.get': method(z.object({ id }).strict()).returns<Invoice>(),
  'invoices.list': method(
    z
      .object({
        customerId: id.optional(),
        states: z.array(z.enum(invoiceStates)).optional(),
        search: z.string().trim().max(200).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict()
      .default({ limit: 200, offset: 0 }),
  ).returns<{ invoices: InvoiceSummary[]; total: number }>(),
  /** The invoice as a PDF, ready to print or attach to an email. */
  'invoices.pdf': method(z.object({ id }).strict()).returns<DocumentFile>(),
  /** The desktop app opens the print dialog; headless mode returns the file to download. */
  'invoices.print': method(z.object({ id }).strict()).returns<PrintResult>(),
  'invoices.issue': method(z.object({ id }).strict()).returns<Invoice>(),
  'invoices.void': method(
    z
      .object({
        id,
        reason: z.string().trim().min(1, 'Please say why the invoice is void.').max(500),
      })
      .strict(),
  ).returns<Invoice>(),
  'invoices.writeOff': method(
    z
      .object({
        invoiceId: id,
        /** Left out: the whole open amount. */
        amount: positiveAmount.optional(),
        reason: z.string().trim().min(1, 'Please give a reason for the write-off.').max(500),
        date: calendarDate.optional(),
      })
      .strict(),
  ).returns<Invoice>(),
  'creditNotes.create': method(
    z
      .object({
        invoiceId: id,
        amount: positiveAmount,
        reason: z.string().trim().min(1, 'Please give a reason for the credit note.').max(500),
        date: calendarDate.optional(),
      })
      .strict(),
  ).returns<CreditNote>(),
};
