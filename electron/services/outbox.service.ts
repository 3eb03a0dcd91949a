/**
 * The outbox as the owner sees it, and the decisions that are theirs: retry a failed
 * message, cancel one, say whether an uncertain one went, change the words before it goes,
 * save it as a draft for their own mail program and say it was sent from there.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DocumentFile } from '../../shared/api/invoices';
import type { Clock } from '../../shared/dates';
import type { OutboxMessage, OutboxMessageDetail, OutboxState } from '../../shared/mail/outbox';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { safeFileName } from '../documents/file-name';
import { composeMessage } from '../mail/compose';
import { outboxRows, withoutBodies } from '../mail/outbox.repository';
import type { OutboxWorker } from '../mail/outbox-worker';

export interface OutboxService {
  list(input: {
    state?: OutboxState | undefined;
    customerId?: number | undefined;
    limit: number;
  }): Promise<OutboxMessage[]>;
  get(id: number): Promise<OutboxMessageDetail>;
  retry(id: number): Promise<OutboxMessage>;
  cancel(id: number): Promise<OutboxMessage>;
  resolve(id: number, outcome: 'was_sent' | 'send_again'): Promise<OutboxMessage>;
  edit(input: { id: number; subject: string; text: string }): Promise<OutboxMessageDetail>;
  eml(id: number): Promise<DocumentFile>;
  markSent(id: number): Promise<OutboxMessage>;
  sendNow(): Promise<{ sent: number; other: number }>;
  /** Desktop only: saves the draft and opens it in the system's mail program. */
  openInMailProgram(
    id: number,
  ): Promise<{ opened: boolean; file: string | null; reason: string | null }>;
}

function htmlFromText(text: string): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return text
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escape(paragraph.trim()).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

export function createOutboxService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  worker: OutboxWorker;
  draftsFolder: string;
  openFile?: (path: string) => Promise<string>;
}): OutboxService {
  const { db, clock, worker } = deps;

  async function emlOf(id: number): Promise<DocumentFile> {
    const message = await find(id);
    if (!message.raw) throw new AppError('conflict', 'That message has no content yet.', 'id');
    // The same bytes, marked as a draft so the mail program opens it ready to send.
    const draft = Buffer.concat([Buffer.from('X-Unsent: 1\r\n'), message.raw]);
    return {
      fileName: safeFileName(`${message.subject} - ${message.customerName}`, 'eml'),
      contentBase64: draft.toString('base64'),
    };
  }

  async function find(id: number) {
    const [row] = await outboxRows(db, { id, limit: 1 });
    if (!row) throw new AppError('not_found', `There is no message ${id} in the outbox.`, 'id');
    return row;
  }

  /** Moves a message from one of `from` to `to`, with its timeline event, or refuses. */
  async function move(
    id: number,
    from: OutboxState[],
    to: OutboxState,
    event: { kind: string; summary: string },
    extra: Record<string, unknown> = {},
  ) {
    const message = await find(id);
    if (!from.includes(message.state)) {
      throw new AppError(
        'conflict',
        `That message is ${message.state}; it cannot be ${event.kind.split('.')[1]} now.`,
        'id',
      );
    }
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('outbox')
        .set({ state: to, updated_at: now.toISOString(), ...extra })
        .where('id', '=', id)
        .where('state', 'in', from)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new AppError(
          'conflict',
          'That message changed a moment ago; please look again.',
          'id',
        );
      }
      await appendEvent(trx, {
        occurredAt: now,
        kind: event.kind,
        summary: event.summary,
        details: { outboxId: id, before: message.state, after: to },
        customerId: message.customerId,
      });
    });
    if (to === 'queued') worker.kick();
    return withoutBodies(await find(id));
  }

  return {
    async list(input) {
      return (await outboxRows(db, input)).map(withoutBodies);
    },
    async get(id) {
      const { raw: _raw, from: _from, replyTo: _replyTo, ...message } = await find(id);
      return message;
    },
    retry: (id) =>
      move(
        id,
        ['failed', 'cancelled'],
        'queued',
        { kind: 'outbox.retried', summary: 'An email was put back in the queue.' },
        {
          attempts: 0,
          first_tried_at: null,
          next_attempt_at: null,
          last_error: null,
        },
      ),
    cancel: (id) =>
      move(id, ['draft', 'queued', 'waiting', 'retrying', 'failed'], 'cancelled', {
        kind: 'outbox.cancelled',
        summary: 'An email was cancelled before it went.',
      }),
    resolve: (id, outcome) =>
      outcome === 'was_sent'
        ? move(
            id,
            ['uncertain'],
            'sent',
            { kind: 'outbox.confirmed_sent', summary: 'Checked: the email did go.' },
            {
              sent_at: clock.now().toISOString(),
            },
          )
        : move(
            id,
            ['uncertain'],
            'queued',
            {
              kind: 'outbox.send_again',
              summary: 'Checked: the email did not go; sending it again.',
            },
            { next_attempt_at: null },
          ),
    async edit(input) {
      const message = await find(input.id);
      if (!['draft', 'queued', 'waiting', 'retrying', 'failed'].includes(message.state)) {
        throw new AppError(
          'conflict',
          `That message is ${message.state}; its words can no longer change.`,
          'id',
        );
      }
      const attachments = await db
        .selectFrom('outbox_attachments')
        .select(['file_name', 'content_type', 'content'])
        .where('outbox_id', '=', input.id)
        .execute();
      const raw = message.raw;
      const header = (name: string) =>
        raw ? (new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.toString('utf8'))?.[1] ?? '') : '';
      const now = clock.now();
      const html = htmlFromText(input.text);
      const composed = await composeMessage({
        from: {
          name: '',
          address: header('From').replace(/^.*<|>.*$/g, '') || 'owner@goodwill.invalid',
        },
        to: message.to,
        cc: message.cc,
        bcc: [],
        replyTo: '',
        subject: input.subject,
        text: input.text,
        html,
        messageId: message.messageId,
        date: now,
        attachments: attachments.map((a) => ({
          fileName: a.file_name,
          contentType: a.content_type,
          content: a.content,
        })),
      });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('outbox')
          .set({
            subject: input.subject,
            text_body: input.text,
            html_body: html,
            raw: composed,
            updated_at: now.toISOString(),
          })
          .where('id', '=', input.id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'outbox.edited',
          summary: 'The words of an email were changed before it went.',
          details: {
            outboxId: input.id,
            before: { subject: message.subject },
            after: { subject: input.subject },
          },
          customerId: message.customerId,
        });
      });
      const { raw: _raw, from: _from, replyTo: _replyTo, ...edited } = await find(input.id);
      return edited;
    },
    eml: emlOf,
    async openInMailProgram(id) {
      if (!deps.openFile) {
        return {
          opened: false,
          file: null,
          reason:
            'Opening a mail program works in the desktop app; here, save the .eml file and open it.',
        };
      }
      const eml = await emlOf(id);
      await mkdir(deps.draftsFolder, { recursive: true });
      const file = join(deps.draftsFolder, eml.fileName);
      await writeFile(file, Buffer.from(eml.contentBase64, 'base64'));
      const problem = await deps.openFile(file);
      return { opened: problem === '', file, reason: problem || null };
    },
    markSent: (id) =>
      move(
        id,
        ['draft'],
        'sent',
        { kind: 'outbox.sent_elsewhere', summary: 'Email sent from your own mail program.' },
        {
          sent_at: clock.now().toISOString(),
        },
      ),
    sendNow: () => worker.drain(),
  };
}
