/** Outbox rows as the API shows them, and writing a new message in the caller's transaction. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { OutboxMessage, OutboxMessageDetail, OutboxState } from '../../shared/mail/outbox';
import type { DB, OutboxTable } from '../db/schema';
import type { ComposedAttachment } from './compose';

export interface NewOutboxMessage {
  customerId: number;
  itemId: number | null;
  occasion: string | null;
  messageId: string;
  from: { name: string; address: string };
  replyTo: string;
  to: string;
  cc: string[];
  subject: string;
  text: string;
  html: string;
  raw: Buffer;
  attachments: ComposedAttachment[];
  state: Extract<OutboxState, 'queued' | 'draft'>;
  /** Not before this instant (the customer's contact window). */
  notBefore: Date | null;
}

export async function insertOutboxMessage(
  trx: Transaction<DB>,
  message: NewOutboxMessage,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const { id } = await trx
    .insertInto('outbox')
    .values({
      customer_id: message.customerId,
      item_id: message.itemId,
      occasion: message.occasion,
      message_id: message.messageId,
      from_name: message.from.name,
      from_address: message.from.address,
      reply_to: message.replyTo,
      to_address: message.to,
      cc: JSON.stringify(message.cc),
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      state: message.state,
      raw: message.raw,
      next_attempt_at:
        message.notBefore && message.notBefore > now ? message.notBefore.toISOString() : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (message.attachments.length > 0) {
    await trx
      .insertInto('outbox_attachments')
      .values(
        message.attachments.map((a) => ({
          outbox_id: id,
          file_name: a.fileName,
          content_type: a.contentType,
          content: a.content,
        })),
      )
      .execute();
  }
  return id;
}

type Row = Selectable<OutboxTable> & { customer_name: string };

export async function outboxRows(
  db: Kysely<DB>,
  filter: { id?: number; state?: OutboxState; customerId?: number; limit?: number },
): Promise<
  (OutboxMessageDetail & {
    raw: Buffer | null;
    from: { name: string; address: string };
    replyTo: string;
  })[]
> {
  let query = db
    .selectFrom('outbox')
    .innerJoin('customers', 'customers.id', 'outbox.customer_id')
    .selectAll('outbox')
    .select('customers.name as customer_name');
  if (filter.id !== undefined) query = query.where('outbox.id', '=', filter.id);
  if (filter.state !== undefined) query = query.where('outbox.state', '=', filter.state);
  if (filter.customerId !== undefined)
    query = query.where('outbox.customer_id', '=', filter.customerId);
  const rows = (await query
    .orderBy('outbox.id', 'desc')
    .limit(filter.limit ?? 200)
    .execute()) as Row[];
  const attachments = rows.length
    ? await db
        .selectFrom('outbox_attachments')
        .select([
          'outbox_id',
          'file_name',
          'content_type',
          (eb) => eb.fn('length', ['content']).as('size'),
        ])
        .where(
          'outbox_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    itemId: row.item_id,
    occasion: row.occasion,
    messageId: row.message_id,
    to: row.to_address,
    cc: JSON.parse(row.cc) as string[],
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    response: row.response,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    attachments: attachments
      .filter((a) => a.outbox_id === row.id)
      .map((a) => ({ fileName: a.file_name, contentType: a.content_type, size: Number(a.size) })),
    text: row.text_body,
    html: row.html_body,
    raw: row.raw,
    from: { name: row.from_name, address: row.from_address },
    replyTo: row.reply_to,
  }));
}

export function withoutBodies(
  message: OutboxMessageDetail & { raw?: Buffer | null },
): OutboxMessage {
  const { text: _text, html: _html, raw: _raw, ...rest } = message;
  return rest;
}
