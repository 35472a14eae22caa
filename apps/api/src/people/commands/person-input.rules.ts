import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsNotEmpty, Matches, MaxLength } from 'class-validator';

/** Rules shared by the inputs that carry personal fields, each message naming its field. */
export const IsPersonName = () =>
  applyDecorators(
    IsNotEmpty({ message: 'name must not be empty' }),
    Matches(/\S/, { message: 'name must not be blank' }),
    MaxLength(200, { message: 'name must be at most 200 characters' }),
  );

export const IsContactEmail = () =>
  applyDecorators(
    IsEmail({}, { message: 'email must be an email address such as name@example.org' }),
    MaxLength(254, { message: 'email must be at most 254 characters' }),
  );

export const IsPhone = () =>
  applyDecorators(
    Matches(/^\+?[0-9][0-9 ().-]{2,30}$/, {
      message: 'phone must be digits, spaces, ".", "-" or brackets, optionally after a "+"',
    }),
  );
