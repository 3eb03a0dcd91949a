/**
 * Frozen: never edit once released (the migrator refuses a database whose applied migration
 * changed). Uses `Kysely<any>`, not the app's schema types, so later changes cannot reach back.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0001_settings_and_events';

// An instant is stored as an ISO 8601 UTC string, e.g. 2027-03-15T09:00:00.000Z.
const instantPattern =
  "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'";

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('business_name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('payment_instructions', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) =>
        c.notNull().check(sql`length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'`),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('contact_days', 'text', (c) => c.notNull())
      .addColumn('contact_start', 'text', (c) =>
        c.notNull().check(sql`contact_start GLOB '[0-2][0-9]:[0-5][0-9]'`),
      )
      .addColumn('contact_end', 'text', (c) =>
        c.notNull().check(sql`contact_end GLOB '[0-2][0-9]:[0-5][0-9]'`),
      )
      .addColumn('onboarded_at', 'text', (c) =>
        c.check(sql`onboarded_at GLOB ${sql.raw(instantPattern)}`),
      )
      .addColumn('updated_at', 'text', (c) =>
        c.notNull().check(sql`updated_at GLOB ${sql.raw(instantPattern)}`),
      )
      .addCheckConstraint('settings_window_order', sql`contact_start < contact_end`)
      .modifyEnd(sql`strict`),
    db.schema
      .createTable('events')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('occurred_at', 'text', (c) =>
        c.notNull().check(sql`occurred_at GLOB ${sql.raw(instantPattern)}`),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().check(sql`json_valid(details)`))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('events_by_time').on('events').column('occurred_at'),
  ];
}
