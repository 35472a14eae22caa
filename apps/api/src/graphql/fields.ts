import { applyDecorators } from '@nestjs/common';
import { Field, type FieldOptions, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
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
