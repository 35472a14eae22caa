import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Actor } from '@accord/domain';
import { TokenService } from '../apps/api/src/auth/token.service';
import { loadConfig } from '../apps/api/src/config/accord-config';
import {
  type CachedLedger,
  cachedLedger,
  cacheDirectory,
  copyLedger,
  historyEvents,
  sourceVersion,
} from './generator/ledger-cache';
import { type BenchmarkOptions, type Figure, summarise } from './harness';
import { ACCOUNTABILITY, ACCOUNTABILITY_PAGE } from './reads.bench';

const ROOT = join(__dirname, '..');
const SECRET = 'bench-secret-that-is-long-enough-for-hs256!';
const TRIVIAL = '{ initiatives(first: 1) { totalCount } }';
const PROJECTIONS = '{ projections { name position lag state } }';
const FULL_SCALE = 2_000;
const READY_GOAL_MS = 3_000;
const RSS_GOAL_MIB = 400;

const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};

/**
 * How the API is started: at full scale the compiled app as `npm start` runs it (built once
 * here); in the smoke run the TypeScript sources through the transpiling hook, with no build.
 */
export function apiCommand(full: boolean): { args: string[]; label: string } {
  if (!full)
    return {
      args: ['-r', join(ROOT, 'tools/register-ts.js'), join(ROOT, 'apps/api/src/main.ts')],
      label: 'apps/api/src/main.ts (transpiled at start)',
    };
  note('startup: building the API (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  return {
    args: [join(ROOT, 'dist/apps/api/src/main.js')],
    label: 'node dist/apps/api/src/main.js',
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (MiB) of a running process, from /proc. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** fetch's error while nothing listens on the port (by its code: jest's realm has its own TypeError). */
const notListening = (error: unknown) =>
  (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';

/** fetch's error when the server closed the connection before answering. */
const droppedConnection = (error: unknown) =>
  ['ECONNRESET', 'UND_ERR_SOCKET'].includes(
    (error as { cause?: { code?: string } }).cause?.code ?? '',
  );

interface Api {
  process: ChildProcess;
  post(query: string, variables?: Record<string, unknown>): Promise<unknown>;
  stop(): Promise<void>;
}

async function startApi(
  args: string[],
  file: string,
  actor: Actor,
): Promise<{ api: Api; readyMs: number }> {
  const port = await freePort();
  const env = {
    ...process.env,
    ACCORD_STORE: 'sqlite',
    ACCORD_DB_FILE: file,
    ACCORD_JWT_SECRET: SECRET,
    PORT: String(port),
  };
  const token = await new TokenService(loadConfig(env).jwt).issue(actor);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const ask = (query: string, variables: Record<string, unknown>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await ask(query, variables);
        break;
      } catch (error) {
        // A request that waited out the server's headers timeout while the API was busy (its
        // event loop held by an index build, on a loaded machine) is dropped: ask again.
        if (attempt === 3 || child.exitCode !== null || !droppedConnection(error)) throw error;
        await sleep(1_000);
      }
    }
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (!response.ok || body.errors)
      throw new Error(`startup: ${response.status} ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  // Ready: the first GraphQL query answered (polling every 10 ms; refused connections retried).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`startup: the API exited: ${stderr}`);
    try {
      await post(TRIVIAL);
      break;
    } catch (error) {
      if (!notListening(error)) {
        await stop(); // never leave the API running behind a failed start
        throw error;
      }
      await sleep(10);
    }
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { api: { process: child, post, stop }, readyMs };
}

/** The backbone's staff member of a generated initiative: sees the whole accountability view. */
const staffOf = (initiativeId: string): Actor => ({
  personId: `${initiativeId}-p000.staff1`,
  partnerId: `${initiativeId}-p000`,
});

type Projection = { name: string; lag: number; state: string };

/** Waits until every read model has caught up with the log (the API's own catch-up at start). */
async function caughtUp(api: Api): Promise<void> {
  for (;;) {
    let answer: { projections: Projection[] };
    try {
      answer = (await api.post(PROJECTIONS)) as { projections: Projection[] };
    } catch (error) {
      // Building a million events' indexes at the head can hold the API for minutes: however
      // often it drops the waiting request, ask again while it runs.
      if (api.process.exitCode !== null || !droppedConnection(error)) throw error;
      continue;
    }
    const { projections } = answer;
    const failed = projections.find((p) => p.state === 'failed');
    if (failed) throw new Error(`startup: projection ${failed.name} failed`);
    if (projections.every((p) => p.lag === 0)) return;
    await sleep(200);
  }
}

/** Where the ledger with its read models caught up is cached, beside the ledger itself. */
export function caughtUpLedgerFile(ledger: CachedLedger): string {
  // The read models' tables are the projections' and the API's doing: their version too.
  const version = sourceVersion(['libs/projections/src', 'apps/api/src']);
  return ledger.file.replace(/\.db$/, `.caught-up-${version}.db`);
}

/**
 * The generated ledger with every read model caught up, cached beside the ledger: catching up
 * a million events is the replay benchmark's subject, not this one's. The replay benchmark
 * keeps its last rebuild here (the API's runner and projections, in the ledger's own file);
 * otherwise the API itself catches up on a copy.
 */
export async function caughtUpLedger(
  args: string[],
  events: number,
): Promise<{ file: string; initiativeId: string; events: number }> {
  const ledger = await cachedLedger({ events, seed: 1 }, note);
  const file = caughtUpLedgerFile(ledger);
  const facts = { initiativeId: ledger.result.initiativeId, events: ledger.result.events };
  if (existsSync(file)) return { file, ...facts };
  const partial = `${file}.partial-${process.pid}`;
  copyLedger(ledger, partial);
  note(`startup: catching the read models up on ${ledger.result.events} events…`);
  const started = Date.now();
  const { api } = await startApi(args, partial, staffOf(facts.initiativeId));
  try {
    await caughtUp(api);
  } finally {
    await api.stop();
  }
  note(`startup: caught up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, file);
  return { file, ...facts };
}

interface Run {
  readyMs: number;
  rssAfterStart: number;
  /** After ten light queries: what the process holds once it serves. */
  rssAfterQueries: number;
  peak: number;
  /** After one page of the accountability view, the largest (the ledger runs only). */
  rssAfterView: number;
  peakAfterView: number;
}

/**
 * Memory after one page of the accountability view (the largest page of partners, each group of
 * commitments at its default page), compared with the same process after the light queries.
 */
function viewFigures(benchmark: string, runs: Run[], events: number): Figure[] {
  const light = summarise(runs.map((r) => r.rssAfterQueries));
  const baseline = `${events} events, read models caught up, RSS after ten light queries`;
  return (
    [
      ['RSS after one accountability view', (r: Run) => r.rssAfterView],
      ['peak RSS (VmHWM) after one accountability view', (r: Run) => r.peakAfterView],
    ] as const
  ).map(([metric, pick]) => {
    const sample = summarise(runs.map(pick));
    return {
      benchmark,
      subject: `${events} events, ${metric}`,
      unit: 'MiB',
      better: 'lower' as const,
      sample,
      baseline,
      ratio: sample.median / light.median,
      goal: `< ${RSS_GOAL_MIB} MiB`,
      goalMet: sample.median < RSS_GOAL_MIB,
    };
  });
}

/**
 * Start-up time and resident memory of the real API process (issue 4, "Restart"): on a ledger of
 * a million events with its read models caught up, and on an empty ledger as the baseline, both
 * started the same way in the same run. Ready = the first GraphQL query answered after spawn.
 */
export async function startupBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const full = options.scale >= FULL_SCALE;
  const events = historyEvents(options.scale);
  const command = apiCommand(full);
  // The smoke run spawns the API twice only: its tiny ledger catches up in the measured start.
  const stored = full
    ? await caughtUpLedger(command.args, events)
    : await cachedLedger({ events, seed: 1 }, note).then((ledger) => ({
        file: ledger.file,
        initiativeId: ledger.result.initiativeId,
        events: ledger.result.events,
      }));
  const dir = mkdtempSync(join(tmpdir(), 'accord-startup-'));
  try {
    const ledgerFile = join(dir, 'ledger.db');
    copyFileSync(stored.file, ledgerFile);
    const actor = staffOf(stored.initiativeId);
    const emptyFile = join(dir, 'empty.db');
    const runOnce = async (file: string, heavy: boolean): Promise<Run> => {
      const { api, readyMs } = await startApi(command.args, file, actor);
      try {
        const rssAfterStart = memory(api.process.pid!).rss;
        for (let i = 0; i < 5; i++) {
          await api.post(TRIVIAL);
          await api.post(PROJECTIONS);
        }
        const after = memory(api.process.pid!);
        let view = after;
        if (heavy) {
          await caughtUp(api);
          const on = '2030-01-01';
          await api.post(ACCOUNTABILITY, {
            initiativeId: stored.initiativeId,
            on,
            partners: ACCOUNTABILITY_PAGE,
          });
          view = memory(api.process.pid!);
        }
        return {
          readyMs,
          rssAfterStart,
          rssAfterQueries: after.rss,
          peak: after.peak,
          rssAfterView: view.rss,
          peakAfterView: view.peak,
        };
      } finally {
        await api.stop();
      }
    };
    const measured = { empty: [] as Run[], ledger: [] as Run[] };
    if (full) {
      // Warm-up: the page cache holds the files and the empty ledger exists, as after any restart.
      await runOnce(emptyFile, false);
      await runOnce(ledgerFile, true);
    }
    for (let run = 0; run < options.runs; run++) {
      measured.empty.push(await runOnce(emptyFile, false));
      measured.ledger.push(await runOnce(ledgerFile, true));
    }

    const benchmark = `start-up and memory (${command.label}, SQLite)`;
    const of = (runs: Run[], pick: (r: Run) => number) => summarise(runs.map(pick));
    const pair = (
      metric: string,
      unit: string,
      pick: (r: Run) => number,
      goal?: { text: string; met: (value: number) => boolean },
    ): Figure[] => {
      const empty: Figure = {
        benchmark,
        subject: `empty ledger, ${metric}`,
        unit,
        better: 'lower',
        sample: of(measured.empty, pick),
      };
      const sample = of(measured.ledger, pick);
      return [
        empty,
        {
          benchmark,
          subject: `${stored.events} events, read models caught up, ${metric}`,
          unit,
          better: 'lower',
          sample,
          baseline: empty.subject,
          ratio: sample.median / empty.sample.median,
          ...(goal ? { goal: goal.text, goalMet: goal.met(sample.median) } : {}),
        },
      ];
    };
    const rssGoal = { text: `< ${RSS_GOAL_MIB} MiB`, met: (v: number) => v < RSS_GOAL_MIB };
    return [
      ...pair('ready (first GraphQL answer after spawn)', 'ms', (r) => r.readyMs, {
        text: `<= ${READY_GOAL_MS} ms`,
        met: (v) => v <= READY_GOAL_MS,
      }),
      ...pair('RSS when ready', 'MiB', (r) => r.rssAfterStart, rssGoal),
      ...pair('RSS after ten light queries', 'MiB', (r) => r.rssAfterQueries, rssGoal),
      ...pair('peak RSS (VmHWM) after them', 'MiB', (r) => r.peak, rssGoal),
      ...viewFigures(benchmark, measured.ledger, stored.events),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    note(`startup: the caught-up ledger stays cached in ${cacheDirectory()}`);
  }
}
