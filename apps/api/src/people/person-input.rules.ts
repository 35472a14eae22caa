import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { isEmail, Matches, MaxLength } from 'class-validator';
import { rule } from '../graphql/input-bounds';
import { IsText, normaliseText, textProblem } from '../graphql/text';

/** Rules shared by the inputs that carry personal fields, each message naming its field. */
export const IsPersonName = () => IsText({ max: 200 });

export const IsContactEmail = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => normaliseText(value)),
    // The address check decodes the text; ill-formed text would make it throw, not refuse.
    rule(
      'isEmail',
      (value) => typeof value === 'string' && textProblem(value) === null && isEmail(value),
      'email must be an email address such as name@example.org',
    ),
    MaxLength(254, { message: 'email must be at most 254 characters' }),
  );

export const IsPhone = () =>
  Matches(/^\+?[0-9][0-9 ().-]{2,30}$/, {
    message: 'phone must be digits, spaces, ".", "-" or brackets, optionally after a "+"',
  });
