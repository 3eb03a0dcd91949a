/**
 * Runs the schema migrations, each in its own transaction, in order.
 *
 * A migration returns its statements rather than executing them, so the migrator can hash
 * the exact SQL it runs. The hash is stored when the migration is applied; at every start
 * the stored hashes are compared with the code's, and a database whose applied migration
 * was edited afterwards is refused, because it no longer matches what the code believes.
 * (Hashing the SQL rather than the source keeps the check independent of how the code was
 * compiled or bundled.)
 */
import { createHash } from 'node:crypto';
import { sql, type Compilable, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema';

export interface Migration {
  readonly name: string;
  /** The statements to run; built on `db` but not executed. */
  up(db: Kysely<any>): ReadonlyArray<Compilable | RawBuilder<unknown>>;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface Applied {
  name: string;
  checksum: string;
}

export interface MigrationPlan {
  applied: string[];
  pending: Migration[];
}

function compileAll(db: Kysely<any>, migration: Migration): CompiledQuery[] {
  return migration
    .up(db)
    .map((statement) => ('compile' in statement ? statement.compile(db) : statement));
}

export function checksumOf(db: Kysely<any>, migration: Migration): string {
  const hash = createHash('sha256');
  for (const query of compileAll(db, migration)) {
    hash.update(query.sql).update('\0').update(JSON.stringify(query.parameters)).update('\0');
  }
  return hash.digest('hex');
}

async function ensureMigrationsTable(db: Kysely<DB>): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
}

/** Which migrations are applied and which are pending; throws when the two disagree. */
export async function planMigrations(
  db: Kysely<DB>,
  migrations: readonly Migration[],
): Promise<MigrationPlan> {
  await ensureMigrationsTable(db);
  const applied: Applied[] = await db
    .selectFrom('schema_migrations')
    .select(['name', 'checksum'])
    .orderBy('name')
    .execute();

  applied.forEach((row, index) => {
    const known = migrations[index];
    if (!known || known.name !== row.name) {
      throw new MigrationError(
        `This database has migration "${row.name}", which this version of Goodwill does not know. ` +
          'It was probably opened by a newer version; please use that version, or restore a backup.',
      );
    }
    if (checksumOf(db, known) !== row.checksum) {
      throw new MigrationError(
        `Migration "${row.name}" was changed after it was applied to this database. ` +
          'Applied migrations are frozen; add a new migration instead.',
      );
    }
  });
  return { applied: applied.map((row) => row.name), pending: migrations.slice(applied.length) };
}

/**
 * Applies every pending migration. `beforeApplying` runs first when there is anything to
 * apply to a database that already has data (the backup hook).
 */
export async function migrate(
  db: Kysely<DB>,
  migrations: readonly Migration[],
  options: { now: () => Date; beforeApplying?: (plan: MigrationPlan) => Promise<void> },
): Promise<MigrationPlan> {
  const plan = await planMigrations(db, migrations);
  if (plan.pending.length === 0) return plan;
  if (plan.applied.length > 0) await options.beforeApplying?.(plan);

  for (const migration of plan.pending) {
    await db.transaction().execute(async (trx) => {
      for (const query of compileAll(db, migration)) await trx.executeQuery(query);
      await trx
        .insertInto('schema_migrations')
        .values({
          name: migration.name,
          checksum: checksumOf(db, migration),
          applied_at: options.now().toISOString(),
        })
        .execute();
    });
  }
  return plan;
}
