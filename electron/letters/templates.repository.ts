/** The owner's letter templates and their versions (the newest version is the current one). */
import type { Kysely, Transaction } from 'kysely';
import type { DB, LetterTemplatesTable } from '../db/schema';
import type { Selectable } from 'kysely';

export type TemplateRow = Selectable<LetterTemplatesTable>;

export function currentTemplates(db: Kysely<DB>): Promise<TemplateRow[]> {
  return db
    .selectFrom('letter_templates as t')
    .selectAll()
    .where(({ eb, selectFrom }) =>
      eb(
        't.version',
        '=',
        selectFrom('letter_templates as u')
          .select((u) => u.fn.max('u.version').as('v'))
          .whereRef('u.occasion', '=', 't.occasion'),
      ),
    )
    .execute();
}

export function versionsOf(db: Kysely<DB>, occasion: string): Promise<TemplateRow[]> {
  return db
    .selectFrom('letter_templates')
    .selectAll()
    .where('occasion', '=', occasion)
    .orderBy('version', 'desc')
    .execute();
}

export async function addVersion(
  trx: Transaction<DB>,
  row: { occasion: string; subject: string | null; body: string | null; createdAt: Date },
): Promise<number> {
  const last = await trx
    .selectFrom('letter_templates')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('occasion', '=', row.occasion)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  await trx
    .insertInto('letter_templates')
    .values({
      occasion: row.occasion,
      version,
      subject: row.subject,
      body: row.body,
      created_at: row.createdAt.toISOString(),
    })
    .execute();
  return version;
}
