/** Rows to the domain types the API returns. */
import { daysOverdue } from '../../shared/aging';
import type { CalendarDate } from '../../shared/dates';
import {
  invoiceState,
  openAmount,
  type PaymentTerms,
  type Settlement,
} from '../../shared/invoices';
import type { Customer, Invoice, InvoiceReduction, InvoiceSummary } from '../../shared/ledger';
import { isSupportedLocale } from '../../shared/locales';
import type { CustomerRow, InvoiceLineRow, InvoiceRow } from '../db/schema';

export function customerFromRow(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    kind: row.kind,
    contactPerson: row.contact_person,
    email: row.email,
    ccEmails: JSON.parse(row.cc_emails) as string[],
    phone: row.phone,
    address: row.address,
    locale: row.locale && isSupportedLocale(row.locale) ? row.locale : null,
    timeZone: row.time_zone,
    notes: row.notes,
    tags: JSON.parse(row.tags) as string[],
    doNotContact: row.do_not_contact
      ? { reason: row.do_not_contact_reason, until: row.do_not_contact_until }
      : null,
    creditHold: row.credit_hold ? { reason: row.credit_hold_reason } : null,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function termsFromRow(row: Pick<InvoiceRow, 'terms_kind' | 'terms_days'>): PaymentTerms {
  switch (row.terms_kind) {
    case 'net':
    case 'end_of_month':
      return { kind: row.terms_kind, days: row.terms_days };
    default:
      return { kind: row.terms_kind };
  }
}

export function invoiceSummaryFromRow(
  row: InvoiceRow,
  customerName: string,
  settled: Settlement,
  today: CalendarDate,
): InvoiceSummary {
  const open = openAmount(row.total_amount, settled);
  const state = invoiceState(
    { total: row.total_amount, draft: row.is_draft === 1, voided: row.voided_at !== null },
    settled,
  );
  const live = state === 'open' || state === 'partially_paid';
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName,
    number: row.number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency,
    net: row.net_amount,
    tax: row.tax_amount,
    total: row.total_amount,
    ...settled,
    open: live ? open : 0,
    state,
    daysOverdue: live ? daysOverdue(row.due_date, today) : 0,
    source: row.source,
  };
}

export function invoiceFromRows(
  row: InvoiceRow,
  lines: InvoiceLineRow[],
  customerName: string,
  settled: Settlement,
  today: CalendarDate,
  reductions: InvoiceReduction[],
): Invoice {
  return {
    reductions,
    ...invoiceSummaryFromRow(row, customerName, settled, today),
    terms: termsFromRow(row),
    discount:
      row.discount_percent !== null && row.discount_days !== null
        ? { percent: row.discount_percent, withinDays: row.discount_days }
        : null,
    notes: row.notes,
    voidReason: row.void_reason,
    lines: lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      taxRate: line.tax_rate,
      net: line.net_amount,
      tax: line.tax_amount,
    })),
  };
}
