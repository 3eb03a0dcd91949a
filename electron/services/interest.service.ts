/**
 * Late charges: computed from the ledger and the customer's late-payment terms (never
 * posted) until the owner claims them. A claim raises a separate invoice for the charge (due
 * on the day it is claimed) with its workings kept beside it, so aging, balances, payments and
 * letters treat it like any other amount owed and the ledger's invariants hold untouched. A
 * waiver is a credit note on that charge. Each change is one transaction with its event.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Clock } from '../../shared/dates';
import { formatCalendarDate } from '../../shared/date-format';
import {
  lateCharges,
  type ClaimedSoFar,
  type InvoiceCharges,
  type LateInvoice,
} from '../../shared/interest/charges';
import type { ClaimWorkings, InterestClaim, InterestPreview } from '../../shared/interest/claims';
import type { RateSource, ReferenceRate } from '../../shared/interest/rates';
import { isStatutory, statutoryAllowedFor } from '../../shared/interest/terms';
import { formatMoney } from '../../shared/money';
import { appendEvent } from '../db/events.repository';
import {
  addToSettled,
  findInvoiceByNumber,
  insertInvoice,
  reductionsOf,
} from '../db/invoices.repository';
import type { DB } from '../db/schema';
import { effectiveLateTerms } from '../db/terms.repository';
import { settlePlans } from '../plans/settle';
import type { BusinessContext } from './business-day';
import { requireCustomer } from './lookups';

export interface InterestService {
  rates(): Promise<ReferenceRate[]>;
  saveRate(input: ReferenceRate): Promise<ReferenceRate[]>;
  removeRate(input: { source: RateSource; effectiveFrom: string }): Promise<ReferenceRate[]>;
  preview(input: { customerId: number; asOf?: string | undefined }): Promise<InterestPreview>;
  claim(input: { customerId: number; invoiceIds?: number[] | undefined }): Promise<InterestClaim[]>;
  waive(input: {
    claimId: number;
    amount?: number | undefined;
    note?: string | undefined;
  }): Promise<InterestClaim>;
  /** Every claim for a customer with its workings: for letters and the agency dossier. */
  claims(customerId: number): Promise<InterestClaim[]>;
}

export async function readRates(db: Kysely<DB>): Promise<ReferenceRate[]> {
  const rows = await db
    .selectFrom('reference_rates')
    .select(['source', 'effective_from', 'rate_percent'])
    .orderBy('source')
    .orderBy('effective_from', 'desc')
    .execute();
  return rows.map((row) => ({
    source: row.source,
    effectiveFrom: row.effective_from,
    ratePercent: row.rate_percent,
  }));
}

/** The customer's claims with their workings, waivers and what is still owed on each. */
export async function claimsOf(
  db: Kysely<DB>,
  customerId: number,
  only?: readonly number[],
): Promise<InterestClaim[]> {
  let query = db
    .selectFrom('interest_claims as c')
    .innerJoin('invoices as i', 'i.id', 'c.invoice_id')
    .innerJoin('invoices as ch', 'ch.id', 'c.charge_invoice_id')
    .select([
      'c.id',
      'c.customer_id',
      'c.invoice_id',
      'i.number as invoice_number',
      'c.charge_invoice_id',
      'ch.number as charge_number',
      'ch.total_amount as charge_total',
      'ch.settled_amount as charge_settled',
      'c.currency',
      'c.amount',
      'c.interest_from',
      'c.interest_through',
      'c.workings',
      'c.claimed_on',
    ])
    .where('c.customer_id', '=', customerId);
  if (only) query = query.where('c.id', 'in', only.length ? [...only] : [-1]);
  const rows = await query.orderBy('c.claimed_on').orderBy('c.id').execute();
  const waivers = rows.length
    ? await db
        .selectFrom('interest_waivers')
        .select(['claim_id', 'amount', 'note', 'waived_on'])
        .where(
          'claim_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return rows.map((row) => {
    const workings = JSON.parse(row.workings) as ClaimWorkings;
    const mine = waivers.filter((w) => w.claim_id === row.id);
    return {
      id: row.id,
      customerId: row.customer_id,
      invoiceId: row.invoice_id,
      invoiceNumber: row.invoice_number,
      chargeInvoiceId: row.charge_invoice_id,
      chargeNumber: row.charge_number,
      currency: row.currency,
      amount: row.amount,
      waived: mine.reduce((sum, w) => sum + w.amount, 0),
      open: row.charge_total - row.charge_settled,
      claimedOn: row.claimed_on,
      interestFrom: row.interest_from,
      interestThrough: row.interest_through,
      terms: workings.terms,
      lines: workings.lines,
      waivers: mine.map((w) => ({ amount: w.amount, note: w.note, waivedOn: w.waived_on })),
    };
  });
}

/** Everything the pure rule needs about a customer's open invoices, read on `db` (or a trx). */
async function computeFor(db: Kysely<DB>, customerId: number, asOf: string, locale: string) {
  const customer = await requireCustomer(db, customerId);
  const terms = await effectiveLateTerms(db, customerId);
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'currency', 'due_date', 'total_amount'])
    .where('customer_id', '=', customerId)
    .where('voided_at', 'is', null)
    .where('is_draft', '=', 0)
    .whereRef('settled_amount', '<', 'total_amount')
    // Never compound: a charge already claimed earns nothing itself.
    .where('id', 'not in', db.selectFrom('interest_claims').select('charge_invoice_id'))
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  const openDisputes = await db
    .selectFrom('disputes')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('resolved_on', 'is', null)
    .execute();
  const links = openDisputes.length
    ? await db
        .selectFrom('dispute_invoices')
        .select(['dispute_id', 'invoice_id'])
        .where(
          'dispute_id',
          'in',
          openDisputes.map((d) => d.id),
        )
        .execute()
    : [];
  // A dispute over no invoice in particular covers the whole account.
  const wholeAccount = openDisputes.some((d) => !links.some((l) => l.dispute_id === d.id));
  const disputed = new Set(links.map((l) => l.invoice_id));
  const claimedRows = await db
    .selectFrom('interest_claims')
    .select([
      'invoice_id',
      (eb) => eb.fn.max('interest_through').as('through'),
      (eb) => eb.fn.max('one_off').as('one_off'),
    ])
    .where('customer_id', '=', customerId)
    .groupBy('invoice_id')
    .execute();
  const rates = await readRates(db);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const charges: InvoiceCharges[] = [];
  for (const row of invoices) {
    const reductions = await reductionsOf(db, row.id);
    const invoice: LateInvoice = {
      invoiceId: row.id,
      number: row.number,
      currency: row.currency,
      dueDate: row.due_date,
      total: row.total_amount,
      reductions: reductions.map((r) => ({ date: r.date, amount: r.amount })),
      disputed: wholeAccount || disputed.has(row.id),
    };
    const claimed = claimedRows.find((c) => c.invoice_id === row.id);
    const soFar: ClaimedSoFar = {
      interestThrough: (claimed?.through as string | null | undefined) ?? null,
      oneOffClaimed: Number(claimed?.one_off ?? 0) === 1,
    };
    charges.push(
      lateCharges(invoice, terms, soFar, { asOf, customerKind: customer.kind, rates, money }),
    );
  }
  return { customer, terms, charges };
}

function totalsOf(charges: readonly InvoiceCharges[]) {
  const totals = new Map<string, number>();
  for (const c of charges) {
    if (c.status === 'claimable') totals.set(c.currency, (totals.get(c.currency) ?? 0) + c.total);
  }
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/** A number for the charge no invoice has: "INV-0042-LATE", then "-LATE2"… */
async function chargeNumberFor(trx: Transaction<DB>, number: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = `${number}-LATE${n === 1 ? '' : n}`;
    if (!(await findInvoiceByNumber(trx, candidate))) return candidate;
  }
}

export function createInterestService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  context: () => Promise<BusinessContext>;
}): InterestService {
  const { db, clock } = deps;

  return {
    rates: () => readRates(db),

    async saveRate(input) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const before = await trx
          .selectFrom('reference_rates')
          .select('rate_percent')
          .where('source', '=', input.source)
          .where('effective_from', '=', input.effectiveFrom)
          .executeTakeFirst();
        if (before?.rate_percent === input.ratePercent) return;
        await trx
          .insertInto('reference_rates')
          .values({
            source: input.source,
            effective_from: input.effectiveFrom,
            rate_percent: input.ratePercent,
            created_at: now.toISOString(),
          })
          .onConflict((oc) =>
            oc
              .columns(['source', 'effective_from'])
              .doUpdateSet({ rate_percent: input.ratePercent }),
          )
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'interest.rate_saved',
          summary: `Reference rate ${input.source === 'boe_base' ? 'Bank of England base rate' : 'ECB main refinancing rate'} from ${input.effectiveFrom}: ${input.ratePercent}%.`,
          details: { ...input, before: before?.rate_percent ?? null },
        });
      });
      return readRates(db);
    },

    async removeRate(input) {
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('reference_rates')
          .where('source', '=', input.source)
          .where('effective_from', '=', input.effectiveFrom)
          .returning('rate_percent')
          .executeTakeFirst();
        if (!gone) {
          throw new AppError(
            'not_found',
            `There is no ${input.source} rate from ${input.effectiveFrom}.`,
            'effectiveFrom',
          );
        }
        await appendEvent(trx, {
          occurredAt: clock.now(),
          kind: 'interest.rate_removed',
          summary: `Reference rate from ${input.effectiveFrom} removed (${gone.rate_percent}%).`,
          details: { ...input, before: gone.rate_percent },
        });
      });
      return readRates(db);
    },

    async preview(input) {
      const { today, locale } = await deps.context();
      const asOf = input.asOf ?? today;
      const { customer, terms, charges } = await computeFor(db, input.customerId, asOf, locale);
      return {
        customerId: customer.id,
        customerKind: customer.kind,
        asOf,
        terms,
        invoices: charges,
        totals: totalsOf(charges),
      };
    },

    async claim(input) {
      const { today, locale } = await deps.context();
      const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
      const ids = await db.transaction().execute(async (trx) => {
        const { customer, terms, charges } = await computeFor(trx, input.customerId, today, locale);
        if (terms.kind === 'off') {
          throw new AppError(
            'conflict',
            `No late-payment charges are in ${customer.name}'s terms; switch them on first.`,
            'customerId',
          );
        }
        if (isStatutory(terms) && !statutoryAllowedFor(customer.kind)) {
          throw new AppError(
            'invalid_input',
            `${customer.name} is a consumer: statutory late-payment interest is only for business customers.`,
            'customerId',
          );
        }
        let chosen: InvoiceCharges[];
        if (input.invoiceIds) {
          chosen = [];
          for (const [index, invoiceId] of input.invoiceIds.entries()) {
            const field = `invoiceIds.${index}`;
            const found = charges.find((c) => c.invoiceId === invoiceId);
            if (!found) {
              const row = await trx
                .selectFrom('invoices')
                .select(['number', 'customer_id', 'total_amount', 'settled_amount', 'voided_at'])
                .where('id', '=', invoiceId)
                .executeTakeFirst();
              if (!row) throw new AppError('not_found', `There is no invoice ${invoiceId}.`, field);
              if (row.customer_id !== customer.id) {
                throw new AppError(
                  'invalid_input',
                  `Invoice ${row.number} belongs to another customer.`,
                  field,
                );
              }
              throw new AppError(
                'conflict',
                row.settled_amount >= row.total_amount && row.voided_at === null
                  ? `Invoice ${row.number} is paid; there is nothing to claim on it.`
                  : `Invoice ${row.number} has nothing open to claim on.`,
                field,
              );
            }
            if (found.status !== 'claimable') {
              throw new AppError(
                'conflict',
                found.reason || `Nothing can be claimed on invoice ${found.number} today.`,
                field,
              );
            }
            chosen.push(found);
          }
        } else {
          chosen = charges.filter((c) => c.status === 'claimable');
          if (chosen.length === 0) {
            throw new AppError(
              'conflict',
              `There is nothing to claim from ${customer.name} today.`,
              'customerId',
            );
          }
        }
        const now = clock.now();
        const made: number[] = [];
        for (const charge of chosen) {
          const number = await chargeNumberFor(trx, charge.number);
          const chargeInvoiceId = await insertInvoice(
            trx,
            {
              customer_id: customer.id,
              number,
              source: 'late_charge',
              issue_date: today,
              due_date: today,
              currency: charge.currency,
              terms_kind: 'on_receipt',
              terms_days: 0,
              notes: `Late-payment charges on invoice ${charge.number}, as the terms allow.`,
              net_amount: charge.total,
              tax_amount: 0,
              total_amount: charge.total,
              created_at: now.toISOString(),
              updated_at: now.toISOString(),
            },
            charge.lines.map((line) => ({
              description: line.description,
              quantity: '1',
              unit_price: line.amount,
              tax_rate: null,
              net_amount: line.amount,
              tax_amount: 0,
            })),
          );
          const interest = charge.lines.find((line) => line.kind === 'interest');
          const workings: ClaimWorkings = { terms, asOf: today, lines: charge.lines };
          const { id } = await trx
            .insertInto('interest_claims')
            .values({
              customer_id: customer.id,
              invoice_id: charge.invoiceId,
              charge_invoice_id: chargeInvoiceId,
              currency: charge.currency,
              amount: charge.total,
              interest_from: interest?.periods[0]?.from ?? null,
              interest_through: interest?.periods.at(-1)?.to ?? null,
              one_off: charge.lines.some((line) => line.kind !== 'interest') ? 1 : 0,
              workings: JSON.stringify(workings),
              claimed_on: today,
              created_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const period = interest
            ? `interest from ${formatCalendarDate(interest.periods[0]!.from, locale)} to ${formatCalendarDate(interest.periods.at(-1)!.to, locale)}`
            : '';
          await appendEvent(trx, {
            occurredAt: now,
            kind: 'interest.claimed',
            summary: `Late-payment charges of ${money(charge.total, charge.currency)} claimed on invoice ${charge.number}${period ? ` (${period})` : ''}, as ${number}.`,
            details: {
              claimId: id,
              invoiceId: charge.invoiceId,
              chargeInvoiceId,
              number,
              workings,
            },
            customerId: customer.id,
          });
          made.push(id);
        }
        return made;
      });
      return claimsOf(db, input.customerId, ids);
    },

    async waive(input) {
      const { today, locale } = await deps.context();
      const customerId = await db.transaction().execute(async (trx) => {
        const claim = await trx
          .selectFrom('interest_claims as c')
          .innerJoin('invoices as ch', 'ch.id', 'c.charge_invoice_id')
          .innerJoin('invoices as i', 'i.id', 'c.invoice_id')
          .select([
            'c.id',
            'c.customer_id',
            'c.amount',
            'c.currency',
            'c.charge_invoice_id',
            'ch.total_amount',
            'ch.settled_amount',
            'i.number',
          ])
          .where('c.id', '=', input.claimId)
          .executeTakeFirst();
        if (!claim) {
          throw new AppError('not_found', `There is no claim ${input.claimId}.`, 'claimId');
        }
        const waived = await trx
          .selectFrom('interest_waivers')
          .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
          .where('claim_id', '=', claim.id)
          .executeTakeFirstOrThrow();
        const left = Math.min(
          claim.amount - Number(waived.sum),
          claim.total_amount - claim.settled_amount,
        );
        const money = (amount: number) => formatMoney(amount, claim.currency, locale);
        if (left <= 0) {
          throw new AppError(
            'conflict',
            'Nothing is left of this claim to waive: it has been paid or waived already.',
            'claimId',
          );
        }
        const amount = input.amount ?? left;
        if (amount > left) {
          throw new AppError(
            'invalid_input',
            `You can waive at most ${money(left)}: that is what is left of this claim.`,
            'amount',
          );
        }
        const now = clock.now();
        const { id: creditNoteId } = await trx
          .insertInto('credit_notes')
          .values({
            invoice_id: claim.charge_invoice_id,
            date: today,
            amount,
            reason: 'Late-payment charges waived as a gesture',
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await addToSettled(trx, claim.charge_invoice_id, amount, now.toISOString());
        await trx
          .insertInto('interest_waivers')
          .values({
            claim_id: claim.id,
            credit_note_id: creditNoteId,
            amount,
            note: input.note ?? '',
            waived_on: today,
            created_at: now.toISOString(),
          })
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'interest.waived',
          summary: `${money(amount)} of the late-payment charges on invoice ${claim.number} waived as a gesture${amount === left ? '' : ` (${money(left - amount)} still claimed)`}.`,
          details: {
            claimId: claim.id,
            amount,
            creditNoteId,
            before: { left },
            note: input.note ?? '',
          },
          customerId: claim.customer_id,
        });
        // A charge invoice can be in a plan: waiving it lowers what the plan asks for.
        await settlePlans(trx, { customerId: claim.customer_id, now, today, locale });
        return claim.customer_id;
      });
      const [claim] = await claimsOf(db, customerId, [input.claimId]);
      return claim!;
    },

    async claims(customerId) {
      await requireCustomer(db, customerId);
      return claimsOf(db, customerId);
    },
  };
}
