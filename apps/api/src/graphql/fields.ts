import { applyDecorators, type Type as Class } from '@nestjs/common';
import { Field, type FieldOptions, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { IsEntityId } from './id';
import { IsText, type TextRules } from './text';

/** A nullable field may be left out: the rules then do not apply. */
const optionalIf = (options: FieldOptions): PropertyDecorator[] =>
  options.nullable ? [IsOptional()] : [];

/** An input field holding an entity or partner id. */
export const IdField = (options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    Field(() => ID, options),
    ...optionalIf(options),
    IsEntityId(),
  );

/** An input field holding free text a person writes (see IsText). */
export const TextField = (rules: TextRules, options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    Field(() => String, options),
    ...optionalIf(options),
    IsText(rules),
  );

/** An input field holding another input, whose own rules then apply. */
export const NestedField = (type: Class<unknown>, options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    Type(() => type),
    ValidateNested(),
    ...optionalIf(options),
    Field(() => type, options),
  );

/** An input field holding a list of at most `max` other inputs, each checked by its own rules. */
export const NestedListField = (
  type: Class<unknown>,
  max: number,
  options: FieldOptions = {},
): PropertyDecorator =>
  applyDecorators(
    Type(() => type),
    ValidateNested({ each: true }),
    ArrayMaxSize(max),
    IsArray(),
    Field(() => [type], options),
  );
