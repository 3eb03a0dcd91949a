/** Aging: who owes what, and how late, traced to the invoices behind every figure. */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import {
  AgingTotalsBuilder,
  bucketFor,
  bucketsFromStarts,
  daysOverdue,
  type AgingBucket,
} from '../../shared/aging';
import { emptyColumns, type FieldsOf } from '../../shared/columns';
import { addDays, type CalendarDate } from '../../shared/dates';
import type { AgingDetailRow, AgingReport, AgingReportRow } from '../../shared/ledger';
import { agingSums, openInvoicesAsOf, unappliedCredit } from '../db/aging.repository';
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

const agingRowFields: FieldsOf<AgingReportRow> = {
  customerId: true,
  customerName: true,
  currency: true,
  current: true,
  d1_30: true,
  d31_60: true,
  d61_90: true,
  d90_plus: true,
  total: true,
  oldestDaysOverdue: true,
  lastContactAt: true,
};

/** Each customer's last contact before `before` (a calendar date, from its UTC start). */
async function lastContacts(db: Kysely<DB>, before: CalendarDate): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('contacts')
    .select(['customer_id', (eb) => eb.fn.max('occurred_at').as('at')])
    .where('occurred_at', '<', `${before}T00:00:00.000Z`)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((row) => [row.customer_id, row.at]));
}

export function createLedgerService(deps: {
  db: Kysely<DB>;
  /** The same connection's raw handle, for the reads that want rows as arrays. */
  sqlite: Database.Database;
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
      const [sums, credit, contacts] = await Promise.all([
        agingSums(db, deps.sqlite, { asOf, current, currency: options.currency }),
        unappliedCredit(db, deps.sqlite, { asOf, current, currency: options.currency }),
        lastContacts(db, addDays(asOf, 1)),
      ]);
      // A few hundred due dates are the oldest of thousands of rows: work each out once.
      const lateness = new Map<CalendarDate, number>();
      // The rows come sorted (see agingSums) and go straight into their columns: building an
      // object per row, sorting and then turning them into columns took a tenth of the call.
      const count = sums.length;
      const rows = emptyColumns<AgingReportRow>(agingRowFields, count);
      const totals = new AgingTotalsBuilder();
      for (let i = 0; i < count; i++) {
        const sum = sums[i]!;
        const oldestDue = sum[8];
        let late = lateness.get(oldestDue);
        if (late === undefined) {
          late = daysOverdue(oldestDue, asOf);
          lateness.set(oldestDue, late);
        }
        const total = minorFromSql(sum[7]);
        const buckets = bucketsFromStarts(
          {
            current: minorFromSql(sum[3]),
            d1_30: minorFromSql(sum[4]),
            d31_60: minorFromSql(sum[5]),
            d61_90: minorFromSql(sum[6]),
          },
          total,
        );
        rows.customerId[i] = sum[0];
        rows.customerName[i] = sum[1];
        rows.currency[i] = sum[2];
        rows.current[i] = buckets.current;
        rows.d1_30[i] = buckets.d1_30;
        rows.d31_60[i] = buckets.d31_60;
        rows.d61_90[i] = buckets.d61_90;
        rows.d90_plus[i] = buckets.d90_plus;
        rows.total[i] = total;
        rows.oldestDaysOverdue[i] = late;
        rows.lastContactAt[i] = contacts.get(sum[0]) ?? null;
        totals.add(sum[2], buckets, total);
      }
      return {
        asOf,
        rows,
        totals: totals.result(),
        unappliedCredit: {
          customerId: credit.map((c) => c[0]),
          currency: credit.map((c) => c[1]),
          amount: credit.map((c) => minorFromSql(c[2])),
        },
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
