/**
 * A customer's statement for a period, per currency: what was owed before it (the opening
 * balance), every invoice, payment, credit note, write-off and refund dated in it with the
 * running balance, what is owed at its end (the closing balance), and how late the open
 * invoices are on that day. Pure arithmetic over the ledger's rows, so the figures can be
 * checked by hand: closing = opening + invoiced − paid − credited − written off + refunded.
 */
import type { AgingBucket, BucketAmounts } from '../aging';
import type { CalendarDate } from '../dates';
import type { Minor } from '../money';

export type StatementEntryKind = 'invoice' | 'payment' | 'credit_note' | 'write_off' | 'refund';

/** One ledger row that moves the balance. */
export interface StatementMovement {
  kind: StatementEntryKind;
  date: CalendarDate;
  currency: string;
  /** Always positive; the kind says which way it moves the balance. */
  amount: Minor;
  /** Invoice number, payment reference, or the invoice a credit or write-off is against. */
  reference: string;
  /** Due date for invoices; the reason or method otherwise. */
  detail: string;
}

export interface StatementLine extends StatementMovement {
  /** Signed: more owed is positive, less owed negative. */
  change: Minor;
  balance: Minor;
}

/** An open invoice on the closing date, for the aging. */
export interface StatementOpenInvoice {
  currency: string;
  bucket: AgingBucket;
  open: Minor;
}

export interface CurrencyStatement {
  currency: string;
  opening: Minor;
  lines: StatementLine[];
  invoiced: Minor;
  paid: Minor;
  credited: Minor;
  writtenOff: Minor;
  refunded: Minor;
  closing: Minor;
  /** Open invoices on the closing date by how late they are. */
  aging: BucketAmounts & { total: Minor };
  /** Paid but not yet matched to an invoice on the closing date (closing − aging total). */
  unapplied: Minor;
}

const direction: Record<StatementEntryKind, 1 | -1> = {
  invoice: 1,
  refund: 1,
  payment: -1,
  credit_note: -1,
  write_off: -1,
};

// On one day, what was billed comes before what was paid against it.
const kindOrder: Record<StatementEntryKind, number> = {
  invoice: 0,
  refund: 1,
  payment: 2,
  credit_note: 3,
  write_off: 4,
};

/**
 * The statement of `from`..`to` (inclusive), one section per currency that has a balance or a
 * movement, in alphabetical order. Movements after `to` are ignored.
 */
export function buildStatement(
  movements: readonly StatementMovement[],
  openOnClosingDate: readonly StatementOpenInvoice[],
  period: { from: CalendarDate; to: CalendarDate },
): CurrencyStatement[] {
  const currencies = new Set([
    ...movements.filter((m) => m.date <= period.to).map((m) => m.currency),
    ...openOnClosingDate.map((o) => o.currency),
  ]);
  const sections: CurrencyStatement[] = [];
  for (const currency of [...currencies].sort()) {
    const mine = movements.filter((m) => m.currency === currency && m.date <= period.to);
    const opening = mine
      .filter((m) => m.date < period.from)
      .reduce((sum, m) => sum + direction[m.kind] * m.amount, 0);
    const inPeriod = mine
      .filter((m) => m.date >= period.from)
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          kindOrder[a.kind] - kindOrder[b.kind] ||
          a.reference.localeCompare(b.reference),
      );
    let balance = opening;
    const lines = inPeriod.map((m): StatementLine => {
      const change = direction[m.kind] * m.amount;
      balance += change;
      return { ...m, change, balance };
    });
    const total = (kind: StatementEntryKind) =>
      inPeriod.filter((m) => m.kind === kind).reduce((sum, m) => sum + m.amount, 0);
    const aging = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, total: 0 };
    for (const invoice of openOnClosingDate.filter((o) => o.currency === currency)) {
      aging[invoice.bucket] += invoice.open;
      aging.total += invoice.open;
    }
    const section: CurrencyStatement = {
      currency,
      opening,
      lines,
      invoiced: total('invoice'),
      paid: total('payment'),
      credited: total('credit_note'),
      writtenOff: total('write_off'),
      refunded: total('refund'),
      closing: balance,
      aging,
      unapplied: aging.total - balance,
    };
    // A currency with nothing before, in or after the period has no place on the statement.
    if (section.opening !== 0 || lines.length > 0 || section.closing !== 0 || aging.total !== 0) {
      sections.push(section);
    }
  }
  return sections;
}
