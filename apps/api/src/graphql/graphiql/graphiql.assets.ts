import { dirname, join } from 'node:path';
import { GRAPHIQL_EXAMPLES } from './graphiql-examples';

const JS = 'text/javascript; charset=utf-8';
/** A file of the package `pkg` as installed. */
const asset = (contentType: string, pkg: string, ...path: string[]) => ({
  file: join(dirname(require.resolve(`${pkg}/package.json`)), ...path),
  contentType,
});

/** GraphiQL and React builds shipped in the app's own node_modules: the page works offline. */
export const GRAPHIQL_ASSETS: Readonly<Record<string, { file: string; contentType: string }>> = {
  'react.production.min.js': asset(JS, 'react', 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': asset(JS, 'react-dom', 'umd', 'react-dom.production.min.js'),
  'graphiql.min.js': asset(JS, 'graphiql', 'graphiql.min.js'),
  'graphiql.min.css': asset('text/css; charset=utf-8', 'graphiql', 'graphiql.min.css'),
};

export const GRAPHIQL_ASSET_PATH = '/graphiql-assets';

/** A string as a JavaScript literal that cannot close the inline <script> it stands in. */
const inlineScript = (text: string) => JSON.stringify(text).replace(/</g, '\\u003c');

export function graphiqlPage(graphqlPath: string): string {
  const asset = (name: string) => `${GRAPHIQL_ASSET_PATH}/${name}`;
  const defaultHeaders = JSON.stringify(
    {
      Authorization:
        'Bearer <paste the output of: npm run --silent accord -- token --person <your-person-id> --partner <your-partner-id>>',
    },
    null,
    2,
  );
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Accord — GraphQL API</title>
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${asset('react.production.min.js')}"></script>
  <script src="${asset('react-dom.production.min.js')}"></script>
  <script src="${asset('graphiql.min.js')}"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: ${inlineScript(GRAPHIQL_EXAMPLES)},
        defaultHeaders: ${inlineScript(defaultHeaders)},
        shouldPersistHeaders: true,
        isHeadersEditorEnabled: true,
        defaultEditorToolsVisibility: 'headers',
      }),
    );
  </script>
</body>
</html>`;
}
