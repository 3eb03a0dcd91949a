/**
 * The database as Kysely sees it: one interface per table, in one place. Column names are
 * snake_case as stored; services map rows to the domain's camelCase types.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface SettingsTable {
  /** Always 1: the settings are a single row. */
  id: number;
  business_name: string;
  address: string;
  email: string;
  phone: string;
  payment_instructions: string;
  currency: string;
  locale: string;
  time_zone: string;
  /** Comma-separated weekdays, e.g. `mon,tue,wed,thu,fri`. */
  contact_days: string;
  contact_start: string;
  contact_end: string;
  onboarded_at: string | null;
  updated_at: string;
}

/** What happened, when: every change appends one row in its own transaction. */
export interface EventsTable {
  id: Generated<number>;
  occurred_at: string;
  /** Dotted kind, e.g. `settings.updated`. */
  kind: string;
  /** One plain sentence for the timeline. */
  summary: string;
  /** JSON: before/after values and whatever else explains the change. */
  details: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: string;
}

export interface DB {
  settings: SettingsTable;
  events: EventsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type SettingsRow = Selectable<SettingsTable>;
export type NewSettingsRow = Insertable<SettingsTable>;
export type SettingsRowUpdate = Updateable<SettingsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
