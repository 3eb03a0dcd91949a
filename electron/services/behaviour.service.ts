/**
 * Payment behaviour: each customer's figures, summary and suggestions, one at a time for the
 * Customer screen and all at once for the Overdue screen and expected cash.
 *
 * All at once means every paid invoice of the ledger (280,000 at the seeded scale), read a
 * few hundred customers at a time from an index that holds them in order (migration 0011):
 * still the dearest read here. So it is kept and brought up to date customer by customer
 * (kept-per-customer.ts). Expected cash needs only each customer's usual days late, which
 * is read on its own, from days late alone, and kept the same way.
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
  usualOfSortedDaysLate,
} from '../../shared/behaviour/words';
import { toColumns, type FieldsOf } from '../../shared/columns';
import type { CalendarDate } from '../../shared/dates';
import {
  allCustomerIds,
  customerCounts,
  lifetimeAmounts,
  oldestOverdue,
  paidDaysLateInOrder,
  paidInvoicesByCustomer,
  paidInvoicesOf,
  type CustomerCounts,
} from '../db/behaviour.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import type { BusinessContext } from './business-day';
import { keptPerCustomer } from './kept-per-customer';
import { requireCustomer } from './lookups';

export interface BehaviourService {
  /** One customer's figures, summary, suggestions and chart. */
  ofCustomer(customerId: number): Promise<CustomerBehaviour>;
  /** Every customer's figures, as of today. */
  all(): Promise<{ asOf: CalendarDate; byCustomer: Map<number, Behaviour> }>;
  /** The batch form of the API. */
  list(): Promise<BehaviourList>;
  /** Each customer's usual days late (the median, rounded), for those with anything paid. */
  usualDaysLate(): Promise<ReadonlyMap<number, number>>;
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

/** Customers read in one go on a full read, before other calls get a turn. */
const customersPerRead = 250;

export function createBehaviourService(deps: {
  db: Kysely<DB>;
  sqlite: Database.Database;
  context: () => Promise<BusinessContext>;
}): BehaviourService {
  const { db, sqlite } = deps;

  /** Every customer's paid invoices, in the order they were paid. */
  const allPaid = keptPerCustomer<PaidInvoice[]>(db, async (customerIds, into) => {
    if (customerIds) return paidInvoicesByCustomer(db, sqlite, customerIds, into);
    // Read a few hundred customers at a time, letting other calls in between: one pass over
    // every paid invoice holds the process for a noticeable while on a large ledger
    // (better-sqlite3 reads synchronously), and the Overdue screen asks for this just after
    // its rows.
    const ids = await allCustomerIds(db);
    for (let start = 0; start < ids.length; start += customersPerRead) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      await paidInvoicesByCustomer(db, sqlite, ids.slice(start, start + customersPerRead), into);
    }
  });

  /** Each customer's usual days late, from their days late alone (one pass, no objects). */
  const allUsual = keptPerCustomer<number>(db, async (customerIds, into) => {
    const { days: rows, writtenOff } = await paidDaysLateInOrder(db, sqlite, customerIds);
    const leaveOut = new Map<number, number[]>();
    for (const [customerId, days] of writtenOff) {
      leaveOut.set(customerId, [...(leaveOut.get(customerId) ?? []), days]);
    }
    for (const [customerId, joined] of rows) {
      // In order: the query asks group_concat for it.
      const days = joined.split(',').map(Number);
      // Written off in part and settled: one invoice with the same days late stands for it.
      for (const day of leaveOut.get(customerId) ?? []) {
        const at = days.indexOf(day);
        if (at >= 0) days.splice(at, 1);
      }
      const usual = usualOfSortedDaysLate(days);
      if (usual !== null) into.set(customerId, usual);
    }
  });

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

    usualDaysLate: allUsual,

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
