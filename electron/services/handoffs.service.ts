/**
 * Handing a customer over to a collection agency: the owner's decision, never automatic. One
 * call makes the dossier (a zip of a PDF and CSVs, kept in the data folder's `handoffs/` and
 * returned to download) and, in one transaction, records the handoff, closes the +90 decision
 * in the Today queue and says on the timeline that chasing has stopped. While the handoff
 * stands the ladder leaves the customer alone (electron/reminders/situations.ts); taking it
 * back starts chasing again where it stopped.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import { daysOverdue } from '../../shared/aging';
import { AppError } from '../../shared/api/errors';
import type { Handoff, HandOverInput } from '../../shared/api/handoffs';
import type { DocumentFile } from '../../shared/api/invoices';
import type { InterestClaim } from '../../shared/interest/claims';
import { minorToDecimalString } from '../../shared/money';
import type { Clock } from '../../shared/dates';
import { appendEvent } from '../db/events.repository';
import type { DB, HandoffsTable } from '../db/schema';
import type { DossierBalance } from '../documents/dossier-pdf';
import { safeFileName } from '../documents/file-name';
import { readDossierData, type DossierData, type DossierInterest } from '../handoffs/dossier-data';
import { dossierCsvFiles } from '../handoffs/dossier-files';
import { zipFiles } from '../handoffs/zip';
import { readSignedAgreement } from '../plans/signed-agreement';
import type { BusinessContext } from './business-day';
import type { CustomersService } from './customers.service';
import type { ExportsService } from './exports.service';
import { requireCustomer } from './lookups';
import type { SettingsService } from './settings.service';

const loadRenderer = () => import('../documents/dossier-pdf');

export interface HandoffsService {
  create(input: HandOverInput): Promise<{ handoff: Handoff; dossier: DocumentFile }>;
  takeBack(input: { customerId: number; reason: string }): Promise<Handoff>;
  list(input: { customerId: number }): Promise<Handoff[]>;
  dossier(id: number): Promise<DocumentFile>;
}

function handoffFromRow(row: Selectable<HandoffsTable>): Handoff {
  return {
    id: row.id,
    customerId: row.customer_id,
    agency: row.agency,
    note: row.note,
    handedOverAt: row.handed_over_at,
    fileName: row.file_name,
    takenBackAt: row.taken_back_at,
    takenBackReason: row.taken_back_reason,
  };
}

/** The claims as the dossier lists them: each with its workings in sentences. */
function dossierInterest(claims: readonly InterestClaim[]): DossierInterest[] {
  return claims.map((claim) => ({
    invoiceNumber: claim.invoiceNumber,
    chargeNumber: claim.chargeNumber,
    currency: claim.currency,
    claimedOn: claim.claimedOn,
    amount: claim.amount,
    waived: claim.waived,
    workings: claim.lines
      .flatMap((line) => [
        line.description,
        ...line.periods.map((period) => {
          const on = minorToDecimalString(period.principal, claim.currency);
          const base = period.reference
            ? ` (${period.reference.source} rate ${period.reference.ratePercent}% on ${period.reference.on})`
            : '';
          const amount = minorToDecimalString(period.amount, claim.currency);
          return `${period.from} to ${period.to}: ${period.days} days at ${period.ratePercent}% a year${base} on ${claim.currency} ${on} = ${claim.currency} ${amount}`;
        }),
      ])
      .join('\n'),
  }));
}

function balancesOf(data: DossierData, today: string): DossierBalance[] {
  const byCurrency = new Map<string, DossierBalance>();
  const get = (currency: string) => {
    let balance = byCurrency.get(currency);
    if (!balance) {
      balance = { currency, open: 0, unapplied: 0, oldestDaysOverdue: 0 };
      byCurrency.set(currency, balance);
    }
    return balance;
  };
  const seen = new Set<number>();
  for (const invoice of data.invoices) {
    if (seen.has(invoice.invoiceId) || invoice.open <= 0) continue;
    seen.add(invoice.invoiceId);
    const balance = get(invoice.currency);
    balance.open += invoice.open;
    balance.oldestDaysOverdue = Math.max(
      balance.oldestDaysOverdue,
      daysOverdue(invoice.dueDate, today),
    );
  }
  const payments = new Set<number>();
  for (const payment of data.payments) {
    if (payments.has(payment.paymentId) || payment.unapplied <= 0) continue;
    payments.add(payment.paymentId);
    get(payment.currency).unapplied += payment.unapplied;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * The signed plan agreements to enclose, each checked against the checksum it was attached
 * with. One no longer there (or changed) is not enclosed and the PDF says so: a missing scan
 * should not stop the handoff.
 */
async function readSignedCopies(dataDir: string, data: DossierData) {
  const files: { name: string; content: Buffer }[] = [];
  for (const plan of data.plans) {
    const signed = plan.signedAgreement;
    if (!signed) continue;
    try {
      const content = await readSignedAgreement(dataDir, signed);
      files.push({ name: `Signed agreement - plan ${plan.id}.${signed.extension}`, content });
    } catch {
      signed.enclosed = false;
    }
  }
  return files;
}

export function createHandoffsService(deps: {
  db: Kysely<DB>;
  /** The same connection, raw: the export's rows are read from it one at a time. */
  sqlite: Database.Database;
  clock: Clock;
  context: () => Promise<BusinessContext>;
  settings: SettingsService;
  customers: CustomersService;
  exports: ExportsService;
  /** Interest and late charges claimed from the customer (the interest service). */
  interestClaims: (customerId: number) => Promise<InterestClaim[]>;
  /** Where dossiers are kept: the data folder's `handoffs/`. */
  folder: string;
  /** The data folder, where signed plan agreements are kept. */
  dataDir: string;
}): HandoffsService {
  const { db } = deps;

  const standing = (customerId: number) =>
    db
      .selectFrom('handoffs')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('taken_back_at', 'is', null)
      .executeTakeFirst();

  /** A name not used by another dossier: "Agency dossier 2027-03-15 - Ana Pereira.zip". */
  async function freshFileName(today: string, customerName: string): Promise<string> {
    const used = new Set(
      (await db.selectFrom('handoffs').select('file_name').execute()).map((r) => r.file_name),
    );
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = safeFileName(`Agency dossier ${today} - ${customerName}${suffix}`, 'zip');
      if (!used.has(name)) return name;
    }
  }

  return {
    async create(input) {
      const customer = await requireCustomer(db, input.customerId);
      const already = await standing(customer.id);
      if (already) {
        throw new AppError(
          'conflict',
          `${customer.name} was already handed over on ${already.handed_over_at.slice(0, 10)}. Take them back first to make a new dossier.`,
          'customerId',
        );
      }
      if (input.itemId !== undefined) {
        const item = await db
          .selectFrom('reminder_items')
          .select(['customer_id', 'step', 'status'])
          .where('id', '=', input.itemId)
          .executeTakeFirst();
        if (!item) {
          throw new AppError('not_found', `There is no queue item ${input.itemId}.`, 'itemId');
        }
        if (item.customer_id !== customer.id) {
          throw new AppError('invalid_input', 'That queue item is for another customer.', 'itemId');
        }
        if (item.step !== 'agency') {
          throw new AppError(
            'invalid_input',
            'That queue item is not the agency decision.',
            'itemId',
          );
        }
        if (item.status !== 'open') {
          throw new AppError('conflict', 'That decision has already been taken.', 'itemId');
        }
      }

      // Everything read and made before the transaction (one connection: see business-day.ts).
      const [{ today, locale }, settings] = await Promise.all([
        deps.context(),
        deps.settings.get(),
      ]);
      const now = deps.clock.now();
      const data = await readDossierData(
        { db, sqlite: deps.sqlite },
        customer.id,
        dossierInterest(await deps.interestClaims(customer.id)),
      );
      const signedCopies = await readSignedCopies(deps.dataDir, data);
      const agency = input.agency ?? '';
      const note = input.note ?? '';
      const { renderDossierPdf } = await loadRenderer();
      const pdf = await renderDossierPdf({
        business: settings,
        data,
        balances: balancesOf(data, today),
        agency,
        note,
        locale: customer.locale ?? locale,
        today,
        now,
      });
      const timeline = await deps.exports.csvText('timeline', { customerId: customer.id });
      const zip = await zipFiles(
        [
          { name: safeFileName(`Dossier - ${customer.name}`, 'pdf'), content: pdf },
          ...dossierCsvFiles(data, timeline).map(([name, content]) => ({ name, content })),
          ...signedCopies,
        ],
        now,
      );
      const fileName = await freshFileName(today, customer.name);
      await mkdir(deps.folder, { recursive: true });
      // Written aside first and named only once the handoff is recorded: a failure or a crash
      // in between leaves no dossier that the ledger does not know of.
      const pending = join(deps.folder, `.pending-${randomUUID()}.zip`);
      await writeFile(pending, zip);
      let row: Selectable<HandoffsTable>;
      try {
        row = await db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('handoffs')
            .values({
              customer_id: customer.id,
              agency,
              note,
              item_id: input.itemId ?? null,
              handed_over_at: now.toISOString(),
              file_name: fileName,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          // The +90 decision is taken: it leaves the Today queue.
          await trx
            .updateTable('reminder_items')
            .set({
              status: 'done',
              acted_at: now.toISOString(),
              act_note: `Handed over${agency ? ` to ${agency}` : ''}.`,
            })
            .where('customer_id', '=', customer.id)
            .where('step', '=', 'agency')
            .where('status', '=', 'open')
            .execute();
          const who = agency || 'a collection agency';
          await appendEvent(trx, {
            occurredAt: now,
            kind: 'handoffs.handed_over',
            summary: `Handed over to ${who}: chasing has stopped. The dossier is ${fileName}.`,
            details: {
              handoffId: inserted.id,
              agency,
              note,
              itemId: input.itemId ?? null,
              fileName,
              balances: balancesOf(data, today),
            },
            customerId: customer.id,
          });
          return inserted;
        });
      } catch (error) {
        await rm(pending, { force: true });
        // Two clicks at once: the index lets only one handoff stand.
        if (/UNIQUE constraint failed: handoffs\.customer_id/.test(String(error))) {
          throw new AppError('conflict', `${customer.name} was already handed over.`, 'customerId');
        }
        throw error;
      }
      await rename(pending, join(deps.folder, fileName));
      return {
        handoff: handoffFromRow(row),
        dossier: { fileName, contentBase64: zip.toString('base64') },
      };
    },

    async takeBack({ customerId, reason }) {
      const customer = await requireCustomer(db, customerId);
      const row = await standing(customer.id);
      if (!row) {
        throw new AppError(
          'not_found',
          `${customer.name} is not handed over to an agency.`,
          'customerId',
        );
      }
      const now = deps.clock.now();
      const updated = await db.transaction().execute(async (trx) => {
        const changed = await trx
          .updateTable('handoffs')
          .set({ taken_back_at: now.toISOString(), taken_back_reason: reason })
          .where('id', '=', row.id)
          .where('taken_back_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!changed) throw new AppError('conflict', 'It was taken back already.', 'customerId');
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'handoffs.taken_back',
          summary: `Taken back from ${row.agency || 'the agency'}: chasing starts again where it stopped (${reason}).`,
          details: { handoffId: row.id, reason },
          customerId: customer.id,
        });
        return changed;
      });
      return handoffFromRow(updated);
    },

    async list({ customerId }) {
      await requireCustomer(db, customerId);
      const rows = await db
        .selectFrom('handoffs')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('handed_over_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(handoffFromRow);
    },

    async dossier(id) {
      const row = await db
        .selectFrom('handoffs')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', `There is no handoff ${id}.`, 'id');
      try {
        const content = await readFile(join(deps.folder, row.file_name));
        return { fileName: row.file_name, contentBase64: content.toString('base64') };
      } catch {
        throw new AppError(
          'not_found',
          `The dossier ${row.file_name} is no longer in the data folder.`,
          'id',
        );
      }
    },
  };
}
