import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestListener,
} from '@apollo/server';
import {
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLError,
  type GraphQLNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

interface Walk {
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  schemaType: (name: string) => GraphQLNamedType | undefined;
}

/** A list field's page size as the operation will run it: a literal, a variable, or the default. */
function pageSize(args: Record<string, unknown>): number {
  const first = args.first ?? args.last;
  return typeof first === 'number' && first > 1 ? first : 1;
}

/** How many objects a selection can return when its parent is returned `times` times. */
function objects(
  set: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  times: number,
  walk: Walk,
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition
        ? walk.schemaType(selection.typeCondition.name.value)
        : parent;
      count += objects(selection.selectionSet, on, times, walk);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      const on = fragment && walk.schemaType(fragment.typeCondition.name.value);
      if (fragment) count += objects(fragment.selectionSet, on, times, walk);
    } else if (selection.selectionSet) {
      const field = isObjectType(parent) ? parent.getFields()[selection.name.value] : undefined;
      const args = field ? getArgumentValues(field, selection, walk.variables) : {};
      const returned = times * pageSize(args);
      const child = field ? getNamedType(field.type) : undefined;
      count += returned + objects(selection.selectionSet, child, returned, walk);
    }
  }
  return count;
}

/**
 * How many objects an operation can return, each page at the size it will run at (a literal,
 * a variable or the default). Lists without paging count as one object each.
 */
export function potentialObjects(
  context: GraphQLRequestContextDidResolveOperation<object>,
): number {
  const { document, operation, schema, request } = context;
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = schema.getRootType(operation.operation) ?? undefined;
  return objects(operation.selectionSet, root, 1, {
    fragments,
    variables: request.variables ?? {},
    schemaType: (name) => schema.getType(name) ?? undefined,
  });
}

/**
 * graphql-armor's cost limit counts a page size only where it is written in the query; this
 * bounds what pages of any size, given as variables or left to their default, can return,
 * before anything runs.
 */
export function objectLimit(maxObjects: number): ApolloServerPlugin<object> {
  return {
    requestDidStart(): Promise<GraphQLRequestListener<object>> {
      return Promise.resolve({
        didResolveOperation(context) {
          if (context.operation?.selectionSet.selections.some(isIntrospection))
            return Promise.resolve();
          const count = potentialObjects(context);
          if (count > maxObjects)
            throw new GraphQLError(
              `Query cost limit exceeded: it could return ${count} objects, more than ${maxObjects} (page sizes from variables and defaults included)`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
            );
          return Promise.resolve();
        },
      });
    },
  };
}

const isIntrospection = (selection: { kind: Kind; name?: { value: string } }) =>
  selection.kind === Kind.FIELD && selection.name?.value.startsWith('__') === true;
