/**
 * mail.*, outbox.*: the owner's mail account (the password goes in, never comes out), and the
 * outbox with its states and the owner's decisions on it.
 */
import { z } from 'zod';
import type { DocumentFile } from './invoices';
import type { OutboxMessage, OutboxMessageDetail } from '../mail/outbox';
import { outboxStates } from '../mail/outbox';
import { id, text } from './fields';
import { emptyInput, method } from './method';

/** No line breaks: they would let a value write its own mail headers. */
const oneLine = (max: number, what: string) =>
  text(max, what).refine((value) => !/[\r\n]/.test(value), `The ${what} must be on one line.`);

const emailAddress = (what: string) =>
  z
    .string(`Please give the ${what}.`)
    .trim()
    .refine((value) => !/[\r\n]/.test(value), `The ${what} must be on one line.`)
    .pipe(z.email(`The ${what} must be an email address like name@example.com.`));

export const mailAccountSchema = z
  .object({
    host: oneLine(253, 'server name').min(1, 'Please give the mail server, e.g. smtp.example.com.'),
    port: z
      .number('Please give the port as a number.')
      .int('The port is a whole number.')
      .min(1, 'Ports run from 1 to 65535.')
      .max(65535, 'Ports run from 1 to 65535.'),
    security: z.enum(['tls', 'starttls', 'none'], 'Security is tls, starttls or none.'),
    username: oneLine(320, 'username'),
    /** A new password; left out keeps the one set; null forgets it. */
    password: z.string().max(1000, 'That password is too long.').nullable().optional(),
    fromName: oneLine(200, 'sender name'),
    fromAddress: emailAddress('sender address'),
    replyTo: z.union([z.literal(''), emailAddress('reply-to address')]).default(''),
    bccSelf: z.boolean().default(false),
  })
  .strict()
  .refine(
    (account) =>
      account.security !== 'none' ||
      ['localhost', '127.0.0.1', '::1'].includes(account.host.toLowerCase()),
    {
      message: 'An unencrypted connection is allowed only to this computer (localhost).',
      path: ['security'],
    },
  );
export type MailAccountInput = z.output<typeof mailAccountSchema>;

export interface MailAccountView {
  configured: boolean;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  bccSelf: boolean;
  /** Whether a password is set; the password itself never leaves the app. */
  passwordSet: boolean;
  passwordStorage: 'safeStorage' | 'environment' | 'memory';
  /** Said on the screen when the password is kept less safely than expected. */
  passwordWarning: string | null;
}

export const mailMethods = {
  'mail.account': method(emptyInput).returns<MailAccountView>(),
  'mail.updateAccount': method(mailAccountSchema).returns<MailAccountView>(),
  'mail.removeAccount': method(emptyInput).returns<MailAccountView>(),
  'mail.testConnection': method(emptyInput).returns<{ ok: true } | { ok: false; reason: string }>(),
  'outbox.list': method(
    z
      .object({
        state: z.enum(outboxStates).optional(),
        customerId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict()
      .default({ limit: 200 }),
  ).returns<OutboxMessage[]>(),
  'outbox.get': method(z.object({ id }).strict()).returns<OutboxMessageDetail>(),
  /** A failed message goes back in the queue. */
  'outbox.retry': method(z.object({ id }).strict()).returns<OutboxMessage>(),
  'outbox.cancel': method(z.object({ id }).strict()).returns<OutboxMessage>(),
  /** An uncertain message: the owner looked in their Sent folder. */
  'outbox.resolve': method(
    z
      .object({
        id,
        outcome: z.enum(['was_sent', 'send_again'], 'The outcome is was_sent or send_again.'),
      })
      .strict(),
  ).returns<OutboxMessage>(),
  /** Before it goes (or after it failed): change the words. */
  'outbox.edit': method(
    z
      .object({
        id,
        subject: oneLine(998, 'subject').min(1, 'Please write a subject.'),
        text: z.string().min(1, 'Please write the message.').max(50_000),
      })
      .strict(),
  ).returns<OutboxMessageDetail>(),
  /** The message as a .eml draft (X-Unsent: 1) for the owner's own mail program. */
  'outbox.eml': method(z.object({ id }).strict()).returns<DocumentFile>(),
  /** Desktop app: saves the .eml draft and opens it in the system's mail program. */
  'outbox.openInMailProgram': method(z.object({ id }).strict()).returns<{
    opened: boolean;
    file: string | null;
    reason: string | null;
  }>(),
  /** A draft sent from the owner's mail program: they say it went. */
  'outbox.markSent': method(z.object({ id }).strict()).returns<OutboxMessage>(),
  /** Sends what is due now instead of waiting for the next round. */
  'outbox.sendNow': method(emptyInput).returns<{ sent: number; other: number }>(),
};
