import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';

/** The same shape the domain accepts: a decimal string, never a float. */
export const DECIMAL_INPUT = /^-?\d{1,18}(\.\d{1,12})?$/;

export function IsDecimalString(): PropertyDecorator {
  return applyDecorators(
    Matches(DECIMAL_INPUT, {
      message: '$property must be a decimal number such as -3.5 or 72.25 (a string, not a float)',
    }),
  );
}
