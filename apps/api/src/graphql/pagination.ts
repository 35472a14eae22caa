import { decodeCursor, type PageRequest } from '@accord/projections';
import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { bool, fieldsOf, int, list, nullable, of, text } from './object-type';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { InputValidationError } from './input-validation';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field({ nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

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
 * The Relay connection of `node` (`<Name>Connection` of `<Name>Edge`s), the shape every paged
 * list answers with.
 */
export function connectionOf<Node>(node: Type<Node>, name: string) {
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
