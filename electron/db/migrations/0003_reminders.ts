/**
 * Frozen once released. Reminders: the business's ladder and guardrails, a customer's own
 * ladder (or none), a pause on one invoice, overdue episodes, the queue of proposed steps
 * with its one-per-key guarantee, contacts made, promises to pay and disputes.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0003_reminders';

const calendarDate = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${sql.ref(column)}) = ${sql.ref(column)}`;
const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;
const currency = (column: string) =>
  sql`length(${sql.ref(column)}) = 3 AND ${sql.ref(column)} GLOB '[A-Z][A-Z][A-Z]'`;
const jsonArray = (column: string) =>
  sql`json_valid(${sql.ref(column)}) AND json_type(${sql.ref(column)}) = 'array'`;

export function up(db: Kysely<any>) {
  return [
    // One row once the owner edits the policy; none means the defaults in shared/reminders.
    db.schema
      .createTable('reminder_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('ladder', 'text', (c) => c.notNull().check(jsonArray('ladder')))
      .addColumn('min_gap_days', 'integer', (c) => c.notNull())
      .addColumn('messages_per_7_days', 'integer', (c) => c.notNull())
      .addColumn('calls_per_7_days', 'integer', (c) => c.notNull())
      .addColumn('promise_grace_days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .modifyEnd(sql`strict`),

    db.schema.alterTable('customers').addColumn('reminders_mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('business')
        .check(sql`reminders_mode IN ('business', 'custom', 'none')`),
    ),
    db.schema
      .alterTable('customers')
      .addColumn('reminders_ladder', 'text', (c) => c.check(jsonArray('reminders_ladder'))),
    db.schema
      .alterTable('invoices')
      .addColumn('chase_paused_until', 'text', (c) => c.check(calendarDate('chase_paused_until'))),
    db.schema
      .alterTable('invoices')
      .addColumn('chase_pause_reason', 'text', (c) => c.notNull().defaultTo('')),

    // A customer's overdue episode: from the first day something is overdue until the
    // overdue balance is cleared. Steps happen at most once per episode.
    db.schema
      .createTable('reminder_episodes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
      .addColumn('started_on', 'text', (c) => c.notNull().check(calendarDate('started_on')))
      .addColumn('ended_on', 'text', (c) => c.check(calendarDate('ended_on')))
      .addUniqueConstraint('reminder_episodes_number', ['customer_id', 'number'])
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('reminder_episodes_open')
      .on('reminder_episodes')
      .column('customer_id')
      .unique()
      .where(sql<boolean>`ended_on IS NULL`),

    // The queue. The unique key is the guarantee that a step happens at most once: however
    // many scheduler ticks run, crash or overlap, a second row for a key cannot exist.
    db.schema
      .createTable('reminder_items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('episode', 'integer', (c) => c.notNull())
      .addColumn('ref', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('channel', 'text', (c) =>
        c.notNull().check(sql`channel IN ('email', 'letter', 'letter_email', 'call', 'decision')`),
      )
      .addColumn('autopilot', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`autopilot IN (0, 1)`),
      )
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status IN ('open', 'approved', 'skipped', 'done')`),
      )
      .addColumn('invoice_ids', 'text', (c) => c.notNull().check(jsonArray('invoice_ids')))
      /** JSON: what the queue shows without reading the ledger again (amounts, numbers). */
      .addColumn('summary', 'text', (c) => c.notNull().check(sql`json_valid(summary)`))
      .addColumn('why', 'text', (c) => c.notNull().check(jsonArray('why')))
      .addColumn('skipped_steps', 'text', (c) => c.notNull().check(jsonArray('skipped_steps')))
      .addColumn('proposed_on', 'text', (c) => c.notNull().check(calendarDate('proposed_on')))
      .addColumn('proposed_at', 'text', (c) => c.notNull().check(instant('proposed_at')))
      .addColumn('snoozed_until', 'text', (c) => c.check(calendarDate('snoozed_until')))
      .addColumn('acted_at', 'text', (c) => c.check(instant('acted_at')))
      .addColumn('send_after', 'text', (c) => c.check(instant('send_after')))
      .addColumn('act_note', 'text', (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('reminder_items_once', ['customer_id', 'step', 'episode', 'ref'])
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('reminder_items_open')
      .on('reminder_items')
      .column('customer_id')
      .where(sql<boolean>`status = 'open'`),

    // Every contact made: messages when they go (or are due to go), calls when logged.
    db.schema
      .createTable('contacts')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('channel', 'text', (c) =>
        c.notNull().check(sql`channel IN ('email', 'letter', 'letter_email', 'call')`),
      )
      .addColumn('occurred_at', 'text', (c) => c.notNull().check(instant('occurred_at')))
      .addColumn('item_id', 'integer', (c) => c.references('reminder_items.id'))
      .addColumn('step', 'text')
      .addColumn('outcome', 'text', (c) =>
        c.check(
          sql`outcome IN ('reached', 'no_answer', 'voicemail', 'promised', 'disputed', 'wrong_number')`,
        ),
      )
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('contacts_by_customer')
      .on('contacts')
      .columns(['customer_id', 'occurred_at']),
    db.schema.createIndex('contacts_by_time').on('contacts').column('occurred_at'),

    db.schema
      .createTable('promises')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('made_on', 'text', (c) => c.notNull().check(calendarDate('made_on')))
      .addColumn('date', 'text', (c) => c.notNull().check(calendarDate('date')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('currency', 'text', (c) => c.notNull().check(currency('currency')))
      .addColumn('channel', 'text', (c) =>
        c.notNull().check(sql`channel IN ('phone', 'email', 'letter', 'in_person', 'other')`),
      )
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('kept', 'broken', 'cancelled')`))
      .addColumn('closed_on', 'text', (c) => c.check(calendarDate('closed_on')))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addCheckConstraint('promises_after_made', sql`date >= made_on`)
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('promises_open')
      .on('promises')
      .column('customer_id')
      .where(sql<boolean>`outcome IS NULL`),

    db.schema
      .createTable('disputes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('opened_on', 'text', (c) => c.notNull().check(calendarDate('opened_on')))
      .addColumn('resolved_on', 'text', (c) => c.check(calendarDate('resolved_on')))
      .addColumn('resolution', 'text', (c) => c.check(sql`resolution IN ('upheld', 'rejected')`))
      .addColumn('resolution_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addCheckConstraint(
        'disputes_resolved_together',
        sql`(resolved_on IS NULL) = (resolution IS NULL)`,
      )
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('disputes_open')
      .on('disputes')
      .column('customer_id')
      .where(sql<boolean>`resolved_on IS NULL`),
    // No rows for a dispute: it covers every invoice of the customer.
    db.schema
      .createTable('dispute_invoices')
      .addColumn('dispute_id', 'integer', (c) =>
        c.notNull().references('disputes.id').onDelete('cascade'),
      )
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
      .addPrimaryKeyConstraint('dispute_invoices_pk', ['dispute_id', 'invoice_id'])
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('dispute_invoices_by_invoice')
      .on('dispute_invoices')
      .column('invoice_id'),
  ];
}
