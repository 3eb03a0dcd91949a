/**
 * Turns one customer's plan into stored queue items, inside the caller's transaction:
 * opens or closes the overdue episode, marks promises kept or broken, withdraws items the
 * policy no longer wants, refreshes the ones it still wants, and inserts new ones. Inserts go
 * through the unique key (customer, step, episode, ref) with ON CONFLICT DO NOTHING, so a
 * repeated, overlapping or crashed run can never make a second item for a step.
 */
import type { Transaction } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import { formatCalendarDate } from '../../shared/date-format';
import { formatMoney } from '../../shared/money';
import {
  describeStep,
  isPlanStep,
  stepNames,
  type Ladder,
  type StepKey,
} from '../../shared/reminders/ladder';
import { planSteps } from '../../shared/plans/steps';
import { planEpisode } from '../plans/plan-items';
import {
  planCustomer,
  promiseState,
  thankYouDue,
  type PolicyContext,
} from '../../shared/reminders/policy';
import { appendEvent } from '../db/events.repository';
import type { ItemFacts } from '../db/reminders.repository';
import type { DB } from '../db/schema';
import { summarise } from './item-summary';
import type { LoadedSituation } from './situations';
import type { CustomerSituation } from '../../shared/reminders/situation';

export interface ReconcileContext extends PolicyContext {
  now: Date;
}

interface WantedItem {
  step: StepKey;
  episode: number;
  ref: number;
  channel: string;
  autopilot: boolean;
  invoiceIds: number[];
  why: string[];
  skipped: string[];
  summary: string;
}

const keyOf = (item: { step: string; episode: number; ref: number }) =>
  `${item.step}|${item.episode}|${item.ref}`;

function stepLabel(step: StepKey, ladder: Ladder | null): string {
  const rung = ladder?.find((s) => s.key === step);
  return rung ? describeStep(rung) : stepNames[step];
}

function doNotContact(situation: CustomerSituation, today: CalendarDate): boolean {
  const dnc = situation.doNotContact;
  return dnc !== null && (dnc.until === null || dnc.until >= today);
}

/** Returns how many items were inserted and withdrawn. */
export async function reconcileCustomer(
  trx: Transaction<DB>,
  loaded: LoadedSituation,
  context: ReconcileContext,
): Promise<{ inserted: number; withdrawn: number }> {
  let situation = loaded.situation;
  const { today, now, locale } = context;
  const customerId = situation.customerId;
  const event = (kind: string, summary: string, details: Record<string, unknown>) =>
    appendEvent(trx, { occurredAt: now, kind, summary, details, customerId });
  const wanted: WantedItem[] = [];

  const overdue = situation.invoices.some((invoice) => invoice.dueDate < today);
  if (overdue && !loaded.openEpisode) {
    await trx
      .insertInto('reminder_episodes')
      .values({ customer_id: customerId, number: situation.episode, started_on: today })
      .execute();
    await event('reminders.episode_started', 'Something became overdue: chasing can begin.', {
      episode: situation.episode,
    });
  } else if (!overdue && loaded.openEpisode) {
    const episode = loaded.openEpisode.number;
    await trx
      .updateTable('reminder_episodes')
      .set({ ended_on: today })
      .where('customer_id', '=', customerId)
      .where('number', '=', episode)
      .execute();
    await event('reminders.episode_ended', 'Nothing is overdue any more: chasing has ended.', {
      episode,
    });
    if (situation.ladder && !doNotContact(situation, today) && thankYouDue(situation.taken)) {
      wanted.push({
        step: 'thank_you',
        episode,
        ref: 0,
        channel: 'email',
        autopilot: false,
        invoiceIds: [],
        why: ['The account was chased and is now settled: a warm thank-you.'],
        skipped: [],
        summary: JSON.stringify({
          ...summarise(situation, [], today),
          stepName: stepNames.thank_you,
        }),
      });
    }
    situation = { ...situation, episode: episode + 1, taken: [] };
  }

  // Promises are closed here, once, so the timeline says when one was kept or broken.
  for (const promise of situation.promises) {
    if (promise.outcome !== null) continue;
    const state = promiseState(promise, context);
    if (state !== 'kept' && state !== 'broken') continue;
    await trx
      .updateTable('promises')
      .set({ outcome: state, closed_on: today })
      .where('id', '=', promise.id)
      .execute();
    const amount = formatMoney(promise.amount, promise.currency, locale);
    const by = formatCalendarDate(promise.date, locale);
    await event(
      state === 'kept' ? 'promises.kept' : 'promises.broken',
      state === 'kept'
        ? `The promise to pay ${amount} by ${by} was kept.`
        : `The promise to pay ${amount} by ${by} was not kept.`,
      { promiseId: promise.id, paid: promise.paid },
    );
  }
  situation = {
    ...situation,
    promises: situation.promises.map((promise) => {
      const state = promise.outcome === null ? promiseState(promise, context) : null;
      return state === 'kept' || state === 'broken' ? { ...promise, outcome: state } : promise;
    }),
  };

  const plan = planCustomer(situation, context);
  if (plan.proposal.kind === 'step') {
    const proposal = plan.proposal;
    wanted.push({
      step: proposal.step,
      episode: proposal.episode,
      ref: proposal.ref,
      channel: proposal.channel,
      autopilot: proposal.autopilot,
      invoiceIds: proposal.invoiceIds,
      why: proposal.why,
      skipped: proposal.skipped,
      summary: JSON.stringify({
        ...summarise(situation, proposal.invoiceIds, today),
        stepName: stepLabel(proposal.step, situation.ladder),
      }),
    });
  }
  if (plan.promiseDue) {
    const due = plan.promiseDue;
    const invoiceIds = situation.invoices
      .filter((invoice) => invoice.currency === due.currency)
      .map((invoice) => invoice.id);
    wanted.push({
      step: 'promise_due',
      episode: situation.episode,
      ref: due.promiseId,
      channel: 'decision',
      autopilot: false,
      invoiceIds,
      why: due.why,
      skipped: [],
      summary: JSON.stringify({
        ...summarise(situation, invoiceIds, today, due),
        stepName: stepNames.promise_due,
      }),
    });
  }

  // The plans' own steps, in place of the ladder for their invoices (at most once each).
  const contactable = !doNotContact(situation, today);
  for (const plan of loaded.plans) {
    for (const step of planSteps(plan, loaded.planStepsTaken, { today, locale })) {
      if (!contactable && step.channel !== 'decision') continue;
      wanted.push({
        step: step.step,
        episode: planEpisode,
        ref: step.ref,
        channel: step.channel,
        autopilot: false,
        invoiceIds: plan.invoiceIds,
        why: step.why,
        skipped: [],
        summary: JSON.stringify({
          ...summarise(situation, plan.invoiceIds, today),
          stepName: stepNames[step.step],
        }),
      });
    }
  }
  // A completed plan says its own thank-you; the ladder's would say it twice.
  if (wanted.some((item) => item.step === 'plan_completed')) {
    const ladderThanks = wanted.findIndex((item) => item.step === 'thank_you');
    if (ladderThanks >= 0) wanted.splice(ladderThanks, 1);
  }

  const open = loaded.items.filter((item) => item.status === 'open');
  const wantedKeys = new Set(wanted.map(keyOf));
  let withdrawn = 0;
  for (const item of open) {
    // A thank-you waits for the owner even if the customer falls behind again, but not
    // through a do-not-contact.
    if (wantedKeys.has(keyOf(item))) continue;
    if (item.step === 'thank_you' && !doNotContact(situation, today)) continue;
    if (item.step === 'plan_completed' && !doNotContact(situation, today)) continue;
    const why = isPlanStep(item.step)
      ? ['the payment plan no longer asks for it.']
      : plan.proposal.why;
    await withdraw(trx, item, why, context);
    withdrawn += 1;
  }

  let inserted = 0;
  const openByKey = new Map(open.map((item) => [keyOf(item), item]));
  for (const item of wanted) {
    const existing = openByKey.get(keyOf(item));
    if (existing) {
      const why = JSON.stringify(item.why);
      const ids = JSON.stringify(item.invoiceIds);
      const autopilot = item.autopilot ? 1 : 0;
      // The owner may have changed the step's channel or autopilot since it was proposed.
      if (
        existing.why !== why ||
        existing.invoice_ids !== ids ||
        existing.summary !== item.summary ||
        existing.channel !== item.channel ||
        existing.autopilot !== autopilot
      ) {
        await trx
          .updateTable('reminder_items')
          .set({ why, invoice_ids: ids, summary: item.summary, channel: item.channel, autopilot })
          .where('id', '=', existing.id)
          .execute();
      }
      continue;
    }
    const result = await trx
      .insertInto('reminder_items')
      .values({
        customer_id: customerId,
        step: item.step,
        episode: item.episode,
        ref: item.ref,
        channel: item.channel,
        autopilot: item.autopilot ? 1 : 0,
        status: 'open',
        invoice_ids: JSON.stringify(item.invoiceIds),
        summary: item.summary,
        why: JSON.stringify(item.why),
        skipped_steps: JSON.stringify(item.skipped),
        proposed_on: today,
        proposed_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['customer_id', 'step', 'episode', 'ref']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    inserted += 1;
    const label = stepLabel(item.step, situation.ladder);
    await event(
      'reminders.proposed',
      item.step === 'promise_due'
        ? 'A promise to pay falls due: check whether it has come in.'
        : `Proposed the ${label}${item.skipped.length > 0 ? ` (skipped ${item.skipped.length} step${item.skipped.length > 1 ? 's' : ''} passed over)` : ''}.`,
      { step: item.step, episode: item.episode, ref: item.ref, invoiceIds: item.invoiceIds },
    );
  }
  return { inserted, withdrawn };
}

/** Takes an open item back out of the queue: nothing was done with it, so nothing is lost. */
async function withdraw(
  trx: Transaction<DB>,
  item: ItemFacts,
  why: readonly string[],
  context: { now: Date; today: CalendarDate },
): Promise<void> {
  await trx.deleteFrom('reminder_items').where('id', '=', item.id).execute();
  await appendEvent(trx, {
    occurredAt: context.now,
    kind: 'reminders.withdrawn',
    summary: `Withdrew the ${stepNames[item.step as StepKey] ?? item.step} from the queue: ${why[0] ?? 'it is no longer due'}`,
    details: { step: item.step, episode: item.episode, ref: item.ref, why },
    customerId: item.customer_id,
  });
}
