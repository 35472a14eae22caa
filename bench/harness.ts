import { cpus, totalmem } from 'node:os';

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Figure {
  benchmark: string;
  subject: string;
  unit: string;
  /** Higher is better (throughput) or lower is better (latency). */
  better: 'higher' | 'lower';
  sample: Sample;
  baseline?: string;
  ratio?: number;
  goal?: string;
  goalMet?: boolean;
  /** The benchmark (its name in `npm run bench -- <name>`) that made it. */
  suite?: string;
}

export interface BenchmarkOptions {
  /** Events, requests or items per run: keeps the smoke run small. */
  scale: number;
  runs: number;
  /**
   * The smoke run (bench.smoke.spec.ts in `npm test`, `npm run bench -- --smoke`): every code
   * path of each benchmark once, so a broken benchmark fails, with no warm-ups and the fewest
   * requests and page loads that still make every figure. Its figures measure nothing.
   */
  smoke?: boolean;
}

export function summarise(values: readonly number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** The nearest-rank percentile `p` (0 < p <= 100) of `values`, which must not be empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One warm-up run (none in the smoke run), then `runs` measured runs; each run returns the
 * figure it measured. A long run may warm up with a shorter one (`warmUp`) that goes through
 * the same code.
 */
export async function measure(
  { runs, smoke }: Pick<BenchmarkOptions, 'runs' | 'smoke'>,
  run: () => Promise<number>,
  warmUp: () => Promise<unknown> = run,
): Promise<Sample> {
  if (!smoke) await warmUp();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await run());
  return summarise(values);
}

/** Operations per second of `count` operations done by `work`. */
export async function throughput(count: number, work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

export function machineFacts() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
