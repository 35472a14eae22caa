import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The workspace is built into dist/web, which the API serves at `/` (npm run build does both).
 * Preact through esbuild's automatic JSX runtime: no Babel plugin needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      // ws: the live updates' graphql-ws connection goes through the proxy too.
      '/graphql': { target: 'http://127.0.0.1:3000', ws: true },
      '/auth': 'http://127.0.0.1:3000',
    },
  },
});
