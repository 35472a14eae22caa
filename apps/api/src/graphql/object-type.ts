import { type Type } from '@nestjs/common';
import {
  Field,
  type FieldMiddleware,
  Float,
  type GqlTypeReference,
  ID,
  Int,
  ObjectType,
  registerEnumType,
  type ReturnTypeFuncValue,
} from '@nestjs/graphql';
import { DateTimeScalar } from './date-time.scalar';
import { LocalDateScalar } from './local-date.scalar';

/**
 * One field of an object type: its GraphQL type, and (at compile time only) the values it can
 * serve. A field that serves `T` accepts any value assignable to `T`.
 */
export interface FieldSpec<T> {
  /** Undefined: a property resolvers use that the schema does not show. */
  readonly type?: () => ReturnTypeFuncValue;
  readonly nullable?: boolean;
  readonly description?: string;
  readonly serves?: (value: T) => void;
}

/** A field computed from the object (of type `S`) it is on, which need not hold it. */
type Computed<S> = { readonly compute: (source: S) => unknown };

type Served<S> = S extends FieldSpec<infer T> ? T : never;
/** An object type given as a class, or a field spec. */
type Of<T> = Type<T> | FieldSpec<T>;

const spec = <T>(type: () => ReturnTypeFuncValue, description?: string): FieldSpec<T> => ({
  type,
  description,
});
const toSpec = <T>(of: Of<T>, description?: string): FieldSpec<T> =>
  typeof of === 'function'
    ? spec(() => of, description)
    : { ...of, description: description ?? of.description };

export const id = (description?: string) => spec<string>(() => ID, description);
export const text = (description?: string) => spec<string>(() => String, description);
export const bool = (description?: string) => spec<boolean>(() => Boolean, description);
export const int = (description?: string) => spec<number>(() => Int, description);
export const float = (description?: string) => spec<number>(() => Float, description);
/** An integer as decimal text (String): a log position may not fit GraphQL's 32-bit Int. */
export const integerText = (description?: string) =>
  spec<number | string>(() => String, description);
/** An instant, ISO 8601 (DateTime). */
export const dateTime = (description?: string) => spec<string>(() => DateTimeScalar, description);
/** A calendar day, YYYY-MM-DD (LocalDate). */
export const localDate = (description?: string) => spec<string>(() => LocalDateScalar, description);
/** A registered enum; it serves the enum's members and their string values alike. */
export const enumOf = <E extends Record<string, string>>(values: E, description?: string) =>
  spec<E[keyof E] | `${E[keyof E]}`>(() => values, description);
/** A GraphQL enum of `values`, each member named in upper case: { IN_FORCE: 'in_force', … }. */
export function enumFrom<V extends string>(
  values: readonly V[],
  name: string,
  description?: string,
) {
  const members = Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
  registerEnumType(members, { name, description });
  return members as Record<Uppercase<V>, V>;
}
export const of = <T>(type: Type<T>, description?: string) => toSpec(type, description);
export const list = <T>(item: Of<T>, description?: string): FieldSpec<T[]> => {
  const { type } = toSpec(item);
  return spec(() => [type!() as GqlTypeReference], description);
};
export const nullable = <T>(field: Of<T>, description?: string): FieldSpec<T | null> => {
  const { type, description: own } = toSpec(field, description);
  return { type, description: own, nullable: true };
};
/** The field computed from the object it is on, say a view: the view need not hold it. */
export const computed = <S, T>(field: FieldSpec<T>, compute: (source: S) => T) => ({
  ...field,
  compute,
});
/** A property resolvers read (say, to resolve another field) that the schema does not show. */
export const hidden = <T>(): FieldSpec<T> => ({});

/** How a field a data-sharing agreement may withhold describes itself. */
export const CONFIDENTIAL =
  "Confidential: null, with the reason in extensions.redacted, unless a data-sharing agreement in force shares it with a role you hold, or it is your partner's.";

/**
 * Every key of the view `V`, declared with a field that serves its values; the other keys are
 * fields of their own (say, computed from the view).
 */
type FieldsOf<V> = { [K in keyof V]-?: FieldSpec<V[K]> | Computed<V> } & Record<
  string,
  FieldSpec<never> & Partial<Computed<V>>
>;
/** The instance: the view's own types where it has the key, else what the field serves. */
type Shape<V, S> = {
  [K in keyof S as S[K] extends Computed<never> ? never : K]: K extends keyof V
    ? V[K]
    : Served<S[K]>;
};

/**
 * The fields of an object type declared against the view `V` it serves, one line each:
 *
 *     @ObjectType({ description: '…' })
 *     export class Commitment extends fieldsOf<CommitmentView>()({ dueDate: localDate(), … }) {}
 *
 * Every key of `V` must be declared (`hidden()` for one the schema does not show) with a
 * GraphQL type its values fit, so the compiler ties the class to the view: resolvers may
 * return the view itself. The base class is abstract; the subclass is the GraphQL type.
 */
export const fieldsOf =
  <V = object>() =>
  <S extends FieldsOf<V>>(fields: S): Type<Shape<V, S>> => {
    @ObjectType({ isAbstract: true })
    class Fields {}
    for (const [key, field] of Object.entries(fields)) {
      const { type, nullable, description, compute } = field as FieldSpec<unknown> &
        Partial<Computed<never>>;
      const middleware: FieldMiddleware[] | undefined = compute && [
        ({ source }) => compute(source as never),
      ];
      if (type) Field(type, { nullable, description, middleware })(Fields.prototype, key);
    }
    return Fields as Type<Shape<V, S>>;
  };
