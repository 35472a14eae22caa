import type { Figure } from './harness';
import type { machineFacts } from './harness';

const round = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);

/**
 * A baseline with a median of 0 (below the measurement's resolution) leaves nothing to divide
 * by: the cell says so instead of printing "Infinity ×" or "NaN ×".
 */
function ratioCell(figure: Figure): string {
  if (figure.ratio === undefined) return '';
  if (!Number.isFinite(figure.ratio))
    return `n/a: the median of ${figure.baseline} is 0 ${figure.unit}, nothing to divide by`;
  return `${figure.ratio.toFixed(2)} × ${figure.baseline}`;
}

export function markdownReport(
  figures: readonly Figure[],
  machine: ReturnType<typeof machineFacts>,
  command: string,
  date: string,
  notes: readonly string[] = [],
): string {
  const rows = figures.map((f) => {
    const { median, min, max, runs } = f.sample;
    const ratio = ratioCell(f);
    const goal = f.goal === undefined ? '' : `${f.goal}: ${f.goalMet ? 'met' : '**missed**'}`;
    return `| ${f.benchmark} | ${f.subject} | ${round(median)} ${f.unit} | ${round(min)} – ${round(max)} (${runs} runs) | ${ratio} | ${goal} |`;
  });
  return [
    '# Benchmarks',
    '',
    `Made by \`${command}\` on ${date}. Each figure is the median of the runs after one warm-up run,`,
    'with min and max; each ratio compares with a baseline measured in the same run, on the same machine.',
    'Generated histories are cached (by seed, size and a hash of the generator, deciders and store) in',
    "`$ACCORD_BENCH_CACHE` or the temporary directory's `accord-bench-cache`, so only the first run generates them.",
    ...notes,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}.`,
    '',
    '| benchmark | subject | median | min – max | ratio | goal |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
