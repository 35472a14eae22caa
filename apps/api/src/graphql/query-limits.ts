import { ApolloArmor } from '@escape.tech/graphql-armor';
import { oncePerOperation } from './once-per-operation';

/**
 * Limits every operation must stay within, checked before anything runs (graphql-armor, a
 * maintained set of validation rules). Sized so that the README's accountability query and
 * GraphiQL's introspection pass with room to spare, and a hostile query does not.
 */
export const QUERY_LIMITS = {
  maxDepth: 24,
  maxAliases: 15,
  maxCost: 5_000,
  /**
   * Objects (connections, edges and nodes each count) an operation could return with every page
   * at the size it will run at, variables and defaults included: one page of 100 partners of the
   * accountability view, every commitment group at its default size, is about 50 000; several
   * such pages at once are refused.
   */
  maxObjects: 100_000,
  maxDirectives: 20,
  maxTokens: 3_000,
  /** Root fields that walk stored events: one each per operation, whatever the aliases. */
  oncePerOperation: ['verifyLedger'],
} as const;

/** Largest request body accepted; the largest legitimate input (a 20,000-character agenda) fits well within. */
export const MAX_BODY = '256kb';

export function queryLimits(production: boolean) {
  const armor = new ApolloArmor({
    // Introspection counts too (GraphiQL's own query is 21 deep as counted here), so a hostile
    // introspection query is refused; the schema's own types nest at most 8 deep today.
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    // Field suggestions ("did you mean …?") describe the schema: only where introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    ...armor,
    validationRules: [...armor.validationRules, oncePerOperation(QUERY_LIMITS.oncePerOperation)],
  };
}
