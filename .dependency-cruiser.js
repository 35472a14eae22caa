/** Layer rules (checked by `npm run lint`): the domain stays pure, libraries never reach into the app. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds the rules: no Nest, no I/O, no stores, no app code.',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: {
        pathNot: ['^libs/domain'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: '^apps' },
    },
    {
      name: 'libs-do-not-import-nest',
      comment: 'Nest is the wiring of apps/api only.',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: 'node_modules/@nestjs' },
    },
    {
      name: 'event-store-does-not-know-projections',
      severity: 'error',
      from: { path: '^libs/event-store' },
      to: { path: '^libs/(projections|domain)' },
    },
    {
      name: 'transparency-stands-alone',
      comment:
        'libs/transparency is the pure core of the verifiable ledger: hashing, proofs, notes. Only node:crypto and its own files.',
      severity: 'error',
      from: { path: '^libs/transparency/src', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/transparency/src', '^crypto$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
