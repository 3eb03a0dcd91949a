/**
 * A customer's statement figures for a period, read from the ledger: what the statement PDF,
 * the statement email and its letter all show, so the three can never disagree.
 */
import type { Kysely } from 'kysely';
import { bucketFor, daysOverdue } from '../../shared/aging';
import { AppError } from '../../shared/api/errors';
import type { CalendarDate } from '../../shared/dates';
import { buildStatement, type CurrencyStatement } from '../../shared/statements/statement';
import { openInvoicesAsOf } from '../db/aging.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import { statementMovements } from '../db/statement.repository';

export interface StatementRequest {
  customerId: number;
  from: CalendarDate;
  to: CalendarDate;
  /** Only this currency's section (every currency's when left out). */
  currency?: string | undefined;
}

export async function readStatement(
  db: Kysely<DB>,
  input: StatementRequest,
  today: CalendarDate,
): Promise<CurrencyStatement[]> {
  const movements = await statementMovements(db, input.customerId, input.to);
  const currencies = [...new Set(movements.map((m) => m.currency))].filter(
    (currency) => input.currency === undefined || currency === input.currency,
  );
  const open = (
    await Promise.all(
      currencies.map(async (currency) => {
        const rows = await openInvoicesAsOf(db, {
          asOf: input.to,
          current: input.to >= today,
          customerId: input.customerId,
          currency,
        });
        return rows.map((row) => ({
          currency,
          open: minorFromSql(row.open),
          bucket: bucketFor(daysOverdue(row.due_date, input.to)),
        }));
      }),
    )
  ).flat();
  const sections = buildStatement(
    movements.filter((m) => currencies.includes(m.currency)),
    open,
    input,
  );
  if (input.currency !== undefined && sections.length === 0) {
    throw new AppError(
      'invalid_input',
      `There is nothing in ${input.currency} on this account up to ${input.to}.`,
      'currency',
    );
  }
  return sections;
}
