/**
 * Payment behaviour: each customer's figures, summary and suggestions, one at a time for the
 * Customer screen and all at once for the Overdue screen and expected cash.
 *
 * All at once means every paid invoice of the ledger (280,000 at the seeded scale), read a
 * few hundred customers at a time from an index that holds them in order (migration 0011):
 * still the dearest read here. So its result is kept, with
 * the newest timeline event it has seen. Every change to the ledger appends an event naming
 * its customer in the same transaction, so on the next call only the customers named since
 * are read again (by their index), and a business-wide event or a long list reads all again.
 */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BehaviourList, BehaviourRow, CustomerBehaviour } from '../../shared/api/behaviour';
import { chartPoints } from '../../shared/api/behaviour';
import { behaviourOf, type Behaviour, type PaidInvoice } from '../../shared/behaviour/figures';
import {
  behaviourLabel,
  behaviourSuggestions,
  behaviourSummary,
  usualDaysLate,
} from '../../shared/behaviour/words';
import { toColumns, type FieldsOf } from '../../shared/columns';
import type { CalendarDate } from '../../shared/dates';
import {
  allCustomerIds,
  customerCounts,
  customersChangedSince,
  latestEventId,
  lifetimeAmounts,
  oldestOverdue,
  paidInvoicesByCustomer,
  paidInvoicesOf,
  type CustomerCounts,
} from '../db/behaviour.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import type { BusinessContext } from './business-day';
import { requireCustomer } from './lookups';

export interface BehaviourService {
  /** One customer's figures, summary, suggestions and chart. */
  ofCustomer(customerId: number): Promise<CustomerBehaviour>;
  /** Every customer's figures, as of today. */
  all(): Promise<{ asOf: CalendarDate; byCustomer: Map<number, Behaviour> }>;
  /** The batch form of the API. */
  list(): Promise<BehaviourList>;
  /** Each customer's usual days late (the median, rounded), for those with anything paid. */
  usualDaysLate(): Promise<Map<number, number>>;
}

const rowFields: FieldsOf<BehaviourRow> = {
  customerId: true,
  invoicesPaid: true,
  usualDaysLate: true,
  onTimeShare: true,
  label: true,
  summary: true,
};

const noCounts: CustomerCounts = { kept: 0, broken: 0, open: 0, disputes: 0, contacts: 0 };

/** Beyond this many customers changed since the last read, reading all again is quicker. */
const rereadAllAbove = 200;
/** Customers read in one go on a full read, before other calls get a turn. */
const customersPerRead = 250;

export function createBehaviourService(deps: {
  db: Kysely<DB>;
  sqlite: Database.Database;
  context: () => Promise<BusinessContext>;
}): BehaviourService {
  const { db, sqlite } = deps;
  let kept: {
    eventId: number;
    paid: Map<number, PaidInvoice[]>;
    /** Worked out from `paid` when first asked for. */
    usual?: Map<number, number>;
  } | null = null;

  /** Every customer's paid invoices, read again only where the ledger has changed. */
  async function allPaid(): Promise<Map<number, PaidInvoice[]>> {
    const eventId = await latestEventId(db);
    if (kept && kept.eventId === eventId) return kept.paid;
    const changed = kept ? await customersChangedSince(db, kept.eventId) : null;
    if (kept && changed && !changed.includes(null) && changed.length <= rereadAllAbove) {
      const ids = changed as number[];
      const paid = new Map(kept.paid);
      for (const id of ids) paid.delete(id);
      await paidInvoicesByCustomer(db, sqlite, ids, paid);
      kept = { eventId, paid };
      return paid;
    }
    // Read a few hundred customers at a time, letting other calls in between: one pass over
    // every paid invoice holds the process for a noticeable while on a large ledger
    // (better-sqlite3 reads synchronously), and the Overdue screen asks for this just after
    // its rows.
    const paid = new Map<number, PaidInvoice[]>();
    const ids = await allCustomerIds(db);
    for (let start = 0; start < ids.length; start += customersPerRead) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      await paidInvoicesByCustomer(db, sqlite, ids.slice(start, start + customersPerRead), paid);
    }
    kept = { eventId, paid };
    return paid;
  }

  async function all() {
    const { today } = await deps.context();
    const [paid, counts, overdue] = await Promise.all([
      allPaid(),
      customerCounts(db, null),
      oldestOverdue(db, today, null),
    ]);
    const ids = new Set([...paid.keys(), ...counts.keys(), ...overdue.keys()]);
    const byCustomer = new Map<number, Behaviour>();
    for (const id of [...ids].sort((a, b) => a - b)) {
      const count = counts.get(id) ?? noCounts;
      byCustomer.set(
        id,
        behaviourOf(
          {
            paid: paid.get(id) ?? [],
            promises: { kept: count.kept, broken: count.broken, open: count.open },
            disputes: count.disputes,
            contacts: count.contacts,
            // Not needed for the batch form: read for one customer only.
            billed: [],
            received: [],
            oldestOverdueDue: overdue.get(id) ?? null,
          },
          today,
        ),
      );
    }
    return { asOf: today, byCustomer };
  }

  return {
    all,

    async usualDaysLate() {
      const paid = await allPaid();
      if (kept?.paid === paid && kept.usual) return kept.usual;
      const usual = new Map<number, number>();
      for (const [customerId, list] of paid) {
        const days = list.map((invoice) => invoice.daysLate).sort((a, b) => a - b);
        const middle = days.length >> 1;
        const median =
          days.length % 2 === 1 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
        if (days.length > 0) usual.set(customerId, Math.round(median));
      }
      if (kept?.paid === paid) kept.usual = usual;
      return usual;
    },

    async list() {
      const { asOf, byCustomer } = await all();
      const rows: BehaviourRow[] = [];
      for (const [customerId, figures] of byCustomer) {
        rows.push({
          customerId,
          invoicesPaid: figures.invoicesPaid,
          usualDaysLate: usualDaysLate(figures),
          onTimeShare: figures.onTimeShare,
          label: behaviourLabel(figures),
          summary: behaviourSummary(figures),
        });
      }
      return { asOf, rows: toColumns(rows, rowFields) };
    },

    async ofCustomer(customerId) {
      const customer = await requireCustomer(db, customerId);
      const { today } = await deps.context();
      const [invoices, counts, overdue, lifetime] = await Promise.all([
        paidInvoicesOf(db, customerId),
        customerCounts(db, [customerId]),
        oldestOverdue(db, today, [customerId]),
        lifetimeAmounts(db, customerId),
      ]);
      const count = counts.get(customerId) ?? noCounts;
      const figures = behaviourOf(
        {
          paid: invoices.map((row) => ({
            paidOn: row.paid_on,
            daysLate: row.days_late,
            amount: row.total_amount,
          })),
          promises: { kept: count.kept, broken: count.broken, open: count.open },
          disputes: count.disputes,
          contacts: count.contacts,
          billed: lifetime.billed.map((row) => ({
            currency: row.currency,
            amount: minorFromSql(row.amount),
          })),
          received: lifetime.received.map((row) => ({
            currency: row.currency,
            amount: minorFromSql(row.amount),
          })),
          oldestOverdueDue: overdue.get(customerId) ?? null,
        },
        today,
      );
      const creditHold = customer.credit_hold ? { reason: customer.credit_hold_reason } : null;
      return {
        customerId,
        asOf: today,
        figures,
        summary: behaviourSummary(figures),
        suggestions: behaviourSuggestions(figures, { creditHold: creditHold !== null }),
        creditHold,
        points: invoices.slice(-chartPoints).map((row) => ({
          invoiceId: row.id,
          number: row.number,
          currency: row.currency,
          dueDate: row.due_date,
          paidOn: row.paid_on,
          daysLate: row.days_late,
          amount: row.total_amount,
        })),
      };
    },
  };
}
