import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { AccordContext } from '../graphql/accord-context';

/** Adds what a query withheld, and why, to its response as `extensions.redacted`. */
export const redactionsPlugin: ApolloServerPlugin<AccordContext> = {
  requestDidStart(): Promise<GraphQLRequestListener<AccordContext>> {
    return Promise.resolve({
      willSendResponse({ contextValue, response }) {
        const redacted = contextValue.redactions;
        if (!redacted?.length || response.body.kind !== 'single') return Promise.resolve();
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, redacted };
        return Promise.resolve();
      },
    });
  },
};
