/**
 * Frozen once released. The owner's letter templates, with every version kept: the current
 * template of an occasion is its highest version; a version with no text means "back to the
 * default" (so defaults improved in a later release reach owners who never edited them).
 */
import { sql, type Kysely } from 'kysely';

export const name = '0004_letter_templates';

const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('letter_templates')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('occasion', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('subject', 'text', (c) => c.check(sql`length(subject) <= 50000`))
      .addColumn('body', 'text', (c) => c.check(sql`length(body) <= 50000`))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addCheckConstraint('letter_templates_text_together', sql`(subject IS NULL) = (body IS NULL)`)
      .addUniqueConstraint('letter_templates_version', ['occasion', 'version'])
      .modifyEnd(sql`strict`),
  ];
}
