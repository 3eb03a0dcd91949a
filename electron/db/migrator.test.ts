import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { manualClock, useTempDirs } from '../testing/temp-dir';
import { closeConnection, openConnection } from './connection';
import { migrations } from './migrations';
import { migrate, MigrationError, type Migration } from './migrator';

const tempDir = useTempDirs();
const clock = manualClock('2027-03-15T09:00:00Z');

async function freshDatabase() {
  return openConnection(join(await tempDir(), 'goodwill.db'));
}

const extraTable: Migration = {
  name: '9001_notes',
  up: (db: Kysely<any>) => [
    db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .modifyEnd(sql`strict`),
  ],
};

describe('migrations', () => {
  it('bring an empty database to the schema in the committed snapshot', async () => {
    const connection = await freshDatabase();
    await migrate(connection.db, migrations, { now: clock.now });
    const schema = connection.sqlite
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
      )
      .all();
    await closeConnection(connection);
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
      './schema-snapshot.json',
    );
  });

  it('apply each pending migration once, in order, and nothing the second time', async () => {
    const connection = await freshDatabase();
    const first = await migrate(connection.db, migrations, { now: clock.now });
    expect(first.pending.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    const again = await migrate(connection.db, migrations, { now: clock.now });
    expect(again.pending).toEqual([]);
    const applied = await connection.db.selectFrom('schema_migrations').selectAll().execute();
    expect(applied.map((row) => row.name)).toEqual(migrations.map((m) => m.name));
    expect(applied.every((row) => /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    await closeConnection(connection);
  });

  it('back up first when a database with data is about to change, not when it is new', async () => {
    const connection = await freshDatabase();
    const backedUp: string[][] = [];
    const beforeApplying = async ({ pending }: { pending: Migration[] }) => {
      backedUp.push(pending.map((m) => m.name));
    };
    await migrate(connection.db, migrations, { now: clock.now, beforeApplying });
    expect(backedUp).toEqual([]);
    await migrate(connection.db, [...migrations, extraTable], { now: clock.now, beforeApplying });
    expect(backedUp).toEqual([['9001_notes']]);
    await closeConnection(connection);
  });

  it('refuse a database whose applied migration was edited afterwards', async () => {
    const connection = await freshDatabase();
    await migrate(connection.db, [...migrations, extraTable], { now: clock.now });
    const edited: Migration = {
      name: '9001_notes',
      up: (db: Kysely<any>) => [
        db.schema
          .createTable('notes')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('text', 'text')
          .modifyEnd(sql`strict`),
      ],
    };
    await expect(
      migrate(connection.db, [...migrations, edited], { now: clock.now }),
    ).rejects.toThrow(/"9001_notes" was changed after it was applied/);
    await closeConnection(connection);
  });

  it('refuse a database from a newer version of the app', async () => {
    const connection = await freshDatabase();
    await migrate(connection.db, [...migrations, extraTable], { now: clock.now });
    await expect(migrate(connection.db, migrations, { now: clock.now })).rejects.toBeInstanceOf(
      MigrationError,
    );
    await closeConnection(connection);
  });

  it('run each migration in its own transaction: a failing one leaves the earlier ones applied', async () => {
    const connection = await freshDatabase();
    const broken: Migration = {
      name: '0003_broken',
      up: (db: Kysely<any>) => [
        db.schema
          .createTable('half')
          .addColumn('id', 'integer')
          .modifyEnd(sql`strict`),
        sql`THIS IS NOT SQL`,
      ],
    };
    await expect(
      migrate(connection.db, [...migrations, extraTable, broken], { now: clock.now }),
    ).rejects.toThrow();
    const tables = connection.sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toContain('notes');
    expect(tables).not.toContain('half');
    const applied = await connection.db.selectFrom('schema_migrations').select('name').execute();
    expect(applied.map((row) => row.name)).not.toContain('0003_broken');
    await closeConnection(connection);
  });
});

describe('the schema', () => {
  it('holds money, currency and dates to their forms', async () => {
    const connection = await freshDatabase();
    await migrate(connection.db, migrations, { now: clock.now });
    const insert = (currency: string, start = '08:00') =>
      connection.sqlite
        .prepare(
          `INSERT INTO settings (id, business_name, address, email, phone, payment_instructions,
             currency, locale, time_zone, contact_days, contact_start, contact_end, updated_at)
           VALUES (1, 'A', '', 'a@b.example', '', '', ?, 'en-GB', 'UTC', 'mon', ?, '20:00', '2027-03-15T09:00:00.000Z')`,
        )
        .run(currency, start);
    expect(() => insert('gbp')).toThrow(/CHECK constraint/);
    expect(() => insert('GBPX')).toThrow(/CHECK constraint/);
    expect(() => insert('GBP', '21:00')).toThrow(/CHECK constraint/);
    expect(() =>
      connection.sqlite
        .prepare(
          "INSERT INTO events (occurred_at, kind, summary, details) VALUES ('2027-03-15T09:00:00.000Z', 'k', 's', 'not json')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    // STRICT: a text where an integer belongs is refused, not stored.
    expect(() =>
      connection.sqlite
        .prepare(
          "INSERT INTO events (id, occurred_at, kind, summary, details) VALUES ('one', '2027-03-15T09:00:00.000Z', 'k', 's', '{}')",
        )
        .run(),
    ).toThrow(/datatype mismatch|cannot store/i);
    expect(() =>
      connection.sqlite
        .prepare(
          "INSERT INTO events (occurred_at, kind, summary, details) VALUES ('15/03/2027', 'k', 's', '{}')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    insert('GBP');
    await closeConnection(connection);
  });

  it('runs in WAL mode with foreign keys on and full sync', async () => {
    const connection = await freshDatabase();
    expect(connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(connection.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(connection.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await closeConnection(connection);
  });
});
