// Jest starts the specs it has no timings for (a fresh clone) largest file first. Some of the
// longest-running are small files (the benchmark smoke run, the rewrites a witness finds), and
// one of them left for the end keeps one worker busy while the other idles: these go first.
// The list needs no upkeep to stay correct, only to stay quick; order: longest first.
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST = [
  'bench/bench.smoke.spec.ts',
  'test/web/stories.e2e-spec.ts',
  'test/web/acting.e2e-spec.ts',
  'test/e2e/log-rewrites-witnessed.e2e-spec.ts',
  'test/web/workspace.e2e-spec.ts',
  'test/e2e/worked-example.e2e-spec.ts',
  'test/e2e/policy.e2e-spec.ts',
  'test/web/paging.e2e-spec.ts',
  'test/e2e/rewound-log.e2e-spec.ts',
  'test/e2e/log-rewrites.e2e-spec.ts',
];

const rank = (test) => {
  const index = SLOWEST.findIndex((path) => test.path.endsWith(path));
  return index < 0 ? SLOWEST.length : index;
};

class SlowestFirst extends Sequencer {
  sort(tests) {
    // Array.prototype.sort is stable: the rest keep the order jest chose for them.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowestFirst;
