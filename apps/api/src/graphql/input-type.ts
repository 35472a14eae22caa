import { applyDecorators, type Type } from '@nestjs/common';
import {
  ArgsType,
  Field,
  type FieldOptions,
  ID,
  InputType,
  Int,
  type ReturnTypeFuncValue,
} from '@nestjs/graphql';
import { Type as Nested } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsDay, IsDecimalString, IsEntityId, IsMeasuredDay } from './input-bounds';
import { LocalDateScalar } from './local-date.scalar';
import { IsText, type TextRules } from './text';

/**
 * One field of an input type: its GraphQL type and the rules its values must meet, and (at
 * compile time only) the values it holds.
 */
export interface InputField<T> {
  readonly type: () => ReturnTypeFuncValue;
  readonly nullable?: boolean;
  readonly description?: string;
  readonly defaultValue?: T;
  /** Checked as if written as decorators below @Field, in this order. */
  readonly rules: readonly PropertyDecorator[];
  readonly holds?: T;
}

/** A field of the GraphQL type given, held to `rules` (class-validator decorators). */
export const field = <T>(
  type: () => ReturnTypeFuncValue,
  description?: string,
  ...rules: PropertyDecorator[]
): InputField<T> => ({ type, description, rules });

/** An id as a query takes it, unchecked: one that names nothing finds nothing. */
export const anyId = (description?: string) => field<string>(() => ID, description, IsString());
export const entityId = (description?: string) =>
  field<string>(() => ID, description, IsEntityId());
/** Free text a person writes (see IsText): one line of at most `max` characters… */
export const line = (max: number, description?: string) => text({ max }, description);
/** …or prose, where line breaks and tabs are allowed. */
export const prose = (max: number, description?: string) =>
  text({ max, multiline: true }, description);
export const text = (rules: TextRules, description?: string) =>
  field<string>(() => String, description, IsText(rules));
/** A calendar day of an act of governance, or of measured data. */
export const day = (description?: string) =>
  field<string>(() => LocalDateScalar, description, IsDay());
export const measuredDay = (description?: string) =>
  field<string>(() => LocalDateScalar, description, IsMeasuredDay());
/** A decimal number as a string, never a float. */
export const decimal = (description: string) =>
  field<string>(() => String, description, IsDecimalString());
export const whole = (description?: string, ...rules: PropertyDecorator[]) =>
  field<number>(() => Int, description, ...rules);
export const member = <E extends Record<string, string>>(
  values: E,
  description?: string,
  message?: string,
) => field<`${E[keyof E]}`>(() => values, description, IsIn(Object.values(values), { message }));
/** Another input, whose own rules then apply. */
export const nested = <T>(type: Type<T>, description?: string) =>
  field<T>(
    () => type,
    description,
    ValidateNested(),
    Nested(() => type),
  );
/** A list of at most `max` other inputs, each checked by its own rules. */
export const nestedList = <T>(type: Type<T>, max: number, description?: string) =>
  field<T[]>(
    () => [type],
    description,
    IsArray(),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Nested(() => type),
  );
/** The field may be null or left out: its rules then do not apply. */
export const optional = <T>(
  field: InputField<T>,
  description = field.description,
): InputField<T | null | undefined> => ({ ...field, description, nullable: true });

export const withDefault = <T>(field: InputField<T>, defaultValue: T): InputField<T> => ({
  ...field,
  defaultValue,
});

type Held<F> = F extends InputField<infer T> ? T : never;
type OptionalKeys<S> = { [K in keyof S]: undefined extends Held<S[K]> ? K : never }[keyof S];
/** The instance: a key per field, optional where the field is. */
export type InputShape<S> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Held<S[K]> } & {
  [K in OptionalKeys<S>]?: Held<S[K]>;
};

/**
 * The fields of an input type (or, with `args`, of a field's arguments), one line each:
 *
 *     @InputType()
 *     export class CloseRiskInput extends inputOf({ riskId: entityId(), reason: prose(5_000) }) {}
 *
 * Each field gets @Field and, when optional, @IsOptional, then its rules; the instance type
 * follows from the fields. The base class is abstract; the subclass is the GraphQL type.
 */
export function inputOf<S extends Record<string, InputField<unknown>>>(
  fields: S,
  args = false,
): Type<InputShape<S>> {
  const defaults = Object.entries(fields).filter(([, field]) => 'defaultValue' in field);
  class Fields {
    constructor() {
      for (const [key, field] of defaults) Object.assign(this, { [key]: field.defaultValue });
    }
  }
  (args ? ArgsType() : InputType({ isAbstract: true }))(Fields);
  for (const [key, field] of Object.entries(fields)) {
    const { type, nullable, description, rules } = field;
    const options: FieldOptions = { nullable, description };
    if ('defaultValue' in field) options.defaultValue = field.defaultValue;
    const optional = nullable ? [IsOptional()] : [];
    const decorators = [Field(type, options), ...optional, ...rules];
    applyDecorators(...decorators.reverse())(Fields.prototype, key);
  }
  return Fields as Type<InputShape<S>>;
}
