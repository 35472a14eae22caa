import { ValidationPipe, type ValidationError } from '@nestjs/common';

export interface InvalidField {
  field: string;
  rule: string;
  message: string;
}

/** Bad input: every offending field with the rule it broke. Nothing was written. */
export class InputValidationError extends Error {
  constructor(readonly fields: readonly InvalidField[]) {
    super(fields.map((f) => `${f.field}: ${f.message} (${f.rule})`).join('; '));
    this.name = 'InputValidationError';
  }
}

function flatten(errors: readonly ValidationError[], parent = ''): InvalidField[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationError(flatten(errors)),
  });
}
