/** Why a typed amount could not be read, in words, for the field that holds it. */
import { minorUnitsOf } from '../../shared/currencies';
import type { AmountParseError } from '../../shared/money';

export function amountProblem(reason: AmountParseError, currency: string): string {
  switch (reason) {
    case 'empty':
      return 'Please enter an amount.';
    case 'not_a_number':
      return 'Please enter an amount like 125.50.';
    case 'too_many_decimals': {
      const places = minorUnitsOf(currency);
      return places === 0
        ? `${currency} amounts have no decimals.`
        : `${currency} amounts have at most ${places} decimals.`;
    }
    case 'too_large':
      return 'That amount is too large.';
  }
}
