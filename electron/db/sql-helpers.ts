import { sql, type Expression, type SqlBool } from 'kysely';

/** `column` contains `text`, case-insensitively, with % and _ taken literally (portable SQL). */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * A sum of minor units as SQL returns it (typed loosely by the query builder) checked to be
 * the whole, safe integer it must be. Anything else means the ledger is damaged: say so.
 */
export function minorFromSql(value: unknown): number {
  const amount = typeof value === 'bigint' ? Number(value) : (value ?? 0);
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw new Error(`A ledger sum is not a whole number of minor units: ${String(value)}`);
  }
  return amount;
}
