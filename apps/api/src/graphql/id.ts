import { applyDecorators } from '@nestjs/common';
import { ENTITY_ID } from '@accord/domain';
import { Matches } from 'class-validator';

export { ENTITY_ID };

export function IsEntityId(): PropertyDecorator {
  return applyDecorators(
    Matches(ENTITY_ID, {
      message:
        '$property must be 1-128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
    }),
  );
}
