import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';

/** Entity and partner ids: safe in a stream name and a URL. */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function IsEntityId(): PropertyDecorator {
  return applyDecorators(
    Matches(ENTITY_ID, {
      message:
        '$property must be 1-128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
    }),
  );
}
