import { type Type } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver, type ReturnTypeFuncValue } from '@nestjs/graphql';

/** One field resolved from the object it is on, its arguments (an @ArgsType) and the service. */
export interface ResolvedField<P, S, A> {
  type: () => ReturnTypeFuncValue;
  description?: string;
  nullable?: boolean;
  args?: Type<A>;
  resolve(of: P, args: A, service: S): unknown;
}

/**
 * A resolver of fields of `parent` that another area serves, as a class written out would be:
 *
 *     fieldResolvers(Initiative, MeetingQueries, {
 *       meetings: { type: () => MeetingConnection, args: PageArgs,
 *         resolve: (initiative, page, queries) => queries.list(initiative.initiativeId, page) },
 *     })
 *
 * `service` (injected by Nest) may be null when the fields need none.
 */
export function fieldResolvers<P, S, A extends Record<string, unknown>>(
  parent: Type<P>,
  service: Type<S> | null,
  fields: { [K in keyof A]: ResolvedField<P, S, A[K]> },
): Type<unknown> {
  @Resolver(() => parent)
  class FieldResolver {
    constructor(readonly service: S) {}
  }
  const names = Object.keys(fields).map((name) => name[0]!.toUpperCase() + name.slice(1));
  Object.defineProperty(FieldResolver, 'name', {
    value: `${parent.name}${names.join('')}Resolver`,
  });
  Reflect.defineMetadata('design:paramtypes', service ? [service] : [], FieldResolver);

  const prototype = FieldResolver.prototype as unknown as Record<string, unknown>;
  for (const [name, field] of Object.entries<ResolvedField<P, S, unknown>>(fields)) {
    prototype[name] = function (this: FieldResolver, of: P, args: unknown) {
      return field.resolve(of, args, this.service);
    };
    // What TypeScript would emit for a method written out: Nest reads the arguments' class here.
    Reflect.defineMetadata('design:paramtypes', [parent, field.args ?? Object], prototype, name);
    Parent()(prototype, name, 0);
    if (field.args) Args()(prototype, name, 1);
    const { type, description, nullable } = field;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    ResolveField(type, { description, nullable })(prototype, name, descriptor);
  }
  return FieldResolver;
}
