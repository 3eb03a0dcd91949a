/**
 * Where a plan stands, from its schedule, the payments that went to its invoices and what was
 * taken off them since the plan was made (credit notes, write-offs, early-payment discounts):
 * each instalment paid, partly paid, missed, still due, or no longer needed. Nothing here is
 * stored; the same facts always give the same answer.
 *
 * Payments fill the instalments oldest first, so paying early or paying more simply counts
 * towards the next ones. What is taken off the invoices comes off the LAST instalments,
 * working backwards: the customer's next payment stays the day and amount they agreed to, and
 * the plan simply ends sooner. The signed schedule (each instalment's amount and date) is
 * never rewritten; only what is still asked for, and so the balance after each, shrinks.
 */
import type { CalendarDate } from '../dates';
import type { Minor } from '../money';

/** `reduced`: nothing is asked for it any more; credits or write-offs took all of it. */
export type InstalmentStatus = 'due' | 'paid' | 'partly_paid' | 'missed' | 'reduced';

export interface ScheduledInstalment {
  id: number;
  /** 0 is the deposit. */
  number: number;
  due: CalendarDate;
  amount: Minor;
}

export interface PaymentToPlan {
  paymentId: number;
  date: CalendarDate;
  amount: Minor;
}

export interface InstalmentProgress extends ScheduledInstalment {
  /**
   * What is still owed once this is paid: as the agreement says, less what was taken off.
   * (The agreement PDF works its own balances out from the amounts; it is never rewritten.)
   */
  balanceAfter: Minor;
  status: InstalmentStatus;
  paid: Minor;
  paidOn: CalendarDate | null;
  /** Taken off this one by credit notes, write-offs or discounts (the last ones first). */
  reduced: Minor;
}

export interface PlanProgress {
  instalments: InstalmentProgress[];
  paid: Minor;
  /** Taken off what the plan asks for, never more than its total. */
  reduced: Minor;
  remaining: Minor;
  nextDue: { number: number; due: CalendarDate; amount: Minor } | null;
  missedCount: number;
  /** Nothing is left to ask for: it all came in, or what did not was taken off. */
  complete: boolean;
}

/** What is still asked for on one instalment. */
export const stillAsked = (i: Pick<InstalmentProgress, 'amount' | 'paid' | 'reduced'>): Minor =>
  i.amount - i.reduced - i.paid;

/**
 * Instalments in number order; payments in any order (they are taken by date, then id);
 * `reduced`: the sum taken off the plan's invoices while it ran.
 */
export function planProgress(
  instalments: readonly ScheduledInstalment[],
  payments: readonly PaymentToPlan[],
  today: CalendarDate,
  reduced: Minor = 0,
): PlanProgress {
  const total = instalments.reduce((sum, i) => sum + i.amount, 0);
  const takenOff = Math.min(total, Math.max(0, reduced));
  const asked = total - takenOff;
  const ordered = [...payments].sort(
    (a, b) => a.date.localeCompare(b.date) || a.paymentId - b.paymentId,
  );
  const paid = Math.min(
    asked,
    ordered.reduce((sum, p) => sum + p.amount, 0),
  );

  // From the last instalment backwards.
  const reductions = new Array<Minor>(instalments.length).fill(0);
  let toTake = takenOff;
  for (let i = instalments.length - 1; i >= 0 && toTake > 0; i--) {
    reductions[i] = Math.min(toTake, instalments[i]!.amount);
    toTake -= reductions[i]!;
  }

  // The day the running sum of payments first reached `amount`.
  let running = 0;
  const reached: { date: CalendarDate; upTo: Minor }[] = ordered.map((p) => {
    running += p.amount;
    return { date: p.date, upTo: running };
  });
  const dayReaching = (amount: Minor) => reached.find((r) => r.upTo >= amount)?.date ?? null;

  let left = paid;
  let askedSoFar = 0;
  let balance = asked;
  const rows = instalments.map((instalment, index): InstalmentProgress => {
    const cut = reductions[index]!;
    const owed = instalment.amount - cut;
    const towards = Math.min(left, owed);
    left -= towards;
    askedSoFar += owed;
    balance -= owed;
    const status: InstalmentStatus =
      owed === 0
        ? 'reduced'
        : towards === owed
          ? 'paid'
          : instalment.due < today
            ? 'missed'
            : towards > 0
              ? 'partly_paid'
              : 'due';
    return {
      ...instalment,
      balanceAfter: balance,
      status,
      paid: towards,
      paidOn: status === 'paid' ? dayReaching(askedSoFar) : null,
      reduced: cut,
    };
  });
  const next = rows.find((row) => row.status !== 'paid' && row.status !== 'reduced');
  return {
    instalments: rows,
    paid,
    reduced: takenOff,
    remaining: asked - paid,
    nextDue: next ? { number: next.number, due: next.due, amount: stillAsked(next) } : null,
    missedCount: rows.filter((row) => row.status === 'missed').length,
    complete: total > 0 && paid >= asked,
  };
}
