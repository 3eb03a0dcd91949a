/**
 * Gathers each customer's situation for the policy from the ledger, in bulk: a handful of
 * queries for any number of customers, then grouping in memory by customer.
 */
import type { Kysely } from 'kysely';
import { addDays, calendarDateIn, type CalendarDate } from '../../shared/dates';
import type { Ladder, StepKey } from '../../shared/reminders/ladder';
import { ladderStepKeys } from '../../shared/reminders/ladder';
import type {
  CustomerSituation,
  SituationContact,
  SituationInvoice,
  SituationPromise,
  TakenStep,
} from '../../shared/reminders/situation';
import {
  contactFacts,
  customerFacts,
  episodeFacts,
  itemFacts,
  lastDisputeResolved,
  openDisputeFacts,
  openInvoiceFacts,
  paidLateCustomers,
  paidSince,
  planFacts,
  promiseFacts,
  type ItemFacts,
} from '../db/reminders.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import { planStepsTaken, plansForSteps } from '../plans/plan-facts';
import type { Plan } from '../../shared/api/plans';

export interface SituationContext {
  today: CalendarDate;
  now: Date;
  businessTimeZone: string;
  businessLadder: Ladder;
}

export interface LoadedSituation {
  situation: CustomerSituation;
  /** The open episode, if one is open. */
  openEpisode: { number: number; startedOn: CalendarDate } | null;
  lastEpisodeNumber: number;
  /** Every item of the customer in the current episode (open and acted). */
  items: ItemFacts[];
  /** Live payment plans, and those completed lately (their thank-you may still be due). */
  plans: Plan[];
  /** Plan steps already acted on, as `step|ref`. */
  planStepsTaken: Set<string>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const id = key(row);
    const list = map.get(id);
    if (list) list.push(row);
    else map.set(id, [row]);
  }
  return map;
}

const ladderKeys = new Set<string>(ladderStepKeys);

export async function loadSituations(
  db: Kysely<DB>,
  ids: readonly number[] | 'all',
  context: SituationContext,
): Promise<Map<number, LoadedSituation>> {
  const weekAgo = new Date(context.now.getTime() - 8 * 86_400_000).toISOString();
  const [customers, invoices, disputes, resolved, episodes, items, contacts, plans] =
    await Promise.all([
      customerFacts(db, ids),
      openInvoiceFacts(db, ids),
      openDisputeFacts(db, ids),
      lastDisputeResolved(db, ids),
      episodeFacts(db, ids),
      itemFacts(db, ids),
      contactFacts(db, ids, weekAgo),
      planFacts(db, ids),
    ]);
  // Promises closed within the last 120 days may still owe their "we noticed" step.
  const promises = await promiseFacts(db, ids, addDays(context.today, -120));
  const recentPlans = await plansForSteps(db, ids, context);
  const stepsTaken = await planStepsTaken(db, ids);

  const invoicesBy = groupBy(invoices, (row) => row.customer_id);
  // Late payment history matters only for the courtesy step: customers with nothing overdue
  // and something falling due within the month. Asking only about them keeps a tick cheap.
  const soon = addDays(context.today, 31);
  const courtesyCandidates = [...invoicesBy]
    .filter(
      ([, list]) =>
        list.every((invoice) => invoice.due_date >= context.today) &&
        list.some((invoice) => invoice.due_date <= soon),
    )
    .map(([customerId]) => customerId);
  const paidLate = await paidLateCustomers(db, courtesyCandidates);
  const disputesBy = groupBy(disputes, (row) => row.customer_id);
  const resolvedBy = new Map(resolved.map((row) => [row.customer_id, row.resolved_on]));
  const episodesBy = new Map(episodes.map((row) => [row.customer_id, row]));
  const itemsBy = groupBy(items, (row) => row.customer_id);
  const contactsBy = groupBy(contacts, (row) => row.customer_id);
  const promisesBy = groupBy(promises, (row) => row.customer_id);
  const inLivePlan = new Set(plans.held.map((row) => row.invoice_id));
  const planEndedBy = new Map(plans.ended.map((row) => [row.customer_id, row.ended_at]));

  const result = new Map<number, LoadedSituation>();
  const lastContactDay = new Map<number, CalendarDate>();
  for (const customer of customers) {
    const timeZone = customer.time_zone ?? context.businessTimeZone;
    const episodeRow = episodesBy.get(customer.id);
    const lastEpisodeNumber = episodeRow?.last_number ?? 0;
    const openNumber = episodeRow?.open_number ?? null;
    const openEpisode =
      openNumber === null
        ? null
        : { number: openNumber, startedOn: episodeRow?.open_started_on ?? context.today };
    const episode = openEpisode?.number ?? lastEpisodeNumber + 1;
    const customerItems = (itemsBy.get(customer.id) ?? []).filter(
      (item) => item.episode === episode || item.status === 'open',
    );
    const taken: TakenStep[] = customerItems
      .filter((item) => item.status !== 'open' && item.episode === episode)
      .map((item) => ({
        step: item.step as StepKey,
        ref: item.ref,
        on: calendarDateIn(new Date(item.acted_at ?? context.now), timeZone),
      }));

    const wholeCustomerDisputed = (disputesBy.get(customer.id) ?? []).some(
      (row) => row.invoice_id === null,
    );
    const disputedInvoices = new Set(
      (disputesBy.get(customer.id) ?? []).map((row) => row.invoice_id),
    );
    const situationInvoices: SituationInvoice[] = (invoicesBy.get(customer.id) ?? []).map(
      (row) => ({
        id: row.id,
        number: row.number,
        currency: row.currency,
        dueDate: row.due_date,
        open: minorFromSql(row.open),
        pause: row.chase_paused_until
          ? { reason: row.chase_pause_reason, until: row.chase_paused_until }
          : null,
        disputed: wholeCustomerDisputed || disputedInvoices.has(row.id),
        // A proposed or active plan: its own check-ins replace the ladder.
        inPlan: inLivePlan.has(row.id),
      }),
    );

    const contactRows = contactsBy.get(customer.id) ?? [];
    const contactsList: SituationContact[] = contactRows
      .filter((row) => row.channel !== 'last')
      .map((row) => ({
        at: new Date(row.occurred_at),
        channel: row.channel === 'call' ? ('call' as const) : ('message' as const),
      }))
      .filter((contact) => contact.at.getTime() <= context.now.getTime())
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    const last = contactRows.find((row) => row.channel === 'last');
    if (last && !contactsList.some((c) => c.at.toISOString() === last.occurred_at)) {
      const at = new Date(last.occurred_at);
      if (at.getTime() <= context.now.getTime()) contactsList.push({ at, channel: 'message' });
    }
    if (contactsList[0]) {
      lastContactDay.set(customer.id, calendarDateIn(contactsList[0].at, timeZone));
    }

    const promisesList: SituationPromise[] = (promisesBy.get(customer.id) ?? []).map((row) => ({
      id: row.id,
      date: row.date,
      amount: row.amount,
      currency: row.currency,
      paid: minorFromSql(row.paid),
      outcome: row.outcome,
    }));

    // Handed over to an agency: the ladder is theirs now, until the owner takes it back.
    const ladder =
      customer.reminders_mode === 'none' || customer.handed_over === 1
        ? null
        : customer.reminders_mode === 'custom' && customer.reminders_ladder
          ? (JSON.parse(customer.reminders_ladder) as Ladder)
          : context.businessLadder;

    const resuming = resumingAfterPause({
      today: context.today,
      // The last ladder step taken in the episode, else the episode's first day, else (the
      // ladder never started: a plan or a dispute may have held it from the start) the day
      // the oldest open invoice fell due, so a pause that ended since resumes from the first
      // step rather than jumping to the one its lateness would fit.
      lastStepDay:
        taken
          .filter((t) => ladderKeys.has(t.step))
          .map((t) => t.on)
          .sort()
          .at(-1) ??
        openEpisode?.startedOn ??
        situationInvoices
          .map((invoice) => invoice.dueDate)
          .sort()
          .at(0) ??
        null,
      disputeResolvedOn: resolvedBy.get(customer.id) ?? null,
      promisesClosedOn: (promisesBy.get(customer.id) ?? [])
        .filter((row) => row.outcome !== null && row.closed_on)
        .map((row) => row.closed_on!),
      planEndedOn: planEndedBy.has(customer.id)
        ? calendarDateIn(new Date(planEndedBy.get(customer.id)!), timeZone)
        : null,
      doNotContactUntil: customer.do_not_contact ? customer.do_not_contact_until : null,
      invoicePausesUntil: situationInvoices
        .map((invoice) => invoice.pause?.until)
        .filter((until): until is string => Boolean(until)),
    });

    result.set(customer.id, {
      situation: {
        customerId: customer.id,
        customerName: customer.name,
        kind: customer.kind,
        timeZone,
        ladder,
        doNotContact: customer.do_not_contact
          ? { reason: customer.do_not_contact_reason, until: customer.do_not_contact_until }
          : null,
        handedOver:
          customer.handed_over === 1 && customer.handed_over_at
            ? {
                agency: customer.handed_to ?? '',
                on: calendarDateIn(new Date(customer.handed_over_at), context.businessTimeZone),
              }
            : null,
        paidLateBefore: paidLate.has(customer.id),
        invoices: situationInvoices,
        episode,
        taken,
        contacts: contactsList,
        promises: promisesList,
        resumingAfterPause: resuming,
        paidSinceLastContact: [],
      },
      openEpisode,
      lastEpisodeNumber,
      items: customerItems,
      plans: recentPlans.filter((plan) => plan.customerId === customer.id),
      planStepsTaken: stepsTaken.get(customer.id) ?? new Set(),
    });
  }

  const since = [...lastContactDay].map(([customerId, from]) => ({ customerId, from }));
  for (const row of await paidSince(db, since)) {
    result.get(row.customer_id)?.situation.paidSinceLastContact.push({
      currency: row.currency,
      amount: minorFromSql(row.amount),
    });
  }
  return result;
}

/**
 * A pause that ended on or after the last step taken (and before today) means the ladder
 * resumes where it stopped. Null when nothing paused chasing since then.
 */
export function resumingAfterPause(facts: {
  today: CalendarDate;
  lastStepDay: CalendarDate | null;
  disputeResolvedOn: CalendarDate | null;
  promisesClosedOn: CalendarDate[];
  /** The day the customer's last payment plan was called off (or defaulted). */
  planEndedOn: CalendarDate | null;
  doNotContactUntil: CalendarDate | null;
  invoicePausesUntil: CalendarDate[];
}): { reason: string } | null {
  const { lastStepDay, today } = facts;
  if (lastStepDay === null) return null;
  const endedSince = (day: CalendarDate | null) => day !== null && day >= lastStepDay;
  if (endedSince(facts.disputeResolvedOn)) return { reason: 'the dispute' };
  if (facts.promisesClosedOn.some(endedSince)) return { reason: 'the promise to pay' };
  if (endedSince(facts.planEndedOn)) return { reason: 'the payment plan' };
  const over = (until: CalendarDate | null) => until !== null && until < today && endedSince(until);
  if (over(facts.doNotContactUntil)) return { reason: 'the do-not-contact period' };
  if (facts.invoicePausesUntil.some(over)) return { reason: 'the pause' };
  return null;
}
