import { DomainError, type Money, parseMoney } from '@accord/domain';
import type { MoneyInput } from '../commitments/commitments.inputs';
import { InputValidationError } from '../graphql/input-validation';

/** A money input in integer minor units; a malformed amount or currency is bad input naming `field`. */
export function toMoney(input: MoneyInput, field: string): Money {
  try {
    return parseMoney(input.amount, input.currency, field);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new InputValidationError([
      { field: error.field ?? field, rule: error.code, message: error.message },
    ]);
  }
}
