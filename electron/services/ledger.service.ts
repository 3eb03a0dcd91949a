/** Aging: who owes what, and how late, traced to the invoices behind every figure. */
import type { Kysely } from 'kysely';
import { ageOpenAmounts, bucketFor, daysOverdue, type AgingBucket } from '../../shared/aging';
import type { CalendarDate } from '../../shared/dates';
import type { AgingDetailRow, AgingReport } from '../../shared/ledger';
import { groupedOpenAmounts, openInvoicesAsOf, unappliedCredit } from '../db/aging.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import type { BusinessContext } from './business-day';

export interface LedgerService {
  aging(options: {
    asOf?: CalendarDate | undefined;
    currency?: string | undefined;
  }): Promise<AgingReport>;
  agingDetail(options: {
    customerId: number;
    currency: string;
    bucket?: AgingBucket | undefined;
    asOf?: CalendarDate | undefined;
  }): Promise<AgingDetailRow[]>;
}

export function createLedgerService(deps: {
  db: Kysely<DB>;
  context: () => Promise<BusinessContext>;
}): LedgerService {
  const { db } = deps;

  async function resolveAsOf(asOf: CalendarDate | undefined) {
    const { today } = await deps.context();
    const date = asOf ?? today;
    // Today or later: the kept settled sums are the open amounts. Earlier: rebuilt from rows.
    return { asOf: date, current: date >= today };
  }

  return {
    async aging(options) {
      const { asOf, current } = await resolveAsOf(options.asOf);
      const [grouped, credit] = await Promise.all([
        groupedOpenAmounts(db, { asOf, current, currency: options.currency }),
        unappliedCredit(db, { asOf, current, currency: options.currency }),
      ]);
      const { rows, totals } = ageOpenAmounts(
        grouped.map((g) => ({
          customerId: g.customer_id,
          currency: g.currency,
          dueDate: g.oldest_due,
          open: minorFromSql(g.open),
        })),
        asOf,
      );
      // One read of every name: cheaper than many bound lists at a few thousand customers.
      const names = new Map(
        (await db.selectFrom('customers').select(['id', 'name']).execute()).map((c) => [
          c.id,
          c.name,
        ]),
      );
      return {
        asOf,
        rows: rows.map((row) => ({
          ...row,
          customerName: names.get(row.customerId) ?? '',
          lastContactAt: null,
        })),
        totals,
        unappliedCredit: credit.map((c) => ({
          customerId: c.customer_id,
          currency: c.currency,
          amount: minorFromSql(c.amount),
        })),
      };
    },

    async agingDetail(options) {
      const { asOf, current } = await resolveAsOf(options.asOf);
      const rows = await openInvoicesAsOf(db, { ...options, asOf, current });
      return rows.map((row) => {
        const late = daysOverdue(row.due_date, asOf);
        return {
          invoiceId: row.id,
          number: row.number,
          issueDate: row.issue_date,
          dueDate: row.due_date,
          total: row.total_amount,
          open: minorFromSql(row.open),
          daysOverdue: late,
          bucket: bucketFor(late),
        };
      });
    },
  };
}
