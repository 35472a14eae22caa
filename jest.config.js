/** One jest config; `npm test` runs every *.spec.ts (unit, int, conformance, e2e). */
const moduleNameMapper = {
  '^@accord/(domain|event-store|projections|transparency)$': '<rootDir>/libs/$1/src',
  '^@accord/(domain|event-store|projections|transparency)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper,
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/test/postgres/global-teardown.mjs',
};
