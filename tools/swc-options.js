// How the tests (jest) and plain `node -r tools/register-ts.js` turn TypeScript into the
// CommonJS that Node runs, with SWC: as tsc emits for tsconfig.json (ES2022, legacy decorators
// with their metadata, which Nest's injection and GraphQL types read, and class fields defined
// as ES2022 does), one file at a time and without type checking (`npm run typecheck` does that).
const typescript = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** For the ES modules some dependencies ship only as such (jest's module system needs CommonJS). */
const javascript = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs' },
};

module.exports = { typescript, javascript };
