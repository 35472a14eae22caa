// A profiling aid, not a benchmark: `node -r ./tools/register-ts.js bench/append-profile.ts`.
// Interleaves small batches of raw pg inserts (BEGIN, INSERT, COMMIT) and PostgresEventStore
// appends, so the noise of a shared machine hits each alike, and reports per append: wall
// time, the round trips (each query and its time) and the CPU time of Node and of the
// PostgreSQL server's processes. ROUNDS and BATCH set the size (the first round is a warm-up).
import { PostgresEventStore } from '@accord/event-store';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../libs/event-store/src/testing/postgres-test-database';
import { commitmentEvent } from './append.bench';

type Hook = { default: () => Promise<void> };
const loadHook = (file: string) => import(file) as Promise<Hook>;

/** CPU seconds (user + system) used so far by the PostgreSQL server's processes. */
function serverCpu(): number {
  const started = (globalThis as unknown as { __ACCORD_POSTGRES__: { dir: string } })
    .__ACCORD_POSTGRES__;
  const postmaster = readFileSync(join(started.dir, 'data', 'postmaster.pid'), 'utf8').split(
    '\n',
  )[0]!;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid === postmaster || fields[1] === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / 100;
}

function nodeCpu(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Every query of every pg client, by database and statement: count and total milliseconds. */
const calls = new Map<string, { n: number; ms: number }>();
const labels = new Map<string, string>();
let counting = false;
function countQueries(): void {
  const prototype = Client.prototype as unknown as {
    query: (this: { database?: string }, ...args: unknown[]) => unknown;
  };
  const query = prototype.query;
  prototype.query = function (...args) {
    const label = labels.get(this.database ?? '');
    const result = query.apply(this, args) as Promise<unknown> | undefined;
    if (!counting || !label || typeof result?.then !== 'function') return result;
    const first = args[0] as string | { text: string };
    const text = (typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ');
    const key = `${label}: ${text.slice(0, 60)}`;
    const started = process.hrtime.bigint();
    const done = () => {
      const entry = calls.get(key) ?? { n: 0, ms: 0 };
      entry.n += 1;
      entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
      calls.set(key, entry);
    };
    result.then(done, done);
    return result;
  };
}

async function main(): Promise<void> {
  const postgres = join(__dirname, '..', 'test', 'postgres');
  await (await loadHook(join(postgres, 'global-setup.mjs'))).default();
  try {
    countQueries();
    const rawDb = await createTestDatabase();
    const storeDb = await createTestDatabase();
    labels.set(new URL(rawDb.url).pathname.slice(1), 'raw');
    labels.set(new URL(storeDb.url).pathname.slice(1), 'store');
    const raw = new Client({ connectionString: rawDb.url });
    await raw.connect();
    await raw.query(`CREATE TABLE raw_events (position BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE,
      stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
      metadata TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream, revision))`);
    const store = await PostgresEventStore.connect(storeDb.url);
    const rounds = Number(process.env.ROUNDS ?? 8);
    const batch = Number(process.env.BATCH ?? 300);
    let position = 0;
    const sides = {
      raw: async (n: number) => {
        const e = commitmentEvent(n);
        position += 1;
        await raw.query('BEGIN');
        await raw.query('INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          position,
          e.id,
          `commitment-${e.id}`,
          0,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          'x'.repeat(64),
        ]);
        await raw.query('COMMIT');
      },
      store: async (n: number) => {
        await store.append(`commitment-${randomUUID()}`, [commitmentEvent(n)], 'no_stream');
      },
    };
    const totals = Object.fromEntries(
      Object.keys(sides).map((side) => [side, { wall: 0, server: 0, node: 0 }]),
    );
    for (let round = 0; round < rounds; round++) {
      counting = round > 0;
      const line: string[] = [];
      for (const [side, append] of Object.entries(sides)) {
        const [server, cpu, started] = [serverCpu(), nodeCpu(), process.hrtime.bigint()];
        for (let n = 0; n < batch; n++) await append(n);
        const wall = Number(process.hrtime.bigint() - started) / 1e9;
        if (round > 0) {
          totals[side]!.wall += wall;
          totals[side]!.server += serverCpu() - server;
          totals[side]!.node += nodeCpu() - cpu;
        }
        line.push(`${side} ${Math.round(batch / wall)}/s`);
      }
      console.log(`round ${round}: ${line.join(', ')}`);
    }
    const appends = batch * (rounds - 1);
    const us = (seconds: number) => `${Math.round((seconds / appends) * 1e6)} µs`;
    for (const [side, t] of Object.entries(totals))
      console.log(
        `${side}: ${us(t.wall)} wall, ${us(t.server)} server CPU, ${us(t.node)} Node CPU per append; ${Math.round(appends / t.wall)}/s, ${(totals.raw!.wall / t.wall).toFixed(2)} of raw`,
      );
    for (const [key, entry] of [...calls].sort())
      console.log(
        `${(entry.n / appends).toFixed(2)} calls/append, ${((entry.ms / entry.n) * 1000).toFixed(0)} µs each: ${key}`,
      );
    await raw.end();
    await store.close();
    await storeDb.drop();
    await rawDb.drop();
  } finally {
    await (await loadHook(join(postgres, 'global-teardown.mjs'))).default();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
