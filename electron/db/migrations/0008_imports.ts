/**
 * Frozen once released. Imports: each file brought in (its name, checksum, what it did),
 * every row it changed (with the values before) and, on the rows it created, its number, so it
 * can be undone as one step;
 * and the owner's hand-made column mappings, remembered by the file's header.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0008_imports';

const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('imports')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('checksum', 'text', (c) => c.notNull().check(sql`length(checksum) = 64`))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind IN ('invoices', 'payments', 'customers')`),
      )
      // JSON: rows read and used, and what was created, updated and left as it was.
      .addColumn('counts', 'text', (c) => c.notNull().check(sql`json_valid(counts)`))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addColumn('undone_at', 'text', (c) => c.check(instant('undone_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('imports_by_checksum').on('imports').columns(['checksum']),

    db.schema
      .createTable('import_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
      .addColumn('entity', 'text', (c) =>
        c.notNull().check(sql`entity IN ('customer', 'invoice', 'payment')`),
      )
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action = 'updated'`))
      // JSON of the columns the update changed, as they were before it.
      .addColumn('before', 'text', (c) => c.notNull().check(sql`json_valid(before)`))
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('import_changes_by_import')
      .on('import_changes')
      .columns(['import_id', 'entity']),
    db.schema
      .createIndex('import_changes_by_entity')
      .on('import_changes')
      .columns(['entity', 'entity_id']),

    // What an import created carries its number, so undo finds it without a list of ids
    // (100,000 invoices would mean 100,000 more rows written).
    db.schema
      .alterTable('customers')
      .addColumn('import_id', 'integer', (c) => c.references('imports.id')),
    db.schema
      .alterTable('invoices')
      .addColumn('import_id', 'integer', (c) => c.references('imports.id')),
    db.schema
      .alterTable('payments')
      .addColumn('import_id', 'integer', (c) => c.references('imports.id')),

    db.schema
      .createTable('import_mappings')
      // The file's header, loosely compared, joined: the same export layout finds it again.
      .addColumn('header_key', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind IN ('invoices', 'payments', 'customers')`),
      )
      .addColumn('mapping', 'text', (c) => c.notNull().check(sql`json_valid(mapping)`))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .modifyEnd(sql`strict`),
  ];
}
