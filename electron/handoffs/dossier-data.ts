/**
 * Everything an agency needs about one customer, read from the ledger: who they are, every
 * invoice with its terms and open amount, every payment, every contact made with the words sent,
 * promises and how they ended, disputes and their outcomes, plans and their payments. Read-only.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import type {
  AdjustmentExportRow,
  CustomerExportRow,
  InvoiceLineExportRow,
  PaymentAllocationExportRow,
} from '../../shared/exports/goodwill-export';
import type { Minor } from '../../shared/money';
import {
  adjustmentExportRows,
  customerExportRows,
  invoiceExportRows,
  paymentExportRows,
  type RowSource,
} from '../db/exports.repository';
import type { DB } from '../db/schema';

export interface DossierContact {
  occurredAt: string;
  channel: string;
  step: string;
  /** For calls: how it went. */
  outcome: string;
  note: string;
  subject: string;
  /** The words sent, as sent (empty for calls). */
  text: string;
  /** Where the message stands in the outbox (sent, draft, uncertain …). */
  state: string;
}

export interface DossierPromise {
  madeOn: CalendarDate;
  date: CalendarDate;
  amount: Minor;
  currency: string;
  channel: string;
  note: string;
  /** kept, broken, cancelled, or open (still in its time). */
  outcome: string;
  closedOn: CalendarDate | null;
}

export interface DossierDispute {
  openedOn: CalendarDate;
  reason: string;
  note: string;
  invoiceNumbers: string[];
  resolvedOn: CalendarDate | null;
  /** upheld, rejected, or open. */
  outcome: string;
  resolutionNote: string;
}

export interface DossierPlan {
  id: number;
  state: string;
  currency: string;
  total: Minor;
  frequency: string;
  createdAt: string;
  activatedAt: string | null;
  endedAt: string | null;
  endReason: string;
  invoiceNumbers: string[];
  instalments: { number: number; dueDate: CalendarDate; amount: Minor }[];
  /** The signed copy the owner scanned back in, if any (its file lies in the data folder). */
  signedAgreement: DossierSignedAgreement | null;
}

export interface DossierSignedAgreement {
  /** Relative to the data folder; read back only if it still matches `sha256`. */
  storedAs: string;
  sha256: string;
  /** The file's extension from its content: pdf, jpg or png. */
  extension: string;
  attachedAt: string;
  /** False when the file is no longer in the data folder as it was attached. */
  enclosed: boolean;
}

/** Interest and late charges claimed on the debt, with how they were worked out. */
export interface DossierInterest {
  /** The late invoice. */
  invoiceNumber: string;
  /** The invoice the charge was raised as (part of the balance). */
  chargeNumber: string;
  currency: string;
  claimedOn: CalendarDate;
  amount: Minor;
  waived: Minor;
  /** The workings in words: one sentence per charge line (rate, days, from and to). */
  workings: string;
}

export interface DossierData {
  customer: CustomerExportRow;
  invoices: InvoiceLineExportRow[];
  payments: PaymentAllocationExportRow[];
  adjustments: AdjustmentExportRow[];
  contacts: DossierContact[];
  promises: DossierPromise[];
  disputes: DossierDispute[];
  plans: DossierPlan[];
  /** Interest and late charges claimed (interest.claims), with their workings. */
  interest: DossierInterest[];
}

export async function readDossierData(
  source: RowSource,
  customerId: number,
  interest: DossierInterest[],
): Promise<DossierData> {
  const scope = { customerId };
  const { db } = source;
  // One customer's rows: few, read whole and synchronously, while holding the app's connection
  // through Kysely, so a transaction half done on it (an import, say) cannot show through.
  const { customers, invoices, payments, adjustments } = await db.connection().execute(() =>
    Promise.resolve({
      customers: [...customerExportRows(source, scope)],
      invoices: [...invoiceExportRows(source, scope)],
      payments: [...paymentExportRows(source, scope)],
      adjustments: [...adjustmentExportRows(source, scope)],
    }),
  );
  const [contacts, promises, disputes, plans] = await Promise.all([
    readContacts(db, customerId),
    readPromises(db, customerId),
    readDisputes(db, customerId),
    readPlans(db, customerId),
  ]);
  return {
    customer: customers[0]!,
    invoices,
    payments,
    adjustments,
    contacts,
    promises,
    disputes,
    plans,
    interest,
  };
}

async function readContacts(db: Kysely<DB>, customerId: number): Promise<DossierContact[]> {
  const [logged, unlogged] = await Promise.all([
    db
      .selectFrom('contacts as c')
      .leftJoin('outbox as o', (join) =>
        join.onRef('o.item_id', '=', 'c.item_id').onRef('o.customer_id', '=', 'c.customer_id'),
      )
      .select([
        'c.occurred_at',
        'c.channel',
        'c.step',
        'c.outcome',
        'c.note',
        'o.subject',
        'o.text_body',
        'o.state',
        'o.sent_at',
      ])
      .where('c.customer_id', '=', customerId)
      .execute(),
    // Messages sent outside the ladder (a statement, a plan confirmation) have no contact row.
    db
      .selectFrom('outbox')
      .select(['created_at', 'sent_at', 'occasion', 'subject', 'text_body', 'state'])
      .where('customer_id', '=', customerId)
      .where('item_id', 'is', null)
      .where('state', '<>', 'cancelled')
      .execute(),
  ]);
  const contacts: DossierContact[] = [
    ...logged.map((row) => ({
      occurredAt: row.sent_at ?? row.occurred_at,
      channel: row.channel,
      step: row.step ?? '',
      outcome: row.outcome ?? '',
      note: row.note,
      subject: row.subject ?? '',
      text: row.text_body ?? '',
      state: row.state ?? (row.channel === 'call' ? '' : 'not sent by email'),
    })),
    ...unlogged.map((row) => ({
      occurredAt: row.sent_at ?? row.created_at,
      channel: 'email',
      step: row.occasion ?? '',
      outcome: '',
      note: '',
      subject: row.subject,
      text: row.text_body,
      state: row.state,
    })),
  ];
  return contacts.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

async function readPromises(db: Kysely<DB>, customerId: number): Promise<DossierPromise[]> {
  const rows = await db
    .selectFrom('promises')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('made_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    madeOn: row.made_on,
    date: row.date,
    amount: row.amount,
    currency: row.currency,
    channel: row.channel,
    note: row.note,
    outcome: row.outcome ?? 'open',
    closedOn: row.closed_on,
  }));
}

async function readDisputes(db: Kysely<DB>, customerId: number): Promise<DossierDispute[]> {
  const [rows, links] = await Promise.all([
    db
      .selectFrom('disputes')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('opened_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('dispute_invoices as d')
      .innerJoin('invoices as i', 'i.id', 'd.invoice_id')
      .select(['d.dispute_id', 'i.number'])
      .where('i.customer_id', '=', customerId)
      .orderBy('i.number')
      .execute(),
  ]);
  return rows.map((row) => ({
    openedOn: row.opened_on,
    reason: row.reason,
    note: row.note,
    invoiceNumbers: links.filter((l) => l.dispute_id === row.id).map((l) => l.number),
    resolvedOn: row.resolved_on,
    outcome: row.resolution ?? 'open',
    resolutionNote: row.resolution_note,
  }));
}

async function readPlans(db: Kysely<DB>, customerId: number): Promise<DossierPlan[]> {
  const [rows, links, instalments, signed] = await Promise.all([
    db
      .selectFrom('plans')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('plan_invoices as p')
      .innerJoin('invoices as i', 'i.id', 'p.invoice_id')
      .select(['p.plan_id', 'i.number'])
      .where('i.customer_id', '=', customerId)
      .orderBy('i.due_date')
      .execute(),
    db
      .selectFrom('plan_instalments as x')
      .innerJoin('plans as p', 'p.id', 'x.plan_id')
      .select(['x.plan_id', 'x.number', 'x.due_date', 'x.amount'])
      .where('p.customer_id', '=', customerId)
      .orderBy('x.plan_id')
      .orderBy('x.number')
      .execute(),
    db
      .selectFrom('plan_documents as d')
      .innerJoin('plans as p', 'p.id', 'd.plan_id')
      .select(['d.plan_id', 'd.stored_as', 'd.sha256', 'd.media_type', 'd.attached_at'])
      .where('p.customer_id', '=', customerId)
      .where('d.kind', '=', 'signed_agreement')
      .orderBy('d.attached_at')
      .orderBy('d.id')
      .execute(),
  ]);
  // The latest signed copy of each plan (a later scan replaces an earlier one).
  const signedByPlan = new Map(signed.map((d) => [d.plan_id, d]));
  return rows.map((row) => ({
    id: row.id,
    state: row.state,
    currency: row.currency,
    total: row.total,
    frequency: row.frequency,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    invoiceNumbers: links.filter((l) => l.plan_id === row.id).map((l) => l.number),
    instalments: instalments
      .filter((i) => i.plan_id === row.id)
      .map((i) => ({ number: i.number, dueDate: i.due_date, amount: i.amount })),
    signedAgreement: signedAgreementOf(signedByPlan.get(row.id)),
  }));
}

const extensions = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

function signedAgreementOf(
  row:
    | {
        stored_as: string;
        sha256: string;
        media_type: keyof typeof extensions;
        attached_at: string;
      }
    | undefined,
): DossierSignedAgreement | null {
  if (!row) return null;
  return {
    storedAs: row.stored_as,
    sha256: row.sha256,
    extension: extensions[row.media_type],
    attachedAt: row.attached_at,
    enclosed: true,
  };
}
