import {
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Root fields an operation may ask for once: each costs a walk over stored events, so aliases
 * must not multiply it. Fields asked twice under one name are merged into one by GraphQL and
 * count once; each alias counts.
 */
export function oncePerOperation(fields: readonly string[]): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const keys = new Map<string, Set<string>>();
      const visit = (set: SelectionSetNode, fragments: ReadonlySet<string>) => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const name = selection.name.value;
            if (!fields.includes(name)) continue;
            const asked = keys.get(name) ?? new Set<string>();
            asked.add(selection.alias?.value ?? name);
            keys.set(name, asked);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            visit(selection.selectionSet, fragments);
          } else if (!fragments.has(selection.name.value)) {
            const fragment = context.getFragment(selection.name.value);
            if (fragment)
              visit(fragment.selectionSet, new Set([...fragments, selection.name.value]));
          }
        }
      };
      visit(operation.selectionSet, new Set());
      for (const [name, asked] of keys) {
        if (asked.size > 1)
          context.reportError(
            new GraphQLError(
              `Query cost limit exceeded: ${name} may be asked once per operation, and this operation asks for it ${asked.size} times (each alias counts)`,
              { nodes: operation },
            ),
          );
      }
    },
  });
}
