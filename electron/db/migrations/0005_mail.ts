/**
 * Frozen once released. The owner's mail account (never its password: that is kept by the
 * operating system's secret store, or only in memory) and the outbox, with the attachments of
 * each message and the exact bytes of what was sent.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0005_mail';

const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('mail_account')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('port', 'integer', (c) => c.notNull().check(sql`port BETWEEN 1 AND 65535`))
      .addColumn('security', 'text', (c) =>
        c.notNull().check(sql`security IN ('tls', 'starttls', 'none')`),
      )
      .addColumn('username', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('from_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('from_address', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('bcc_self', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`bcc_self IN (0, 1)`),
      )
      /** The password encrypted by the OS secret store (Electron safeStorage); never plain. */
      .addColumn('password_sealed', 'blob')
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .modifyEnd(sql`strict`),

    db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('item_id', 'integer', (c) => c.references('reminder_items.id'))
      .addColumn('occasion', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('from_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('from_address', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('cc', 'text', (c) =>
        c
          .notNull()
          .defaultTo('[]')
          .check(sql`json_valid(cc)`),
      )
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`state IN ('draft', 'queued', 'sending', 'waiting', 'retrying', 'sent', 'failed', 'uncertain', 'cancelled')`,
          ),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_tried_at', 'text', (c) => c.check(instant('first_tried_at')))
      .addColumn('next_attempt_at', 'text', (c) => c.check(instant('next_attempt_at')))
      .addColumn('last_error', 'text')
      .addColumn('response', 'text')
      .addColumn('raw', 'blob')
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .addColumn('sent_at', 'text', (c) => c.check(instant('sent_at')))
      .modifyEnd(sql`strict`),
    // One message per queue item: approving twice can never queue two.
    db.schema
      .createIndex('outbox_one_per_item')
      .on('outbox')
      .column('item_id')
      .unique()
      .where(sql<boolean>`item_id IS NOT NULL`),
    db.schema
      .createIndex('outbox_due')
      .on('outbox')
      .columns(['state', 'next_attempt_at'])
      .where(sql<boolean>`state IN ('queued', 'waiting', 'retrying', 'sending')`),
    db.schema.createIndex('outbox_by_customer').on('outbox').columns(['customer_id', 'created_at']),

    db.schema
      .createTable('outbox_attachments')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('outbox_id', 'integer', (c) =>
        c.notNull().references('outbox.id').onDelete('cascade'),
      )
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('content', 'blob', (c) => c.notNull())
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('outbox_attachments_by_message')
      .on('outbox_attachments')
      .column('outbox_id'),
  ];
}
