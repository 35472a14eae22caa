import { machineFacts } from './harness';
import { markdownReport } from './report';
import { BENCHMARKS } from './run';

// The benchmarks are not part of `npm test`; this tiny run of each keeps them from rotting.
describe('benchmark harness (smoke run)', () => {
  it.each(Object.keys(BENCHMARKS))(
    '%s produces figures with their baselines',
    async (name) => {
      const figures = await BENCHMARKS[name]!({ scale: 20, runs: 1, smoke: true });
      expect(figures.length).toBeGreaterThanOrEqual(2);
      for (const figure of figures) {
        // Latencies keep their fractions of a millisecond: none reads as 0, so every ratio is finite.
        expect(figure.sample.median).toBeGreaterThan(0);
        expect(figure.sample.min).toBeLessThanOrEqual(figure.sample.max);
      }
      const compared = figures.filter((f) => f.baseline !== undefined);
      expect(compared.length).toBeGreaterThan(0);
      for (const figure of compared) {
        expect(figures.map((f) => f.subject)).toContain(figure.baseline);
        expect(figure.ratio).toBeGreaterThan(0);
        expect(Number.isFinite(figure.ratio)).toBe(true);
      }
      if (name === 'reads') {
        // A generated initiative served by the real app: the view and its trivial baseline.
        expect(figures.map((f) => f.subject)).toEqual([
          expect.stringMatching(/^trivial query, p50/),
          expect.stringMatching(/^trivial query, p99/),
          expect.stringMatching(/^accountability\(initiativeId\), p50/),
          expect.stringMatching(/^accountability\(initiativeId\), p99/),
        ]);
        expect(figures[0]!.benchmark).toMatch(
          /^reads \(\d+ partners, \d+ commitments, \d+ events\)$/,
        );
      }
      if (name === 'web') {
        // Every screen's query on the generated benchmark ledger, against the trivial query.
        expect(figures[0]!.benchmark).toMatch(/^web \(\d+ events, initiative gen-1\)$/);
        expect(new Set(figures.map((f) => f.benchmark)).size).toBe(1);
        const screens = figures.filter((f) => f.subject.startsWith('screen data: '));
        expect(screens.length).toBeGreaterThanOrEqual(18);
        for (const screen of screens) expect(screen.baseline).toBe('trivial query (baseline)');
        expect(screens.map((f) => f.subject)).toContainEqual(
          expect.stringMatching(/^screen data: Accountability, a page of [1-9]\d* partners/),
        );
        expect(figures.map((f) => f.subject)).toEqual(
          expect.arrayContaining([
            'first load of the overview, signed in, empty cache',
            'JavaScript shipped, gzipped',
          ]),
        );
      }
      const report = markdownReport(figures, machineFacts(), 'npm run bench', '2026-01-01');
      expect(report).toContain('| benchmark | subject | median |');
      // One row a figure, under its own benchmark (a run may report several benchmarks).
      for (const benchmark of new Set(figures.map((f) => f.benchmark)))
        expect(
          report.split('\n').filter((line) => line.startsWith(`| ${benchmark} |`)),
        ).toHaveLength(figures.filter((f) => f.benchmark === benchmark).length);
    },
    // The start-up benchmark spawns the API twice from its TypeScript sources.
    300_000,
  );
});
