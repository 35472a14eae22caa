/**
 * The verifiable ledger (issue 17): the append rate with the Merkle trees maintained, proofs on
 * a large ledger, `accord verify` from scratch, and the offline verifier. The large ledger is
 * built by appending straight into a SQLite file (many streams per group commit), not through
 * GraphQL: 1,000,000 events at full scale, or ACCORD_BENCH_PROOF_EVENTS.
 */
import { SqliteEventStore } from '@accord/event-store';
import { SqliteReadModelDatabase } from '@accord/projections';
import {
  EXPORT_FORMAT,
  eventLeafHash,
  formatCheckpoint,
  type LedgerEvent,
  MemoryTree,
  signNote,
  verifyInclusion,
} from '@accord/transparency';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../apps/api/src/ledger/open-ledger';
import {
  LogKey,
  initiativeTree,
  TransparencyService,
  TreeMaintainer,
  verifyLedger,
} from '@accord/transparency-log';
import { type BenchmarkOptions, type Figure, measure, summarise, throughput } from './harness';

const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};
const KEY = new LogKey(Buffer.alloc(32, 7));
const HOST = 'bench.local';
const VERIFIER = join(__dirname, '..', 'verifier', 'accord-verify.js');

const progress = (i: number) => ({
  id: `e-${i}`,
  type: 'ProgressReported.v1',
  data: { initiativeId: '', percent: i % 100, note: 'on track' },
  metadata: { recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() },
});

/** One event per append, as commands append: the rate with and without the trees followed. */
async function appendRate(events: number, withTrees: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-tree-rate-'));
  const ledger = await openLedger({ kind: 'sqlite', file: join(dir, 'accord.db') });
  const maintainer = new TreeMaintainer(ledger.readModels, ledger.store, KEY, {
    originHost: HOST,
    checkpointEveryEvents: 1_000,
    checkpointIntervalMs: 10_000,
  });
  try {
    if (withTrees) await maintainer.start();
    const revisions = new Map<string, number>();
    return await throughput(events, async () => {
      let last = 0;
      for (let i = 0; i < events; i += 1) {
        const initiativeId = `i-${i % 50}`;
        const stream = `commitment-${initiativeId}-${i % 500}`;
        const event = progress(i);
        event.data.initiativeId = initiativeId;
        const result = await ledger.store.append(
          stream,
          [event],
          revisions.get(stream) ?? 'no_stream',
        );
        revisions.set(stream, result.revision);
        last = result.position;
      }
      if (withTrees) await maintainer.waitFor(last, 600_000);
    });
  } finally {
    await maintainer.stop();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ProofLedgerShape {
  total: number;
  /** Events of initiative "big" and of initiative "export"; the rest over 18 others and people. */
  big: number;
  exported: number;
}

export function proofLedgerShape(scale: number): ProofLedgerShape {
  const fromEnv = Number(process.env.ACCORD_BENCH_PROOF_EVENTS);
  const total =
    Number.isInteger(fromEnv) && fromEnv > 0
      ? fromEnv
      : Math.max(2_000, Math.round(1_000_000 * (scale / 2_000) ** 2));
  return { total, big: Math.round(total / 10), exported: Math.round(total / 100) };
}

/** Appends `shape.total` events straight into the store, ten per stream and 2,000 per commit. */
export async function buildLedger(file: string, shape: ProofLedgerShape): Promise<void> {
  const store = new SqliteEventStore(file);
  const initiativeOf = (i: number): string => {
    const slot = i % 100;
    if (slot < 10) return 'big';
    if (slot === 10) return 'export';
    if (slot === 11) return '';
    return `other-${slot % 18}`;
  };
  const revisions = new Map<string, number>();
  const byStream = new Map<string, ReturnType<typeof progress>[]>();
  const flush = async () => {
    await Promise.all(
      [...byStream].map(async ([stream, events]) => {
        const result = await store.append(stream, events, revisions.get(stream) ?? 'no_stream');
        revisions.set(stream, result.revision);
      }),
    );
    byStream.clear();
  };
  for (let i = 0; i < shape.total; i += 1) {
    const initiativeId = initiativeOf(i);
    const event = progress(i);
    event.data.initiativeId = initiativeId;
    // Streams of ten events; a person's stream for the events of no initiative (the directory).
    const stream =
      initiativeId === ''
        ? `person-p${Math.floor(i / 1_000)}`
        : `commitment-${initiativeId}-${Math.floor(i / 1_000)}`;
    const events = byStream.get(stream) ?? [];
    events.push(event);
    byStream.set(stream, events);
    if ((i + 1) % 2_000 === 0) await flush();
  }
  await flush();
  await store.close();
}

/** Median in ms of `work` over `count` random picks. */
async function medianMs(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  return summarise(times).median;
}

/** Event `index` of the synthetic one-tree export (built twice: to sign its root, to write it). */
function largeEvent(index: number): LedgerEvent {
  return {
    position: index + 1,
    stream: `commitment-large-${Math.floor(index / 10)}`,
    revision: index % 10,
    id: `e-${index}`,
    type: 'ProgressReported.v1',
    data: { initiativeId: 'large', percent: index % 100, note: 'on track' },
    metadata: { recordedAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString() },
    hash: (index % 16).toString(16).repeat(64),
  };
}

/** A complete export of one tree of `size` events, signed by the bench's log key, written line by line. */
function writeLargeExport(file: string, size: number): void {
  const origin = `${HOST}/initiative/large`;
  const tree = new MemoryTree();
  for (let index = 0; index < size; index += 1) tree.append(eventLeafHash(largeEvent(index)));
  const checkpoint = signNote(formatCheckpoint({ origin, size, root: tree.root() }), [
    KEY.signer(origin),
  ]);
  const fd = openSync(file, 'w');
  try {
    const header = {
      format: EXPORT_FORMAT,
      origin,
      kind: 'complete',
      checkpoint,
      cosignatures: [],
      trust: { logKeys: [KEY.verifierKey(origin)], witnessKeys: [], quorum: 0 },
    };
    let lines = [JSON.stringify(header)];
    for (let index = 0; index < size; index += 1) {
      lines.push(JSON.stringify({ index, event: largeEvent(index) }));
      if (lines.length >= 10_000) {
        writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

function runVerifier(file: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [VERIFIER, file], { encoding: 'utf8' });
  if (result.status !== 0 || !result.stdout.startsWith('verified')) {
    throw new Error(`the offline verifier failed: ${result.stdout}${result.stderr}`);
  }
  return (performance.now() - started) / 1000;
}

export async function proofBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const appends = options.smoke ? options.scale : Math.max(200, options.scale * 2);
  const heavyRuns = Math.min(options.runs, 3);
  const appendGroup = `append with the Merkle trees maintained (SQLite, ${appends} appends of one event)`;
  // The runs alternate (a warm-up of each, then no trees, trees, no trees, …): on a shared
  // machine the load drifts, and all of one kind and then all of the other measured the drift
  // into the ratio (the no-trees runs once ranged from 975 to 2,451 events/s).
  if (!options.smoke) {
    await appendRate(appends, false);
    await appendRate(appends, true);
  }
  const rates = { without: [] as number[], withTrees: [] as number[] };
  for (let run = 0; run < options.runs; run += 1) {
    rates.without.push(await appendRate(appends, false));
    rates.withTrees.push(await appendRate(appends, true));
  }
  const without = summarise(rates.without);
  const withTrees = summarise(rates.withTrees);
  figures.push(
    {
      benchmark: appendGroup,
      subject: 'append, no trees',
      unit: 'events/s',
      better: 'higher',
      sample: without,
    },
    {
      benchmark: appendGroup,
      subject: 'append, trees followed until they hold the last event',
      unit: 'events/s',
      better: 'higher',
      sample: withTrees,
      baseline: 'append, no trees',
      ratio: withTrees.median / without.median,
      goal: '>= 0.8 of no trees',
      goalMet: withTrees.median / without.median >= 0.8,
    },
  );

  const shape = proofLedgerShape(options.scale);
  const group = `verifiable ledger, SQLite, ${shape.total} events (initiatives of ${shape.big} and ${shape.exported})`;
  const dir = mkdtempSync(join(tmpdir(), 'accord-proofs-'));
  try {
    const file = join(dir, 'ledger.db');
    let started = performance.now();
    await buildLedger(file, shape);
    note(`built ${shape.total} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const db = new Database(file);
    const store = new SqliteEventStore(db);
    const readModels = new SqliteReadModelDatabase(db);
    const maintainer = new TreeMaintainer(readModels, store, KEY, {
      originHost: HOST,
      checkpointEveryEvents: 1_000,
      checkpointIntervalMs: 3_600_000,
    });
    started = performance.now();
    await maintainer.start();
    await maintainer.waitFor(shape.total, 3_600_000);
    const catchUpSeconds = (performance.now() - started) / 1000;
    await maintainer.signNow();
    await maintainer.stop();
    note(`trees caught up in ${catchUpSeconds.toFixed(0)} s`);
    figures.push({
      benchmark: group,
      subject: 'trees built from the log from zero (one run)',
      unit: 'events/s',
      better: 'higher',
      sample: summarise([shape.total / catchUpSeconds]),
    });

    const service = new TransparencyService(maintainer, store, KEY);
    const picks = Math.max(50, Math.min(1_000, options.scale / 2));
    const random = (n: number) => 1 + Math.floor(Math.random() * n);
    const anyEvent = await measure(options, () =>
      medianMs(picks, async () => {
        const position = random(shape.total);
        const leaf = await maintainer.trees.leafAt(position);
        return service.inclusion(leaf!.tree, { position });
      }),
    );
    const bigLeaves = db
      .prepare<[string], { position: number }>('SELECT position FROM tlog_leaves WHERE tree = ?')
      .all(initiativeTree('big'));
    const bigEvent = await measure(options, () =>
      medianMs(picks, () =>
        service.inclusion(initiativeTree('big'), {
          position: bigLeaves[random(bigLeaves.length) - 1]!.position,
        }),
      ),
    );
    const proofs = await Promise.all(
      Array.from({ length: picks }, () =>
        service.inclusion(initiativeTree('big'), {
          position: bigLeaves[random(bigLeaves.length) - 1]!.position,
        }),
      ),
    );
    const verification = await measure(options, () =>
      medianMs(picks, (i) => {
        const proof = proofs[i]!;
        const ok = verifyInclusion(
          proof.leafIndex,
          proof.treeSize,
          Buffer.from(proof.leafHash, 'base64'),
          proof.hashes.map((h) => Buffer.from(h, 'base64')),
          Buffer.from(proof.checkpoint.rootHash, 'base64'),
        );
        return Promise.resolve(ok);
      }),
    );
    figures.push(
      {
        benchmark: group,
        subject: `inclusion proof of a random event of the ledger, median of ${picks}`,
        unit: 'ms',
        better: 'lower',
        sample: anyEvent,
        goal: '< 2 ms',
        goalMet: anyEvent.median < 2,
      },
      {
        benchmark: group,
        subject: `inclusion proof of a random event of the ${bigLeaves.length}-event initiative, median of ${picks}`,
        unit: 'ms',
        better: 'lower',
        sample: bigEvent,
        goal: '< 2 ms',
        goalMet: bigEvent.median < 2,
      },
      {
        benchmark: group,
        subject: `verification of an inclusion proof in the ${bigLeaves.length}-event initiative, median of ${picks}`,
        unit: 'ms',
        better: 'lower',
        sample: verification,
        baseline: `inclusion proof of a random event of the ${bigLeaves.length}-event initiative, median of ${picks}`,
        ratio: verification.median / bigEvent.median,
        goal: '< 1 ms',
        goalMet: verification.median < 1,
      },
    );

    const exportTree = initiativeTree('export');
    const exportSeconds = await measure(options, async () => {
      const t = performance.now();
      const text = await service.export(exportTree, { proofs: true });
      if (!text.includes('"proof"')) throw new Error('the export carries no proofs');
      return (performance.now() - t) / 1000;
    });
    figures.push({
      benchmark: group,
      subject: `export of the ${shape.exported}-event initiative with an inclusion proof per event`,
      unit: 's',
      better: 'lower',
      sample: exportSeconds,
      goal: '< 2 s',
      goalMet: exportSeconds.median < 2,
    });

    const verifySeconds = await measure(
      { runs: heavyRuns },
      async () => {
        const t = performance.now();
        // As `accord verify` does it: one read of the log for the chains and the trees.
        const { chains, trees } = await verifyLedger(store, maintainer.trees, KEY, (tree) =>
          maintainer.origin(tree),
        );
        if (!chains.ok || trees.problems.length > 0 || trees.events !== shape.total) {
          throw new Error(`the ledger does not verify: ${trees.problems.join('; ')}`);
        }
        return (performance.now() - t) / 1000;
      },
      () => Promise.resolve(),
    );
    figures.push({
      benchmark: group,
      subject: `accord verify from scratch: every chain, every tree rebuilt, every checkpoint (${heavyRuns} runs, no warm-up)`,
      unit: 's',
      better: 'lower',
      sample: verifySeconds,
      goal: '< 60 s',
      goalMet: verifySeconds.median < 60,
    });
    await store.close();
    db.close();
    rmSync(file, { force: true });

    const exportFile = join(dir, 'large-export.jsonl');
    started = performance.now();
    writeLargeExport(exportFile, shape.total);
    note(
      `wrote a ${shape.total}-event export in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const offline = await measure(
      { runs: heavyRuns },
      () => Promise.resolve(runVerifier(exportFile)),
      () => Promise.resolve(),
    );
    figures.push({
      benchmark: group,
      subject: `offline verifier (node verifier/accord-verify.js) over a complete ${shape.total}-event export (${heavyRuns} runs, no warm-up)`,
      unit: 's',
      better: 'lower',
      sample: offline,
      goal: '< 60 s',
      goalMet: offline.median < 60,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
