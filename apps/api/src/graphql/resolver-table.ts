import { Injectable, type Type } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Context,
  Parent,
  Query,
  ResolveField,
  Resolver,
  type ReturnTypeFuncValue,
} from '@nestjs/graphql';
import type { AccordContext } from './accord-context';
import { found } from '../ledger/ledger.errors';
import { anyId, inputOf } from './input-type';

/** The instances Nest injects for a list of provider classes. */
type Instances<S> = { -readonly [K in keyof S]: S[K] extends Type<infer I> ? I : never };

interface Member<A> {
  type: () => ReturnTypeFuncValue;
  description?: string;
  nullable?: boolean;
  /** The arguments, an @ArgsType class. */
  args?: Type<A>;
}

/** One field resolved from the object it is on, its arguments and the services. */
export interface ResolvedField<P, S extends unknown[], A> extends Member<A> {
  resolve(of: P, args: A, ...services: S): unknown;
}

/** One query, resolved from its arguments, the request's context and the services. */
export interface ResolvedQuery<S extends unknown[], A> extends Member<A> {
  resolve(args: A, context: AccordContext, ...services: S): unknown;
}

/**
 * The class a resolver written out would be: each member a method with its parameters (the
 * object or the arguments first, then the arguments or the context), resolved by its row with
 * the services Nest injects.
 */
function resolverClass(
  parent: Type<unknown> | undefined,
  services: readonly Type<unknown>[],
  members: Record<string, Member<unknown> & { resolve(...params: unknown[]): unknown }>,
): Type<unknown> {
  class TableResolver {
    readonly services: unknown[];
    constructor(...services: unknown[]) {
      this.services = services;
    }
  }
  (parent ? Resolver(() => parent) : Resolver())(TableResolver);
  const names = Object.keys(members).map((name) => name[0]!.toUpperCase() + name.slice(1));
  Object.defineProperty(TableResolver, 'name', {
    value: `${parent?.name ?? 'Query'}${names.join('')}Resolver`,
  });
  Reflect.defineMetadata('design:paramtypes', services, TableResolver);

  const prototype = TableResolver.prototype as unknown as Record<string, unknown>;
  for (const [name, member] of Object.entries(members)) {
    prototype[name] = function (this: TableResolver, first: unknown, second: unknown) {
      return member.resolve(first, second, ...this.services);
    };
    const { type, description, nullable, args } = member;
    // What TypeScript would emit for a method written out: Nest reads the arguments' class here.
    const params = parent ? [parent, args ?? Object] : [args ?? Object, Object];
    Reflect.defineMetadata('design:paramtypes', params, prototype, name);
    if (parent) Parent()(prototype, name, 0);
    if (args) Args()(prototype, name, parent ? 1 : 0);
    if (!parent) Context()(prototype, name, 1);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    const decorate = parent ? ResolveField : Query;
    decorate(type, { description, nullable })(prototype, name, descriptor);
  }
  return TableResolver;
}

/**
 * A resolver of fields of `parent` (often served by another area), as a class written out would
 * be:
 *
 *     fieldResolvers(Initiative, [MeetingQueries], {
 *       meetings: { type: () => MeetingConnection, args: PageArgs,
 *         resolve: (initiative, page, queries) => queries.list(initiative.initiativeId, page) },
 *     })
 *
 * `services` (injected by Nest) come after the object and the arguments.
 */
export function fieldResolvers<
  P,
  const S extends readonly Type<unknown>[],
  A extends Record<string, unknown>,
>(
  parent: Type<P>,
  services: S,
  fields: { [K in keyof A]: ResolvedField<P, Instances<S>, A[K]> },
): Type<unknown> {
  return resolverClass(parent, services, fields);
}

/**
 * A resolver of queries, one row a query:
 *
 *     queriesOf([RiskQueries], {
 *       riskRegister: { type: () => RiskConnection, description: '…', args: RiskRegisterArgs,
 *         resolve: (args, context, queries) => queries.register(args) },
 *     })
 */
export function queriesOf<
  const S extends readonly Type<unknown>[],
  A extends Record<string, unknown>,
>(services: S, queries: { [K in keyof A]: ResolvedQuery<Instances<S>, A[K]> }): Type<unknown> {
  return resolverClass(undefined, services, queries);
}

@ArgsType()
export class IdArgs extends inputOf({ id: anyId() }, true) {}

/** What answers the query of one entity: NOT_FOUND when there is none with the id. */
interface ReadsById<T> {
  byId(id: string): Promise<T>;
}

/** The query of one entity by its id (`(id: ID!)`), read by the table's first service. */
export const byId = <T>(
  type: Type<T>,
  description: string,
): ResolvedQuery<[ReadsById<T>, ...unknown[]], IdArgs> => ({
  type: () => type,
  description,
  args: IdArgs,
  resolve: ({ id }, _, queries) => queries.byId(id),
});

/**
 * The query service of an area over its reader, whose byId answers the `entity` with that id
 * (NOT_FOUND when there is none): `class RiskQueries extends readerQueries(RiskRegisterReader,
 * 'risk') {}`.
 */
export function readerQueries<R extends { get(id: string): Promise<unknown> }>(
  Reader: Type<R>,
  entity: string,
) {
  type View = NonNullable<Awaited<ReturnType<R['get']>>>;
  @Injectable()
  class ReaderQueries {
    constructor(readonly reader: R) {}

    byId(id: string): Promise<View> {
      return found(entity, id, this.reader.get(id) as Promise<View | undefined>);
    }
  }
  Reflect.defineMetadata('design:paramtypes', [Reader], ReaderQueries);
  return ReaderQueries;
}
