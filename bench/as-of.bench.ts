import {
  ALL_PROJECTIONS,
  CommitmentsRegisterReader,
  InitiativeOverviewReader,
  ProjectionRunner,
  type ReadPoint,
  TimeTravel,
} from '@accord/projections';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openLedger } from '../apps/api/src/ledger/open-ledger';
import { Random } from './generator/random';
import { cachedLedger, historyEvents } from './generator/ledger-cache';
import { type BenchmarkOptions, type Figure, summarise } from './harness';
import { apiCommand, caughtUpLedger } from './startup.bench';

const FULL_SCALE = 2_000;
const GOAL_MS = 20;

const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A generated ledger with its read models (and their histories) caught up, in a private copy:
 * the million-event one at full scale, shared with the start-up and web benchmarks.
 */
export async function ledgerFile(
  options: BenchmarkOptions,
  dir: string,
): Promise<{ file: string; initiativeId: string; events: number }> {
  const events = historyEvents(options.scale);
  const file = join(dir, 'ledger.db');
  if (options.scale >= FULL_SCALE) {
    const stored = await caughtUpLedger(apiCommand(true).args, events);
    copyFileSync(stored.file, file);
    // The log's signing key beside it signed its checkpoints: an API started on the copy
    // without it refuses the ledger.
    const key = join(dirname(stored.file), 'log-signing.key');
    if (existsSync(key)) copyFileSync(key, join(dir, 'log-signing.key'));
    return { ...stored, file };
  }
  const cached = await cachedLedger({ events, seed: 1 }, note);
  copyFileSync(cached.file, file);
  const ledger = await openLedger({ kind: 'sqlite', file });
  const runner = new ProjectionRunner(ledger.readModels, ledger.store, ALL_PROJECTIONS);
  await runner.start();
  await runner.waitFor(await ledger.store.headPosition(), 120_000);
  await runner.stop();
  await ledger.close();
  return { file, initiativeId: cached.result.initiativeId, events: cached.result.events };
}

/**
 * Reads at random points of a generated history (issue 4: at a million events the median as-of
 * answer is under 20 ms), each compared with the same read of the live tables in the same run:
 * an initiative's overview with its partners, and one commitment that existed then.
 */
export async function asOfBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-as-of-'));
  try {
    const stored = await ledgerFile(options, dir);
    const ledger = await openLedger({ kind: 'sqlite', file: stored.file });
    try {
      const travel = new TimeTravel(ledger.readModels, ledger.store, ALL_PROJECTIONS);
      const overview = new InitiativeOverviewReader(travel.database);
      const commitments = new CommitmentsRegisterReader(travel.database);
      const all = await commitments.forInitiative(stored.initiativeId);
      const made = all.map((c) => c.madeAt).sort();
      const first = Date.parse(made[0]!);
      const last = Date.parse(made[made.length - 1]!);
      const random = new Random(5);
      const queries = Math.max(20, Math.round(options.scale / 10));

      /** One answer: the initiative and its partners, and a commitment made by then. */
      const answer = async () => {
        const initiative = await overview.get(stored.initiativeId);
        const partners = await overview.partners(stored.initiativeId);
        if (!initiative || partners.length === 0) throw new Error('as-of: no initiative');
      };
      const commitmentAnswer = async (commitmentId: string) => {
        if (!(await commitments.get(commitmentId))) throw new Error('as-of: no commitment');
      };

      const timed = async (work: () => Promise<void>) => {
        const started = process.hrtime.bigint();
        await work();
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      /** Latencies of one run: as-of reads (resolving the point included) and live reads. */
      const run = async () => {
        const asOf: number[] = [];
        const live: number[] = [];
        for (let i = 0; i < queries; i++) {
          const at = first + random.int(0, last - first);
          const existing = all.filter((c) => Date.parse(c.madeAt) <= at);
          const commitment = existing[random.int(0, existing.length - 1)] ?? all[0]!;
          const point: ReadPoint = { asOf: new Date(at).toISOString() };
          asOf.push(
            await timed(() =>
              travel.run(async () => {
                const view = await travel.view(point);
                travel.enter(view, new Date(at));
                try {
                  await answer();
                  await commitmentAnswer(commitment.commitmentId);
                } finally {
                  travel.leave();
                }
              }),
            ),
          );
          live.push(
            await timed(async () => {
              await answer();
              await commitmentAnswer(commitment.commitmentId);
            }),
          );
        }
        const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
        return { asOf: sorted(asOf), live: sorted(live) };
      };

      if (!options.smoke) await run(); // warm-up
      const runs: { asOf: number[]; live: number[] }[] = [];
      for (let r = 0; r < options.runs; r++) runs.push(await run());
      note(`as-of: ${runs.length} runs of ${queries} reads at random points`);

      const benchmark = `reads at a past business time (asOf), SQLite, ${stored.events} events`;
      const figure = (p: number): Figure[] => {
        const live = summarise(runs.map((r) => percentile(r.live, p)));
        const asOf = summarise(runs.map((r) => percentile(r.asOf, p)));
        const subject = 'initiative overview with partners + one commitment';
        const liveSubject = `${subject}, live tables, p${p}`;
        return [
          {
            benchmark,
            subject: liveSubject,
            unit: 'ms',
            better: 'lower',
            sample: live,
          },
          {
            benchmark,
            subject: `${subject}, asOf a random time, p${p}`,
            unit: 'ms',
            better: 'lower',
            sample: asOf,
            baseline: liveSubject,
            ratio: asOf.median / live.median,
            ...(p === 50 ? { goal: `< ${GOAL_MS} ms`, goalMet: asOf.median < GOAL_MS } : {}),
          },
        ];
      };
      return [...figure(50), ...figure(99)];
    } finally {
      await ledger.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
