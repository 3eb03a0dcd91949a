/**
 * The owner's mail account. The password is taken in and handed to the secret store; the
 * API only ever says whether one is set. Changing the account never touches the outbox.
 */
import type { Kysely } from 'kysely';
import type { MailAccountInput, MailAccountView } from '../../shared/api/mail';
import type { Clock } from '../../shared/dates';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { sendingAccount } from '../mail/account';
import type { SecretStore } from '../mail/secret-store';
import { verifyConnection, type SmtpSettings } from '../mail/smtp-send';

export interface MailService {
  account(): Promise<MailAccountView>;
  updateAccount(input: MailAccountInput): Promise<MailAccountView>;
  removeAccount(): Promise<MailAccountView>;
  testConnection(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export function createMailService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  secrets: SecretStore;
  /** Extra TLS trust (tests' self-signed certificate). */
  tls?: SmtpSettings['tls'];
  /** Tells the outbox that messages waiting on the account may go now. */
  accountChanged?: () => Promise<void>;
}): MailService {
  const { db, clock, secrets } = deps;

  async function view(): Promise<MailAccountView> {
    const row = await db
      .selectFrom('mail_account')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirst();
    const password = row ? secrets.open(row.password_sealed) : null;
    return {
      configured: Boolean(row),
      host: row?.host ?? '',
      port: row?.port ?? 587,
      security: row?.security ?? 'starttls',
      username: row?.username ?? '',
      fromName: row?.from_name ?? '',
      fromAddress: row?.from_address ?? '',
      replyTo: row?.reply_to ?? '',
      bccSelf: row?.bcc_self === 1,
      passwordSet: password !== null && password !== '',
      passwordStorage: secrets.storage,
      passwordWarning: secrets.warning,
    };
  }

  return {
    account: view,

    async updateAccount(input) {
      const now = clock.now();
      const before = await db
        .selectFrom('mail_account')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirst();
      let sealed = before?.password_sealed ?? null;
      if (input.password !== undefined) {
        sealed = input.password ? secrets.seal(input.password) : null;
      }
      const values = {
        host: input.host,
        port: input.port,
        security: input.security,
        username: input.username,
        from_name: input.fromName,
        from_address: input.fromAddress,
        reply_to: input.replyTo,
        bcc_self: input.bccSelf ? 1 : 0,
        password_sealed: sealed,
        updated_at: now.toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('mail_account')
          .values({ id: 1, ...values })
          .onConflict((oc) => oc.column('id').doUpdateSet(values))
          .execute();
        // The log says what changed, never the password itself.
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'mail.account_updated',
          summary: `Mail account set to ${input.fromAddress} via ${input.host}:${input.port}.`,
          details: {
            before: before
              ? {
                  host: before.host,
                  port: before.port,
                  security: before.security,
                  fromAddress: before.from_address,
                }
              : null,
            after: {
              host: input.host,
              port: input.port,
              security: input.security,
              fromAddress: input.fromAddress,
            },
            passwordChanged: input.password !== undefined,
          },
        });
      });
      // Only after the write: a store that keeps it itself remembers the new password.
      if (input.password !== undefined) secrets.keep(input.password || null);
      await deps.accountChanged?.();
      return view();
    },

    async removeAccount() {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('mail_account').execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'mail.account_removed',
          summary: 'Mail account removed: messages now go out from your own mail program.',
          details: {},
        });
      });
      secrets.keep(null);
      return view();
    },

    async testConnection() {
      const account = await sendingAccount(db, secrets, deps.tls);
      if (!account) return { ok: false, reason: 'No mail account is set up yet.' };
      return verifyConnection(account.smtp);
    },
  };
}
