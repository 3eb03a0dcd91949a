/**
 * Builds the Today queue: the stored open items, each judged ready or waiting right now,
 * plus a blocked row for each customer whose chasing a pause holds back, with its reason.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import { formatCalendarDate } from '../../shared/date-format';
import type { ReminderPolicy } from '../../shared/api/reminders';
import {
  describeStep,
  isPlanStep,
  stepNames,
  type LadderStepKey,
  type StepChannel,
  type StepKey,
} from '../../shared/reminders/ladder';
import { isAboutAnInstalment } from '../../shared/plans/steps';
import { planCustomer } from '../../shared/reminders/policy';
import { groupOf, type QueueItem } from '../../shared/reminders/queue';
import { readiness } from '../../shared/reminders/readiness';
import type { SituationContact } from '../../shared/reminders/situation';
import type { Settings } from '../../shared/settings';
import {
  contactFacts,
  livePlansOfInvoices,
  openItems,
  plansOfInstalments,
  possiblyPausedCustomers,
  type OpenItemRow,
} from '../db/reminders.repository';
import type { DB } from '../db/schema';
import type { ItemSummary } from './item-summary';
import { summarise } from './item-summary';
import { loadSituations } from './situations';

export interface QueueContext {
  now: Date;
  today: CalendarDate;
  settings: Settings;
  policy: ReminderPolicy;
}

export function stepTitle(step: StepKey, policy: ReminderPolicy): string {
  const rung = policy.ladder.find((s) => s.key === step);
  return rung ? describeStep(rung) : stepNames[step];
}

/** Contacts per customer, newest first, from one read of the recent ones and the last. */
async function contactsByCustomer(db: Kysely<DB>, now: Date) {
  const since = new Date(now.getTime() - 8 * 86_400_000).toISOString();
  const rows = await contactFacts(db, 'all', since);
  const map = new Map<number, SituationContact[]>();
  const seen = new Map<number, Set<string>>();
  for (const row of rows) {
    const at = new Date(row.occurred_at);
    // Messages approved for later count from when they go, not before.
    if (at.getTime() > now.getTime()) continue;
    const keys = seen.get(row.customer_id) ?? new Set<string>();
    seen.set(row.customer_id, keys);
    if (keys.has(row.occurred_at) && row.channel === 'last') continue;
    keys.add(row.occurred_at);
    const list = map.get(row.customer_id) ?? [];
    list.push({ at, channel: row.channel === 'call' ? 'call' : 'message' });
    map.set(row.customer_id, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.at.getTime() - a.at.getTime());
  return map;
}

export function toQueueItem(
  row: OpenItemRow,
  contacts: readonly SituationContact[],
  context: QueueContext,
): QueueItem {
  const { settings, policy, now, today } = context;
  const step = row.step as StepKey;
  const channel = row.channel as StepChannel;
  const summary = JSON.parse(row.summary) as ItemSummary;
  const why = JSON.parse(row.why) as string[];
  const snoozed = row.snoozed_until !== null && row.snoozed_until >= today;
  const check = readiness(
    { step, channel },
    { kind: row.kind, timeZone: row.time_zone ?? settings.timeZone, contacts },
    {
      now,
      today,
      window: settings.contactWindow,
      guardrails: policy.guardrails,
      locale: settings.locale,
    },
  );
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    step,
    stepName: summary.stepName ?? stepTitle(step, policy),
    group: groupOf(step, channel),
    channel,
    episode: row.episode,
    status: snoozed ? 'snoozed' : check.status,
    why: snoozed
      ? [...why, `Snoozed until ${formatCalendarDate(row.snoozed_until!, settings.locale)}.`]
      : [...why, ...check.why],
    readyAt: check.status === 'waiting' && check.readyAt ? check.readyAt.toISOString() : null,
    snoozedUntil: snoozed ? row.snoozed_until : null,
    autopilot: row.autopilot === 1,
    invoices: summary.invoices,
    invoiceCount: summary.invoiceCount,
    openTotals: summary.openTotals,
    skipped: JSON.parse(row.skipped_steps) as LadderStepKey[],
    promise: summary.promise,
  };
}

/**
 * The plan each of the rows' plan steps is about, by item id: a step's ref is the plan itself
 * or one of its payments (shared/plans/steps.ts), so the screen can link the row to its plan.
 */
async function plansOfSteps(
  db: Kysely<DB>,
  rows: readonly OpenItemRow[],
): Promise<Map<number, number>> {
  const planSteps = rows.filter((row) => isPlanStep(row.step));
  const instalmentIds = planSteps
    .filter((row) => isAboutAnInstalment(row.step))
    .map((row) => row.ref);
  const instalments = await plansOfInstalments(db, instalmentIds);
  const planOfInstalment = new Map(instalments.map((row) => [row.id, row.plan_id]));
  const plans = new Map<number, number>();
  for (const row of planSteps) {
    const planId = isAboutAnInstalment(row.step) ? planOfInstalment.get(row.ref) : row.ref;
    if (planId !== undefined) plans.set(row.id, planId);
  }
  return plans;
}

export async function buildQueue(db: Kysely<DB>, context: QueueContext): Promise<QueueItem[]> {
  const { now, today, settings, policy } = context;
  const [rows, contacts, pausedIds] = await Promise.all([
    openItems(db),
    contactsByCustomer(db, now),
    possiblyPausedCustomers(db, today),
  ]);
  const plans = await plansOfSteps(db, rows);
  const items = rows.map((row) => {
    const item = toQueueItem(row, contacts.get(row.customer_id) ?? [], context);
    const planId = plans.get(row.id);
    return planId === undefined ? item : { ...item, planId };
  });

  // A customer with any row already (a step, or the promise falling due that holds them) is
  // explained there; a blocked row is only for those the queue would otherwise not show.
  const withItems = new Set(rows.map((r) => r.customer_id));
  const paused = pausedIds.filter((id) => !withItems.has(id));
  if (paused.length > 0) {
    const situations = await loadSituations(db, paused, {
      today,
      now,
      businessTimeZone: settings.timeZone,
      businessLadder: policy.ladder,
    });
    const policyContext = {
      today,
      locale: settings.locale,
      promiseGraceDays: policy.guardrails.promiseGraceDays,
    };
    const pausedRows: { invoiceIds: number[]; item: QueueItem }[] = [];
    for (const { situation } of situations.values()) {
      const { proposal } = planCustomer(situation, policyContext);
      if (proposal.kind !== 'paused') continue;
      const summary = summarise(situation, proposal.invoiceIds, today);
      pausedRows.push({
        // Only a row held because its invoices are left out (a plan among the reasons) points
        // at a plan; do not contact or a promise is its own reason.
        invoiceIds: proposal.because === 'left_out' ? proposal.invoiceIds : [],
        item: {
          id: null,
          customerId: situation.customerId,
          customerName: situation.customerName,
          step: null,
          stepName: 'paused',
          group: 'send',
          channel: null,
          episode: situation.episode,
          status: 'blocked',
          why: proposal.why,
          readyAt: null,
          snoozedUntil: null,
          autopilot: false,
          invoices: summary.invoices,
          invoiceCount: summary.invoiceCount,
          openTotals: summary.openTotals,
          skipped: [],
          promise: null,
        },
      });
    }
    // A row paused by a plan links to it, as the plan's own steps do: the plan holding the
    // oldest of its invoices (they come oldest due first).
    const plansHolding = await livePlansOfInvoices(
      db,
      pausedRows.flatMap((row) => row.invoiceIds),
    );
    const planOf = new Map(plansHolding.map((row) => [row.invoice_id, row.plan_id]));
    for (const { invoiceIds, item } of pausedRows) {
      const planId = invoiceIds.map((id) => planOf.get(id)).find((id) => id !== undefined);
      items.push(planId === undefined ? item : { ...item, planId });
    }
  }
  const order = { ready: 0, waiting: 1, snoozed: 2, blocked: 3 } as const;
  const mostOverdue = (item: QueueItem) => item.invoices[0]?.daysOverdue ?? 0;
  return items.sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      mostOverdue(b) - mostOverdue(a) ||
      a.customerName.localeCompare(b.customerName) ||
      a.customerId - b.customerId,
  );
}
