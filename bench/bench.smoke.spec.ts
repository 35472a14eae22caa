import { machineFacts } from './harness';
import { markdownReport } from './report';
import { BENCHMARKS } from './run';

// The benchmarks are not part of `npm test`; this tiny run of each keeps them from rotting.
describe('benchmark harness (smoke run)', () => {
  it.each(Object.keys(BENCHMARKS))(
    '%s produces figures with their baselines',
    async (name) => {
      const figures = await BENCHMARKS[name]!({ scale: 20, runs: 1 });
      expect(figures.length).toBeGreaterThanOrEqual(2);
      for (const figure of figures) {
        expect(figure.sample.median).toBeGreaterThan(0);
        expect(figure.sample.min).toBeLessThanOrEqual(figure.sample.max);
      }
      const compared = figures.filter((f) => f.baseline !== undefined);
      expect(compared.length).toBeGreaterThan(0);
      for (const figure of compared) {
        expect(figures.map((f) => f.subject)).toContain(figure.baseline);
        expect(figure.ratio).toBeGreaterThan(0);
      }
      const report = markdownReport(figures, machineFacts(), 'npm run bench', '2026-01-01');
      expect(report).toContain('| benchmark | subject | median |');
      expect(
        report.split('\n').filter((line) => line.startsWith(`| ${figures[0]!.benchmark}`)),
      ).toHaveLength(figures.length);
    },
    60_000,
  );
});
