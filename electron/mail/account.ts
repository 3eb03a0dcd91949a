/** The owner's mail account as the sender needs it: where to connect and who it is from. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SecretStore } from './secret-store';
import type { SmtpSettings } from './smtp-send';

export interface SendingAccount {
  smtp: SmtpSettings;
  from: { name: string; address: string };
  replyTo: string;
  bccSelf: boolean;
}

export async function sendingAccount(
  db: Kysely<DB>,
  secrets: SecretStore,
  tls?: SmtpSettings['tls'],
): Promise<SendingAccount | null> {
  const row = await db
    .selectFrom('mail_account')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    smtp: {
      host: row.host,
      port: row.port,
      security: row.security,
      username: row.username,
      password: secrets.open(row.password_sealed),
      tls,
    },
    from: { name: row.from_name, address: row.from_address },
    replyTo: row.reply_to,
    bccSelf: row.bcc_self === 1,
  };
}
