/**
 * Two jest projects. `npm test` runs both; `npm run test:unit` selects `unit`.
 * - unit: pure specs (`*.unit.spec.ts`), no database and no server: no global setup.
 * - integration: everything else (int, conformance, e2e, browser). Its global setup starts
 *   PostgreSQL (or uses DATABASE_URL) and runs only when a spec of this project runs.
 */
const swc = require('./tools/swc-options');

const moduleNameMapper = {
  '^@accord/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@accord/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const shared = {
  rootDir: '.',
  testEnvironment: '<rootDir>/test/environment.js',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Transpile only, with SWC (tools/swc-options.js): `npm run typecheck` checks the types once.
  // A cold run (a fresh clone) transpiles the app's graph in about half the CPU ts-jest took.
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc.typescript],
    // openid-client and its oauth4webapi and jose 6 ship only ES modules, which jest's CommonJS
    // module system cannot load as they are (Node's own require() can): turned into CommonJS.
    '/node_modules/.+\\.js$': ['@swc/jest', swc.javascript],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi)/|jose/dist/webapi/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper,
};

// A run-wide option: jest reads the timeout from the top level, not from a project.
module.exports = {
  testTimeout: 30000,
  testSequencer: '<rootDir>/test/slowest-first.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testRegex: '.*\\.unit\\.spec\\.ts$',
    },
    {
      ...shared,
      displayName: 'integration',
      testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.unit\\.spec\\.ts$'],
      globalSetup: '<rootDir>/test/postgres/global-setup.mjs',
      globalTeardown: '<rootDir>/test/postgres/global-teardown.mjs',
    },
  ],
};
