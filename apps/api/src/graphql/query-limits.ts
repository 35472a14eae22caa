import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { AccordContext } from './accord-context';
import { ErrorCodes } from './error-mapping';
import { oncePerOperation } from './once-per-operation';

/**
 * Limits every operation must stay within, checked before anything runs (graphql-armor, a
 * maintained set of validation rules). Sized so that the worked example's accountability query and
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

const logger = new Logger('GraphQL');

/** Operations refused while parsing; see refusedBeforeParsing. */
const refusals = new WeakSet<Error>();

/**
 * graphql-armor counts tokens in a hook that runs as Apollo starts parsing. Apollo turns
 * whatever such a hook throws into HTTP 500, unless a plugin's handler of unexpected errors
 * throws first (armor's own does, with a code only). This answers it as the refused operation it
 * is: 400, with a code and the request id, and one line in the log.
 */
function refusedBeforeParsing(
  plugin: ApolloServerPlugin<AccordContext>,
): ApolloServerPlugin<AccordContext> {
  if (!plugin.requestDidStart) return plugin;
  const requestDidStart = plugin.requestDidStart.bind(plugin);
  const rest = { ...plugin };
  delete rest.unexpectedErrorProcessingRequest;
  return {
    ...rest,
    unexpectedErrorProcessingRequest({ error }) {
      return refusals.has(error) ? Promise.reject(error) : Promise.resolve();
    },
    async requestDidStart(request) {
      const listener = await requestDidStart(request);
      const parsingDidStart = listener?.parsingDidStart?.bind(listener);
      if (!parsingDidStart) return listener;
      return {
        ...listener,
        async parsingDidStart(parsing) {
          try {
            return await parsingDidStart(parsing);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            const { requestId } = parsing.contextValue;
            const code = ErrorCodes.GRAPHQL_VALIDATION_FAILED;
            logger.warn(`request ${requestId}: refused ${code}: ${error.message}`);
            const refusal = new GraphQLError(error.message, {
              extensions: { code, requestId, http: { status: 400 } },
            });
            refusals.add(refusal);
            throw refusal;
          }
        },
      };
    },
  };
}

export function queryLimits(production: boolean) {
  const { plugins, validationRules } = new ApolloArmor({
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
    validationRules: [...validationRules, oncePerOperation(QUERY_LIMITS.oncePerOperation)],
    plugins: (plugins as ApolloServerPlugin<AccordContext>[]).map(refusedBeforeParsing),
  };
}
