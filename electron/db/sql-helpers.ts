import { sql, type Expression, type SqlBool } from 'kysely';

/** `column` contains `text`, case-insensitively, with % and _ taken literally (portable SQL). */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}
