/** Expected cash: the next 13 weeks by source, and the rows behind any bar. */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ExpectedCash, ExpectedRow, OwedOverTime } from '../../shared/api/cash';
import { cashBars, cashWeeks, expectedItems } from '../../shared/cash/expected';
import {
  maxCountbackMonths,
  owedOverTime,
  pointDates,
  type InvoiceOverTime,
} from '../../shared/cash/over-time';
import { addMonths } from '../../shared/dates';
import {
  activePlanInstalments,
  customerNames,
  invoicedByMonth,
  invoicesOpenSince,
  openInvoicesForCash,
  openPromises,
} from '../db/cash.repository';
import type { DB } from '../db/schema';
import type { BehaviourService } from './behaviour.service';
import type { BusinessContext } from './business-day';

export interface CashService {
  expected(): Promise<ExpectedCash>;
  expectedRows(options: { currency: string; bar: number }): Promise<ExpectedRow[]>;
  /** Owed, overdue and DSO at the last 12 month ends and today. */
  overTime(): Promise<OwedOverTime>;
}

export function createCashService(deps: {
  db: Kysely<DB>;
  sqlite: Database.Database;
  context: () => Promise<BusinessContext>;
  behaviour: () => BehaviourService;
}): CashService {
  const { db } = deps;

  async function items() {
    const { today } = await deps.context();
    const [invoices, instalments, promises, usual] = await Promise.all([
      openInvoicesForCash(db, deps.sqlite),
      activePlanInstalments(db),
      openPromises(db),
      deps.behaviour().usualDaysLate(),
    ]);
    const list = expectedItems(
      { invoices, instalments, promises, usualDaysLate: (id) => usual.get(id) ?? 0 },
      today,
    );
    return { today, list };
  }

  return {
    async expected() {
      const { today, list } = await items();
      return { asOf: today, weeks: cashWeeks, currencies: cashBars(list, today) };
    },

    async overTime() {
      const { today } = await deps.context();
      const dates = pointDates(today);
      const first = dates[0]!;
      const [rows, invoiced] = await Promise.all([
        invoicesOpenSince(db, deps.sqlite, first),
        // DSO counts back up to 24 months from the first point.
        invoicedByMonth(db, `${addMonths(first, -maxCountbackMonths).slice(0, 7)}-01`),
      ]);
      // One row per invoice and month of reductions: fold them back into one per invoice.
      const invoices: InvoiceOverTime[] = [];
      let last: (InvoiceOverTime & { reducedIn: Map<string, number> }) | null = null;
      let lastId = 0;
      for (const [id, currency, issueDate, dueDate, openNow, month, amount] of rows) {
        if (!last || id !== lastId) {
          last = { currency, issueDate, dueDate, openNow, reducedIn: new Map() };
          lastId = id;
          invoices.push(last);
        }
        if (month !== null && amount !== null) last.reducedIn.set(month, amount);
      }
      return { asOf: today, currencies: owedOverTime(invoices, invoiced, dates) };
    },

    async expectedRows({ currency, bar }) {
      const { list } = await items();
      const rows = list
        .filter((item) => item.currency === currency && item.bar === bar)
        .sort(
          (a, b) =>
            (a.expectedOn < b.expectedOn ? -1 : a.expectedOn > b.expectedOn ? 1 : 0) ||
            b.amount - a.amount,
        );
      const names = await customerNames(db, [...new Set(rows.map((row) => row.customerId))]);
      return rows.map((row) => ({ ...row, customerName: names.get(row.customerId) ?? '' }));
    },
  };
}
