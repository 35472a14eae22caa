import { type Figure, percentile } from './harness';
import { markdownReport } from './report';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, node: 'v20.0.0', platform: 'linux x64' };
const sample = (median: number) => ({ median, min: median, max: median, runs: 5 });

function row(figures: Figure[], subject: string): string[] {
  const line = markdownReport(figures, machine, 'npm run bench', '2026-01-01')
    .split('\n')
    .find((l) => l.includes(`| ${subject} |`));
  if (!line) throw new Error(`no row for ${subject}`);
  return line.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, ''));
}

describe('benchmark report', () => {
  const trivial: Figure = {
    benchmark: 'http',
    subject: 'trivial query, p50',
    unit: 'ms',
    better: 'lower',
    sample: sample(0),
  };

  it('prints a ratio to its baseline with two decimals, and the goal', () => {
    const figures: Figure[] = [
      { ...trivial, sample: sample(0.4) },
      {
        benchmark: 'http',
        subject: 'command, p50',
        unit: 'ms',
        better: 'lower',
        sample: { median: 1.3, min: 1.1, max: 2.25, runs: 5 },
        baseline: 'trivial query, p50',
        ratio: 1.3 / 0.4,
        goal: '<= 5 × the trivial query',
        goalMet: true,
      },
    ];
    expect(row(figures, 'command, p50')).toEqual([
      'http',
      'command, p50',
      '1.30 ms',
      '1.10 – 2.25 (5 runs)',
      '3.25 × trivial query, p50',
      '<= 5 × the trivial query: met',
    ]);
  });

  it('says n/a, and why, where the baseline median is 0 (a ratio of Infinity or NaN)', () => {
    for (const [median, ratio] of [
      [3, Infinity],
      [0, NaN],
    ] as const) {
      const figures: Figure[] = [
        trivial,
        {
          ...trivial,
          subject: 'command, p50',
          sample: sample(median),
          baseline: trivial.subject,
          ratio,
        },
      ];
      const cells = row(figures, 'command, p50');
      expect(cells[4]).toBe('n/a: the median of trivial query, p50 is 0 ms, nothing to divide by');
      expect(cells.join(' ')).not.toMatch(/Infinity|NaN/);
    }
  });

  it('rounds large figures to whole numbers with thousands separators, and marks a missed goal', () => {
    const figures: Figure[] = [
      {
        benchmark: 'append',
        subject: 'store',
        unit: 'events/s',
        better: 'higher',
        sample: { median: 1234.6, min: 999.4, max: 20_001, runs: 5 },
        baseline: 'raw',
        ratio: 0.456,
        goal: '>= 0.5 of the raw driver',
        goalMet: false,
      },
    ];
    expect(row(figures, 'store').slice(2)).toEqual([
      '1,235 events/s',
      '999 – 20,001 (5 runs)',
      '0.46 × raw',
      '>= 0.5 of the raw driver: **missed**',
    ]);
  });
});

describe('percentile (nearest rank)', () => {
  it('keeps fractions of a millisecond and picks the nearest rank', () => {
    const values = [0.31, 0.12, 0.25, 4.5, 0.2];
    expect(percentile(values, 50)).toBe(0.25);
    expect(percentile(values, 99)).toBe(4.5);
    expect(percentile([0.7], 50)).toBe(0.7);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
  });

  it('refuses an empty list', () => {
    expect(() => percentile([], 50)).toThrow('percentile of no values');
  });
});
