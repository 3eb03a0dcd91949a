/**
 * How a balance is split into instalments, exactly to the minor unit, and the sentence that
 * says where the remainder went (it is printed in the agreement, so both sides can check it).
 *
 * - A number of instalments: equal shares; when the balance does not divide exactly, the
 *   remainder goes one minor unit each to the FIRST instalments. The extra pennies are paid
 *   early rather than left to the end, so the last payment is never the larger one and a
 *   plan that stops early has paid off the awkward part.
 * - An amount per instalment: that amount each time, and the last one smaller: it clears
 *   what is left (the count is the balance divided by the amount, rounded up).
 * - A number of instalments in round amounts (multiples of `roundTo`): the largest round
 *   amount that fits, each time, and a final balloon that takes in the rest, so the last is
 *   never smaller than the others and exceeds them by less than `count × roundTo`.
 */
import { formatMoney, type Minor } from '../money';

export type InstalmentShape =
  { count: number; roundTo?: Minor | undefined } | { amount: Minor; roundTo?: undefined };

/** Where the remainder went, with what the sentence needs. */
export type RemainderRule =
  /** Every instalment the same. */
  | { kind: 'equal'; count: number; amount: Minor }
  /** The first `largerCount` instalments are one minor unit more than the rest. */
  | { kind: 'first_larger'; count: number; largerCount: number; larger: Minor; amount: Minor }
  /** A chosen amount each time; the last one smaller. */
  | { kind: 'last_smaller'; count: number; amount: Minor; last: Minor }
  /** Round amounts each time; the last one larger. */
  | { kind: 'last_balloon'; count: number; amount: Minor; last: Minor; roundTo: Minor };

export interface Split {
  amounts: Minor[];
  rule: RemainderRule;
}

/**
 * Splits `balance` (minor units, > 0) into instalments. The caller checks the shape first
 * (see `shapeProblem`); integer arithmetic only, so every currency is exact.
 */
export function splitBalance(balance: Minor, shape: InstalmentShape): Split {
  if ('amount' in shape) {
    const { amount } = shape;
    const count = paymentsAt(balance, amount);
    const rest = balance % amount;
    const last = rest > 0 ? rest : amount;
    const amounts = Array.from({ length: count }, (_, i) => (i === count - 1 ? last : amount));
    if (last === amount) return { amounts, rule: { kind: 'equal', count, amount } };
    return { amounts, rule: { kind: 'last_smaller', count, amount, last } };
  }
  const { count, roundTo } = shape;
  if (roundTo !== undefined && count > 1) {
    const block = count * roundTo;
    const amount = ((balance - (balance % block)) / block) * roundTo;
    const last = balance - amount * (count - 1);
    const amounts = Array.from({ length: count }, (_, i) => (i === count - 1 ? last : amount));
    if (last === amount) return { amounts, rule: { kind: 'equal', count, amount } };
    return { amounts, rule: { kind: 'last_balloon', count, amount, last, roundTo } };
  }
  const largerCount = balance % count;
  const amount = (balance - largerCount) / count;
  const amounts = Array.from({ length: count }, (_, i) => (i < largerCount ? amount + 1 : amount));
  if (largerCount === 0) return { amounts, rule: { kind: 'equal', count, amount } };
  return {
    amounts,
    rule: { kind: 'first_larger', count, largerCount, larger: amount + 1, amount },
  };
}

/** How many payments of `amount` clear `balance`: the quotient rounded up, in integers. */
export function paymentsAt(balance: Minor, amount: Minor): number {
  const rest = balance % amount;
  return (balance - rest) / amount + (rest > 0 ? 1 : 0);
}

/** Why the shape cannot split this balance, as field and message; null when it can. */
export function shapeProblem(
  balance: Minor,
  shape: InstalmentShape,
  maxCount: number,
  money: (amount: Minor) => string,
): { field: 'count' | 'amount' | 'roundTo'; message: string } | null {
  if ('amount' in shape) {
    const count = paymentsAt(balance, shape.amount);
    if (count > maxCount) {
      return {
        field: 'amount',
        message: `At ${money(shape.amount)} a payment, ${money(balance)} would take ${count.toLocaleString('en')} payments; a plan has at most ${maxCount}. Please choose a larger amount.`,
      };
    }
    return null;
  }
  const { count, roundTo } = shape;
  if (count > balance) {
    return {
      field: 'count',
      message: `${money(balance)} cannot be split into ${count} payments of at least ${money(1)}; at most ${balance} payments.`,
    };
  }
  if (roundTo !== undefined && count > 1 && balance < count * roundTo) {
    return {
      field: 'roundTo',
      message: `Round amounts of ${money(roundTo)} do not fit ${count} payments of ${money(balance)} in all. Please choose a smaller round amount or fewer payments.`,
    };
  }
  return null;
}

const counted = (count: number) => (count === 1 ? 'one payment' : `${count} payments`);

/** The rule as a plain sentence for the agreement: where the remainder goes, in this plan. */
export function remainderSentence(
  rule: RemainderRule,
  balance: Minor,
  currency: string,
  locale: string,
): string {
  const money = (amount: Minor) => formatMoney(amount, currency, locale);
  switch (rule.kind) {
    case 'equal':
      return rule.count === 1
        ? `One payment of ${money(rule.amount)} clears the balance.`
        : `The ${rule.count} payments are equal: ${money(rule.amount)} each.`;
    case 'first_larger': {
      const first = rule.largerCount === 1 ? 'the first is' : `the first ${rule.largerCount} are`;
      const rest = rule.count - rule.largerCount;
      const others = rest === 1 ? 'the last is' : `the other ${rest} are`;
      return `${money(balance)} does not split exactly into ${rule.count} payments, so ${first} ${money(rule.larger)} and ${others} ${money(rule.amount)}.`;
    }
    case 'last_smaller':
      return `Each payment is ${money(rule.amount)}, and the last, smaller one of ${money(rule.last)} clears the balance: ${counted(rule.count)} in all.`;
    case 'last_balloon':
      return `Each payment is a round ${money(rule.amount)}, and the last one of ${money(rule.last)} takes in what is left: ${counted(rule.count)} in all.`;
  }
}
