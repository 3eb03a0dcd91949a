/**
 * Where a plan stands, from its schedule and the payments that went to its invoices: each
 * instalment paid, partly paid, missed or still due. Nothing here is stored; the same
 * payments always give the same answer. Payments fill the instalments oldest first, so paying
 * early or paying more simply counts towards the next ones.
 */
import type { CalendarDate } from '../dates';
import type { Minor } from '../money';

export type InstalmentStatus = 'due' | 'paid' | 'partly_paid' | 'missed';

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
  balanceAfter: Minor;
  status: InstalmentStatus;
  paid: Minor;
  paidOn: CalendarDate | null;
}

export interface PlanProgress {
  instalments: InstalmentProgress[];
  paid: Minor;
  remaining: Minor;
  nextDue: { number: number; due: CalendarDate; amount: Minor } | null;
  missedCount: number;
  /** Everything the schedule asks for has come in. */
  complete: boolean;
}

/** Instalments in number order; payments in any order (they are taken by date, then id). */
export function planProgress(
  instalments: readonly ScheduledInstalment[],
  payments: readonly PaymentToPlan[],
  today: CalendarDate,
): PlanProgress {
  const total = instalments.reduce((sum, i) => sum + i.amount, 0);
  const ordered = [...payments].sort(
    (a, b) => a.date.localeCompare(b.date) || a.paymentId - b.paymentId,
  );
  const paid = Math.min(
    total,
    ordered.reduce((sum, p) => sum + p.amount, 0),
  );

  // The day the running sum of payments first reached `amount`.
  let running = 0;
  const reached: { date: CalendarDate; upTo: Minor }[] = ordered.map((p) => {
    running += p.amount;
    return { date: p.date, upTo: running };
  });
  const dayReaching = (amount: Minor) => reached.find((r) => r.upTo >= amount)?.date ?? null;

  let left = paid;
  let scheduledSoFar = 0;
  let balance = total;
  const rows = instalments.map((instalment): InstalmentProgress => {
    const towards = Math.min(left, instalment.amount);
    left -= towards;
    scheduledSoFar += instalment.amount;
    balance -= instalment.amount;
    const status: InstalmentStatus =
      towards === instalment.amount
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
      paidOn: status === 'paid' ? dayReaching(scheduledSoFar) : null,
    };
  });
  const next = rows.find((row) => row.status !== 'paid');
  return {
    instalments: rows,
    paid,
    remaining: total - paid,
    nextDue: next ? { number: next.number, due: next.due, amount: next.amount - next.paid } : null,
    missedCount: rows.filter((row) => row.status === 'missed').length,
    complete: total > 0 && paid >= total,
  };
}
