/**
 * The waiver form's reading of the amount typed: a decimal string straight to minor units
 * (never a float), checked against what is left of the claim, with a sentence for the field.
 */
import { minorToDecimalString, parseAmount, type Minor } from '../../../shared/money';
import { amountProblem } from '../../components/amount-messages';

export type WaiverAmount =
  { ok: true; amount: Minor; left: Minor } | { ok: false; problem: string };

/** What the field starts with: all that is left, as the owner would type it. */
export function allLeft(claim: { open: Minor; currency: string }): string {
  return minorToDecimalString(claim.open, claim.currency);
}

export function readWaiverAmount(
  text: string,
  claim: { open: Minor; currency: string },
  formatMoney: (amount: Minor) => string,
): WaiverAmount {
  const parsed = parseAmount(text, claim.currency);
  if (!parsed.ok) return { ok: false, problem: amountProblem(parsed.reason, claim.currency) };
  if (parsed.minor <= 0) return { ok: false, problem: 'Please waive more than nothing.' };
  if (parsed.minor > claim.open) {
    return {
      ok: false,
      problem: `That is more than the ${formatMoney(claim.open)} left of this charge.`,
    };
  }
  return { ok: true, amount: parsed.minor, left: claim.open - parsed.minor };
}
