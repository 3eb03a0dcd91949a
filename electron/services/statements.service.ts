/**
 * A customer's statement by email: the `statement` letter, filled with the statement's
 * figures, with the statement PDF attached, put in the outbox to go the usual way (inside the
 * customer's contact window; without a mail account, as a draft for the owner's own mail
 * program). At most once: the same statement (customer, period, currency and figures) is
 * queued once; asking again, by a double click or a second window, gives back the message
 * already there. Only a cancelled one can be queued afresh.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { StatementEmailResult, StatementInput } from '../../shared/api/exports';
import { formatCalendarDate } from '../../shared/date-format';
import type { Clock } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { checkWindow, windowFor } from '../../shared/reminders/contact-window';
import { needsSendAnyway } from '../../shared/letters/tone/score';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { insertOutboxMessage, outboxRows, withoutBodies } from '../mail/outbox.repository';
import type { OutboxWorker } from '../mail/outbox-worker';
import { prepareMessage } from '../mail/prepare';
import type { BusinessContext } from './business-day';
import type { DocumentsService } from './documents.service';
import type { ExportsService } from './exports.service';
import type { LettersService } from './letters.service';
import { requireCustomer } from './lookups';
import type { SettingsService } from './settings.service';

export interface StatementsService {
  email(input: StatementInput): Promise<StatementEmailResult>;
}

/** The outbox messages of one statement, newest first; a live one blocks another. */
async function messagesOf(db: Kysely<DB>, customerId: number, key: string) {
  return db
    .selectFrom('outbox')
    .select(['id', 'state'])
    .where('customer_id', '=', customerId)
    .where('occasion', '=', 'statement')
    .where('message_id', 'like', `<statement-${key}-%`)
    .orderBy('id', 'desc')
    .execute();
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

export function createStatementsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  context: () => Promise<BusinessContext>;
  settings: SettingsService;
  letters: () => LettersService;
  documents: () => DocumentsService;
  exports: ExportsService;
  outbox: OutboxWorker;
}): StatementsService {
  const { db } = deps;

  async function found(id: number, alreadyQueued: boolean): Promise<StatementEmailResult> {
    const [row] = await outboxRows(db, { id, limit: 1 });
    return { message: withoutBodies(row!), alreadyQueued };
  }

  return {
    async email(input) {
      const customer = await requireCustomer(db, input.customerId);
      if (!customer.email.trim()) {
        throw new AppError(
          'invalid_input',
          `${customer.name} has no email address. Add one on their page, or download the statement and post it.`,
          'customerId',
        );
      }
      const { today } = await deps.context();
      if (input.to > today) {
        throw new AppError(
          'invalid_input',
          'A statement can only be made up to today; that day is still to come.',
          'to',
        );
      }
      const sections = await deps.exports.statement(input);
      if (sections.length === 0) {
        throw new AppError(
          'invalid_input',
          `There is nothing on ${customer.name}'s account up to that day to put in a statement.`,
          'to',
        );
      }
      const period = {
        from: input.from,
        to: input.to,
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
      };
      // The same figures for the same period are the same statement.
      const key = createHash('sha256')
        .update(JSON.stringify({ customerId: customer.id, ...period, sections }))
        .digest('hex')
        .slice(0, 32);
      const before = await messagesOf(db, customer.id, key);
      const live = before.find((m) => m.state !== 'cancelled');
      if (live) return found(live.id, true);

      const draft = await deps.letters().draft({
        customerId: customer.id,
        occasion: 'statement',
        statement: period,
      });
      if (needsSendAnyway(draft.tone)) {
        const worst = draft.tone.findings
          .filter((f) => f.severity === 'high')
          .map((f) => `"${f.text}" (${f.why})`);
        throw new AppError(
          'conflict',
          `The statement letter has wording that can read as a threat: ${worst.join('; ')}. Please change it under Letters first.`,
          'customerId',
        );
      }
      const settings = await deps.settings.get();
      const now = deps.clock.now();
      // A statement is not chasing, but it still waits for the customer's contact window.
      const window = checkWindow(
        now,
        customer.time_zone ?? settings.timeZone,
        windowFor(customer.kind, settings.contactWindow),
      );
      const pdf = await deps.exports.statementPdf(input);
      const prepared = await prepareMessage(
        { db, letters: deps.letters(), documents: deps.documents(), settings },
        {
          customerId: customer.id,
          occasion: 'statement',
          itemId: null,
          now,
          notBefore: window.open ? null : window.opensAt,
          letter: { statement: period },
          attachments: [
            {
              fileName: pdf.fileName,
              contentType: 'application/pdf',
              content: Buffer.from(pdf.contentBase64, 'base64'),
            },
          ],
          messageKey: `statement-${key}-${before.length}`,
          field: 'customerId',
        },
      );

      let outcome: { id: number; already: boolean };
      try {
        outcome = await db.transaction().execute(async (trx) => {
          // Looked at again inside the transaction: another request may have queued it since.
          const [other] = (await messagesOf(trx, customer.id, key)).filter(
            (m) => m.state !== 'cancelled',
          );
          if (other) return { id: other.id, already: true };
          const id = await insertOutboxMessage(trx, prepared, now);
          const locale = customer.locale ?? settings.locale;
          const owed = sections.map((s) => formatMoney(s.closing, s.currency, locale)).join(', ');
          await appendEvent(trx, {
            occurredAt: now,
            kind: 'statement.emailed',
            summary: `Statement to ${formatCalendarDate(input.to, locale)} (${owed}) put in the outbox for ${prepared.to}.`,
            details: {
              outboxId: id,
              ...period,
              email: prepared.to,
              closing: sections.map((s) => ({ currency: s.currency, amount: s.closing })),
              attachment: pdf.fileName,
            },
            customerId: customer.id,
          });
          return { id, already: false };
        });
      } catch (error) {
        // The Message-ID is unique: a twin that got in first wins, and this one is that one.
        if (!isUniqueViolation(error)) throw error;
        const [other] = (await messagesOf(db, customer.id, key)).filter(
          (m) => m.state !== 'cancelled',
        );
        if (!other) throw error;
        outcome = { id: other.id, already: true };
      }
      if (!outcome.already) deps.outbox.kick();
      return found(outcome.id, outcome.already);
    },
  };
}
