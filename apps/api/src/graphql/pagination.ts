import { decodeCursor, type Page, type PageRequest } from '@accord/projections';
import { type Type } from '@nestjs/common';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { bool, fieldsOf, int, list, nullable, of, text } from './object-type';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { field, inputOf, type InputField, optional, whole, withDefault } from './input-type';
import { InputValidationError } from './input-validation';

/** The arguments of a paged list, after its own. */
export const PAGE_FIELDS = {
  first: withDefault(whole('Page size, 1 to 100.', IsInt(), Min(1), Max(100)), 20),
  after: optional(field<string>(() => String, 'endCursor of the previous page.', IsString())),
};
@ArgsType()
export class PageArgs extends inputOf(PAGE_FIELDS, true) {}

/** The arguments `fields`, then those of a page. */
export const pageArgsOf = <S extends Record<string, InputField<unknown>>>(fields: S) =>
  inputOf({ ...fields, ...PAGE_FIELDS }, true);

/** A list's filter without the fields left out or null. */
type Clean<T> = { [K in keyof T]?: NonNullable<T[K]> };
export const clean = <T extends object>(filter: T | undefined | null): Clean<T> =>
  Object.fromEntries(
    Object.entries(filter ?? {}).filter(([, v]) => v !== undefined && v !== null),
  ) as Clean<T>;

export function toPageRequest(args: PageArgs): PageRequest {
  if (args.after === undefined || args.after === null) return { first: args.first };
  const after = decodeCursor(args.after);
  if (after === undefined) {
    throw new InputValidationError([
      {
        field: 'after',
        rule: 'isCursor',
        message: 'after must be an endCursor returned by this API',
      },
    ]);
  }
  return { first: args.first, after };
}

@ObjectType()
export class PageInfo extends fieldsOf()({ hasNextPage: bool(), endCursor: nullable(text()) }) {}

/**
 * The Relay connection of `node` (`<Node>Connection` of `<Node>Edge`s, named after its class),
 * the shape every paged list answers with.
 */
export function connectionOf<Node>(node: Type<Node>): Type<Page<Node>> {
  const { name } = node;
  @ObjectType(`${name}Edge`)
  class Edge extends fieldsOf()({ cursor: text(), node: of(node) }) {}

  @ObjectType(`${name}Connection`)
  class Connection extends fieldsOf()({
    edges: list(Edge),
    pageInfo: of(PageInfo),
    totalCount: int(),
  }) {}
  return Connection;
}
