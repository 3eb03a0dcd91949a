/**
 * Gathers what a letter says from the ledger: the customer, the business, the invoices it is
 * about with their open amounts today, payments since the last contact, and the promise,
 * dispute or plan the occasion speaks of. Nothing is typed in by hand.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DraftInput } from '../../shared/api/letters';
import { addDays, calendarDateIn, type CalendarDate } from '../../shared/dates';
import type { LetterData } from '../../shared/letters/letter-data';
import { defaultStatementPeriod } from '../../shared/statements/period';
import { termsInWords } from '../../shared/letters/terms-words';
import type { Settings } from '../../shared/settings';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import { claimsOf } from '../services/interest.service';
import { requireCustomer } from '../services/lookups';
import { planOfStep, readLetterPlan } from '../plans/plan-letters';
import { readStatement, type StatementRequest } from '../statements/statement-figures';

async function letterStatement(
  db: Kysely<DB>,
  request: StatementRequest,
  today: CalendarDate,
): Promise<LetterData['statement']> {
  const sections = await readStatement(db, request, today);
  return {
    from: request.from,
    to: request.to,
    sections: sections.map((s) => ({
      currency: s.currency,
      opening: s.opening,
      invoiced: s.invoiced,
      received: s.paid + s.credited + s.writtenOff - s.refunded,
      closing: s.closing,
      aging: s.aging,
    })),
  };
}

export async function letterDataFor(
  db: Kysely<DB>,
  input: DraftInput,
  context: { settings: Settings; now: Date },
): Promise<LetterData> {
  const { settings, now } = context;
  const customer = await requireCustomer(db, input.customerId);
  const today = calendarDateIn(now, settings.timeZone);

  let invoiceIds: number[] | null = null;
  let savedPlan: LetterData['plan'];
  if (input.itemId !== undefined) {
    const item = await db
      .selectFrom('reminder_items')
      .select(['customer_id', 'invoice_ids', 'step', 'ref'])
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('not_found', `There is no queue item ${input.itemId}.`, 'itemId');
    if (item.customer_id !== customer.id) {
      throw new AppError('invalid_input', 'That queue item is for another customer.', 'itemId');
    }
    invoiceIds = JSON.parse(item.invoice_ids) as number[];
    // A plan's step: the letter speaks of that plan, as saved.
    const about = await planOfStep(db, item);
    if (about) savedPlan = (await readLetterPlan(db, { ...about, step: item.step }, today))?.letter;
  }
  if (input.planId !== undefined && savedPlan === undefined) {
    const found = await readLetterPlan(
      db,
      { planId: input.planId, instalmentId: null, step: input.occasion },
      today,
    );
    if (!found || found.plan.customerId !== customer.id) {
      throw new AppError(
        'not_found',
        `There is no plan ${input.planId} for this customer.`,
        'planId',
      );
    }
    savedPlan = found.letter;
    if (invoiceIds === null) invoiceIds = found.plan.invoiceIds;
  }

  let dispute: LetterData['dispute'];
  if (input.occasion === 'dispute_ack' || input.disputeId !== undefined) {
    let query = db
      .selectFrom('disputes')
      .select(['id', 'reason'])
      .where('customer_id', '=', customer.id);
    query =
      input.disputeId !== undefined
        ? query.where('id', '=', input.disputeId)
        : query.orderBy('opened_on', 'desc').orderBy('id', 'desc');
    const row = await query.executeTakeFirst();
    if (!row && input.disputeId !== undefined) {
      throw new AppError(
        'not_found',
        `There is no dispute ${input.disputeId} for this customer.`,
        'disputeId',
      );
    }
    if (row) {
      dispute = { reason: row.reason };
      const linked = await db
        .selectFrom('dispute_invoices')
        .select('invoice_id')
        .where('dispute_id', '=', row.id)
        .execute();
      if (linked.length > 0 && invoiceIds === null) invoiceIds = linked.map((l) => l.invoice_id);
    }
  }

  let invoiceQuery = db
    .selectFrom('invoices')
    .select([
      'id',
      'number',
      'issue_date',
      'due_date',
      'currency',
      'total_amount',
      'settled_amount',
      'terms_kind',
      'terms_days',
    ])
    .where('customer_id', '=', customer.id)
    .where('voided_at', 'is', null)
    .where('is_draft', '=', 0)
    .whereRef('settled_amount', '<', 'total_amount');
  if (invoiceIds !== null) {
    invoiceQuery = invoiceQuery.where('id', 'in', invoiceIds.length ? invoiceIds : [-1]);
  }
  const invoices = await invoiceQuery.orderBy('due_date').orderBy('id').execute();

  const lastContact = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.max('occurred_at').as('at'))
    .where('customer_id', '=', customer.id)
    .where('occurred_at', '<=', now.toISOString())
    .executeTakeFirst();
  const since: CalendarDate = lastContact?.at
    ? calendarDateIn(new Date(lastContact.at), settings.timeZone)
    : addDays(today, -30);
  const payments = await db
    .selectFrom('payments')
    .select(['date', 'amount', 'currency', 'reference'])
    .where('customer_id', '=', customer.id)
    .where('date', '>=', since)
    .where('date', '<=', today)
    .orderBy('date')
    .execute();

  let promise: LetterData['promise'];
  if (input.occasion.startsWith('promise_') || input.promiseId !== undefined) {
    let query = db
      .selectFrom('promises')
      .select(['date', 'amount', 'currency'])
      .where('customer_id', '=', customer.id)
      .where('outcome', 'is not', 'cancelled');
    query =
      input.promiseId !== undefined
        ? query.where('id', '=', input.promiseId)
        : query.orderBy('made_on', 'desc').orderBy('id', 'desc');
    const row = await query.executeTakeFirst();
    if (!row && input.promiseId !== undefined) {
      throw new AppError(
        'not_found',
        `There is no promise ${input.promiseId} for this customer.`,
        'promiseId',
      );
    }
    if (row) promise = { date: row.date, amount: row.amount, currency: row.currency };
  }

  // Late charges still owed, with their workings; waivers made since the last contact.
  const claims = await claimsOf(db, customer.id);
  const waivers = await db
    .selectFrom('interest_waivers as w')
    .innerJoin('interest_claims as c', 'c.id', 'w.claim_id')
    .innerJoin('invoices as i', 'i.id', 'c.invoice_id')
    .innerJoin('invoices as ch', 'ch.id', 'c.charge_invoice_id')
    .select(['i.number', 'c.currency', 'w.amount', 'ch.total_amount', 'ch.settled_amount'])
    .where('c.customer_id', '=', customer.id)
    .where('w.created_at', '>', lastContact?.at ?? '')
    .where('w.created_at', '<=', now.toISOString())
    .orderBy('w.id')
    .execute();
  const lateCharges: LetterData['lateCharges'] =
    claims.length > 0 || waivers.length > 0
      ? {
          claims: claims.map((claim) => ({
            invoiceNumber: claim.invoiceNumber,
            currency: claim.currency,
            terms: claim.terms,
            lines: claim.lines,
            waived: claim.waived,
            open: claim.open,
          })),
          waivers: waivers.map((row) => ({
            invoiceNumber: row.number,
            currency: row.currency,
            amount: row.amount,
            whole: row.settled_amount >= row.total_amount,
          })),
        }
      : undefined;

  const statement =
    input.occasion === 'statement' || input.statement !== undefined
      ? await letterStatement(
          db,
          { customerId: customer.id, ...(input.statement ?? defaultStatementPeriod(today)) },
          today,
        )
      : undefined;

  const oldest = invoices[0];
  const plan = savedPlan
    ? savedPlan
    : input.plan
      ? {
          ...input.plan,
          total: input.plan.instalments.reduce((sum, i) => sum + i.amount, 0),
        }
      : undefined;
  return {
    locale: customer.locale ?? settings.locale,
    today,
    business: {
      name: settings.businessName,
      address: settings.address,
      email: settings.email,
      phone: settings.phone,
      paymentInstructions: settings.paymentInstructions,
    },
    customer: {
      name: customer.name,
      contactPerson: customer.contact_person,
      address: customer.address,
    },
    invoices: invoices.map((row) => ({
      number: row.number,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      currency: row.currency,
      total: row.total_amount,
      open: minorFromSql(row.total_amount - row.settled_amount),
    })),
    paymentsReceived: payments.map((row) => ({
      date: row.date,
      amount: row.amount,
      currency: row.currency,
      reference: row.reference,
    })),
    terms: oldest ? termsInWords({ kind: oldest.terms_kind, days: oldest.terms_days }) : undefined,
    promise,
    plan,
    dispute,
    agency: input.agency,
    lateCharges,
    statement,
    // A final notice names one real next step; unless told, the kindest true one.
    nextStep: input.nextStep ?? {
      text: 'ask a collection agency to recover it for me',
      date: addDays(today, 14),
    },
  };
}
