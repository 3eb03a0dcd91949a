/**
 * Frozen once released. What the owner answered about a file that could be read two ways
 * (its amounts, 1,234.56 or 1.234,56; its dates, day or month first), kept by the file's
 * header as its column mapping is: the same export from the same program next month reads
 * the same way, and the owner is not asked again. Only ever an answer to the question: a file
 * whose own values settle it is read as they say.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0012_import_answers';

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('import_answers')
      // The file's header, loosely compared, joined (as import_mappings.header_key).
      .addColumn('header_key', 'text', (c) => c.primaryKey())
      .addColumn('number_format', 'text', (c) =>
        c.check(sql`number_format IS NULL OR number_format IN ('dot', 'comma')`),
      )
      .addColumn('date_order', 'text', (c) =>
        c.check(sql`date_order IS NULL OR date_order IN ('dmy', 'mdy')`),
      )
      .addColumn('updated_at', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`,
          ),
      )
      .modifyEnd(sql`strict`),
  ];
}
