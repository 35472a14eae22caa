import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  type GenerateOptions,
  type GenerateResult,
  generateInitiative,
  openSqliteForGeneration,
} from './generate-initiative';

const ROOT = join(__dirname, '..', '..');

/**
 * Everything a generated history depends on: the generator, the deciders that decide its
 * events, the store that hashes and writes them, and the stream names. A change to any of
 * these files makes a new version, so a cached ledger is never reused after the code changed.
 */
const SOURCES = [
  'bench/generator/generate-initiative.ts',
  'bench/generator/random.ts',
  'bench/generator/schedule.ts',
  'libs/domain/src',
  'libs/event-store/src',
  'apps/api/src/ledger/streams.ts',
];

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (path.endsWith('.ts')) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => join(full, name));
}

/** A short hash of the TypeScript sources (names and contents) under these paths of the repository. */
export function sourceVersion(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap(sourceFiles).sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export const generatorVersion = (): string => sourceVersion(SOURCES);

/**
 * Events in the history the replay and start-up benchmarks use: a million at full scale
 * (2 000), a few hundred in the smoke run.
 */
export function historyEvents(scale: number): number {
  return Math.max(200, Math.round(1_000_000 * (scale / 2_000) ** 2));
}

/** `ACCORD_BENCH_CACHE`, else accord-bench-cache in the system's temporary directory. */
export function cacheDirectory(): string {
  return process.env.ACCORD_BENCH_CACHE ?? join(tmpdir(), 'accord-bench-cache');
}

export interface CachedLedger {
  /** The cached SQLite file: copy it (copyLedger), never open it for writing. */
  file: string;
  result: GenerateResult;
  /** False when this call generated it. */
  fromCache: boolean;
}

const idle = (path: string) => Date.now() - statSync(path).mtimeMs > 3_600_000;

type LedgerOptions = GenerateOptions & { seed: number };

function cacheKey(options: LedgerOptions, version: string): string {
  const { events, seed, partners, commitments, initiativeId, startAt, years } = options;
  const shape = JSON.stringify({ partners, commitments, initiativeId, startAt, years });
  const options16 = createHash('sha256').update(shape).digest('hex').slice(0, 8);
  return `ledger-s${seed}-e${events}-${options16}-${version}`;
}

/**
 * A generated ledger of this seed and size, from the cache when an earlier run made it with the
 * same generator version, else generated now (through the real deciders and store) and cached.
 * The file is written under a temporary name and renamed when complete, so an interrupted
 * generation is never reused. Ledgers of other generator versions are deleted once they have
 * not been touched for an hour (another checkout may be using them).
 */
export async function cachedLedger(
  options: LedgerOptions,
  note: (line: string) => void = () => undefined,
): Promise<CachedLedger> {
  const dir = cacheDirectory();
  mkdirSync(dir, { recursive: true });
  const version = generatorVersion();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('ledger-') && !name.includes(`-${version}.`) && idle(path))
      rmSync(path, { force: true });
  }

  const key = cacheKey(options, version);
  const file = join(dir, `${key}.db`);
  const facts = join(dir, `${key}.json`);
  if (existsSync(file) && existsSync(facts)) {
    const result = JSON.parse(readFileSync(facts, 'utf8')) as GenerateResult;
    return { file, result, fromCache: true };
  }
  const partial = join(dir, `${key}.partial-${process.pid}.db`);
  rmSync(partial, { force: true });
  note(`generating a ledger of ${options.events} events (seed ${options.seed}) into ${dir}…`);
  const ledger = openSqliteForGeneration(partial);
  let result: GenerateResult;
  try {
    result = await generateInitiative(ledger.store, options);
  } finally {
    // Closing the last connection checkpoints the WAL into the file: one self-contained file.
    await ledger.close();
  }
  renameSync(partial, file);
  writeFileSync(facts, `${JSON.stringify(result, null, 2)}\n`);
  note(`generated ${result.events} events in ${result.seconds.toFixed(1)} s`);
  return { file, result, fromCache: false };
}

/** A private copy of a cached ledger to open, write projections into, and delete. */
export function copyLedger(ledger: CachedLedger, destination: string): string {
  copyFileSync(ledger.file, destination);
  return destination;
}
