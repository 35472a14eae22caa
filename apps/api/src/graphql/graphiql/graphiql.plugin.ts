import type { ApolloServerPlugin } from '@apollo/server';
import { graphiqlPage } from './graphiql.assets';

/** Answers a browser's GET /graphql with GraphiQL instead of Apollo's CDN-hosted landing page. */
export function graphiqlLandingPage(graphqlPath: string): ApolloServerPlugin {
  const html = graphiqlPage(graphqlPath);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}
