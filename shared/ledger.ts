/** The ledger's domain types, as the API returns them. Amounts are integer minor units. */
import type { AgingBucket, AgingRow, AgingTotals } from './aging';
import type { Columns } from './columns';
import type { CalendarDate } from './dates';
import type { InvoiceState, PaymentTerms } from './invoices';
import type { SupportedLocale } from './locales';
import type { Minor } from './money';

export const customerKinds = ['company', 'sole_trader', 'consumer'] as const;
export type CustomerKind = (typeof customerKinds)[number];

export interface Customer {
  id: number;
  name: string;
  company: string;
  kind: CustomerKind;
  contactPerson: string;
  email: string;
  ccEmails: string[];
  phone: string;
  address: string;
  /** Null: the business's. */
  locale: SupportedLocale | null;
  timeZone: string | null;
  notes: string;
  tags: string[];
  doNotContact: { reason: string; until: CalendarDate | null } | null;
  creditHold: { reason: string } | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Balance {
  currency: string;
  /** Open on invoices. */
  open: Minor;
  /** Paid but not yet applied to an invoice (and not refunded). */
  unappliedCredit: Minor;
}

export interface CustomerSummary {
  id: number;
  name: string;
  company: string;
  kind: CustomerKind;
  email: string;
  archived: boolean;
  /** Handed to a collection agency and not taken back: Goodwill does not chase them. */
  handedOver: boolean;
  balances: Balance[];
}

export interface InvoiceLine {
  description: string;
  quantity: string;
  unitPrice: Minor;
  taxRate: string | null;
  net: Minor;
  tax: Minor;
}

export interface Invoice {
  id: number;
  customerId: number;
  customerName: string;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  terms: PaymentTerms;
  discount: { percent: string; withinDays: number } | null;
  notes: string;
  lines: InvoiceLine[];
  net: Minor;
  tax: Minor;
  total: Minor;
  paid: Minor;
  credited: Minor;
  writtenOff: Minor;
  open: Minor;
  state: InvoiceState;
  daysOverdue: number;
  voidReason: string;
  source: string;
  /** Payments, credit notes and write-offs against it, oldest first. */
  reductions: InvoiceReduction[];
}

/** One thing that reduced what is owed on an invoice, from its own row. */
export interface InvoiceReduction {
  kind: 'payment' | 'credit_note' | 'write_off';
  date: CalendarDate;
  amount: Minor;
  /** How it was paid, or the reason given. */
  detail: string;
  /** The payment this came from, when it is one. */
  paymentId: number | null;
  /** The whole payment, when only part of it went to this invoice. */
  paymentAmount: Minor | null;
}

export type InvoiceSummary = Omit<
  Invoice,
  'lines' | 'notes' | 'terms' | 'discount' | 'voidReason' | 'reductions'
>;

export interface Allocation {
  invoiceId: number;
  invoiceNumber: string;
  amount: Minor;
}

export interface Payment {
  id: number;
  customerId: number;
  date: CalendarDate;
  amount: Minor;
  currency: string;
  method: string;
  reference: string;
  allocations: Allocation[];
  refunded: Minor;
  unapplied: Minor;
}

export interface CreditNote {
  id: number;
  invoiceId: number;
  date: CalendarDate;
  amount: Minor;
  reason: string;
}

export interface TimelineEntry {
  id: number;
  occurredAt: string;
  kind: string;
  summary: string;
  details: Record<string, unknown>;
}

export interface CustomerDetail {
  customer: Customer;
  balances: Balance[];
  openInvoices: InvoiceSummary[];
  payments: Payment[];
}

export interface AgingReportRow extends AgingRow {
  customerName: string;
  /** When this customer was last contacted (UTC instant), once contacts are logged. */
  lastContactAt: string | null;
}

/** Credit waiting to be applied, for one customer in one currency. */
export interface UnappliedCredit {
  customerId: number;
  currency: string;
  amount: Minor;
}

/**
 * Aging as the API returns it. Its two long lists come column by column (a business can have
 * thousands of customers); `fromColumns` in shared/columns.ts turns them back into rows.
 */
export interface AgingReport {
  asOf: CalendarDate;
  /** One row per customer and currency, most overdue first, then largest. */
  rows: Columns<AgingReportRow>;
  totals: AgingTotals[];
  /** Credit waiting to be applied, per customer and currency: shown beside, never netted. */
  unappliedCredit: Columns<UnappliedCredit>;
}

export interface AgingDetailRow {
  invoiceId: number;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  total: Minor;
  open: Minor;
  daysOverdue: number;
  bucket: AgingBucket;
}
