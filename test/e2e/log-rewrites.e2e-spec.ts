/**
 * The rewrites of issue 17's table, done as an operator with file or database access could, on
 * a real SQLite file and on PostgreSQL, after the ledger signed checkpoints of its trees. Each
 * asserts who finds it and what they say: the start-up check (the check the API runs before
 * serving) and `accord verify`. The chains alone miss all of these. `accord verify` runs as its
 * own process where its exit code is the point (a good ledger, the first rewrite); elsewhere its
 * command module runs in this process (runCliInProcess), which reports the same lines and code.
 */
import { chainHash, type JsonObject } from '@accord/event-store';
import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type Ledger, openLedger } from '../../apps/api/src/ledger/open-ledger';
import {
  LogKey,
  checkLogExtendsCheckpoints,
  TransparencyService,
  TreeMaintainer,
} from '@accord/transparency-log';
import { runCli, runCliInProcess } from '../support/cli';
import { TEST_SECRET } from '../support/test-app';

const KEY_HEX = '07'.repeat(32);
const KEY = new LogKey(Buffer.from(KEY_HEX, 'hex'));
const HOST = 'accord.test';
const ORIGIN = `${HOST}/initiative/i-1`;

interface Storage {
  open(): Promise<Ledger>;
  /** Runs statements as the operator would, with the immutability triggers out of the way. */
  rewrite(statements: string[]): Promise<void>;
  env: Record<string, string>;
  drop(): Promise<void>;
}

function sqliteStorage(): Promise<Storage> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-rewrite-'));
  const file = join(dir, 'accord.db');
  return Promise.resolve({
    open: () => openLedger({ kind: 'sqlite', file }),
    rewrite: (statements) => {
      const db = new Database(file);
      db.exec('DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted');
      for (const statement of statements) db.exec(statement);
      db.close();
      return Promise.resolve();
    },
    env: { ACCORD_STORE: 'sqlite', ACCORD_DB_FILE: file },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  });
}

async function postgresStorage(): Promise<Storage> {
  const database = await createTestDatabase();
  return {
    open: () => openLedger({ kind: 'postgres', url: database.url }),
    rewrite: async (statements) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('ALTER TABLE events DISABLE TRIGGER events_are_never_changed');
        for (const statement of statements) await client.query(statement);
        await client.query('ALTER TABLE events ENABLE TRIGGER events_are_never_changed');
      } finally {
        await client.end();
      }
    },
    env: { ACCORD_STORE: 'postgres', DATABASE_URL: database.url },
    drop: () => database.drop(),
  };
}

const maintainerOf = (ledger: Ledger) =>
  new TreeMaintainer(ledger.readModels, ledger.store, KEY, {
    originHost: HOST,
    checkpointEveryEvents: 1,
    checkpointIntervalMs: 3_600_000,
  });

/** positions 1–10: initiative i-1 (three streams, one of a single event) and one person. */
const HISTORY: [stream: string, data: JsonObject][] = [
  ['initiative-i-1', { initiativeId: 'i-1', name: 'Reading by 9' }],
  ['person-p1', { name: 'Ada' }],
  ['commitment-c1', { initiativeId: 'i-1', amount: '18500.00' }],
  ['initiative-i-1', { initiativeId: 'i-1', partner: 'food-bank' }],
  ['decision-d1', { initiativeId: 'i-1', title: 'Adopt the plan' }],
  ['commitment-c1', { initiativeId: 'i-1', progress: 50 }],
  ['person-p1', { email: 'ada@example.org' }],
  ['initiative-i-1', { initiativeId: 'i-1', partner: 'library' }],
  ['commitment-c1', { initiativeId: 'i-1', progress: 100 }],
  ['initiative-i-1', { initiativeId: 'i-1', partner: 'school' }],
];
const event = (i: number, data: JsonObject) => ({
  id: `event-${i}`,
  type: 'Recorded.v1',
  data,
  metadata: { recordedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() },
});

/** Records the history (or more) and signs a checkpoint of every tree at every size. */
async function recordHistory(
  storage: Storage,
  history = HISTORY,
  revisions = new Map<string, number>(),
  first = 0,
): Promise<void> {
  const ledger = await storage.open();
  try {
    for (const [n, [stream, data]] of history.entries()) {
      const i = first + n;
      const result = await ledger.store.append(
        stream,
        [event(i, data)],
        revisions.get(stream) ?? 'no_stream',
      );
      revisions.set(stream, result.revision);
    }
    const maintainer = maintainerOf(ledger);
    await maintainer.start();
    await maintainer.waitFor(first + history.length);
    await maintainer.signNow();
    await maintainer.stop();
  } finally {
    await ledger.close();
  }
}

/** What the API's start-up check says: "starts", or its refusal. */
async function startUp(storage: Storage): Promise<string> {
  const ledger = await storage.open();
  try {
    const maintainer = maintainerOf(ledger);
    await checkLogExtendsCheckpoints(
      maintainer,
      new TransparencyService(maintainer, ledger.store, KEY),
      KEY,
    );
    return 'starts';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await ledger.close();
  }
}

/** `accord verify` on the storage: as its own process, or its command module in this one. */
const accordVerify = (storage: Storage, as: 'process' | 'in-process' = 'in-process') =>
  (as === 'process' ? runCli : runCliInProcess)(['verify'], {
    ...storage.env,
    ACCORD_JWT_SECRET: TEST_SECRET,
    ACCORD_LOG_KEY: KEY_HEX,
    ACCORD_LOG_ORIGIN: HOST,
  });

const refusal = (size: number, reason: string) =>
  `the ledger no longer extends its signed checkpoint ${ORIGIN} at size ${size}: ${reason}; refusing to start`;
const ANOTHER_ROOT =
  "the log's events hash to another root (an event was altered, moved or replaced)";

describe.each([
  ['SQLite file', sqliteStorage],
  ['PostgreSQL', postgresStorage],
])('rewrites of the log after it was signed (%s)', (_name, makeStorage) => {
  let storage: Storage;

  beforeEach(async () => {
    storage = await makeStorage();
    await recordHistory(storage);
  });

  afterEach(() => storage.drop());

  it('an untouched ledger starts, and accord verify finds every chain and checkpoint good', async () => {
    expect(await startUp(storage)).toBe('starts');
    const verified = await accordVerify(storage, 'process');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/: all 10 events verify\n/);
    expect(verified.stdout).toMatch(
      /: 2 Merkle trees rebuilt from 10 events match all 10 signed checkpoints\n$/,
    );
  });

  it('deleting the last event of a stream, its revision then reused by the next write: found by start-up and accord verify', async () => {
    await storage.rewrite(['DELETE FROM events WHERE position = 9']);
    const ledger = await storage.open();
    await ledger.store.append(
      'commitment-c1',
      [event(99, { initiativeId: 'i-1', progress: 0 })],
      1,
    );
    await ledger.close();

    expect(await startUp(storage)).toBe(refusal(8, ANOTHER_ROOT));
    const verified = await accordVerify(storage, 'process');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/: all 10 events verify\n/); // the chains close over the gap
    expect(verified.stderr).toContain(
      `- the log's first 7 events of ${ORIGIN} (up to position 10) hash to another root than its signed checkpoint`,
    );
  });

  it('deleting a whole one-event stream: found by start-up and accord verify', async () => {
    await storage.rewrite(["DELETE FROM events WHERE stream = 'decision-d1'"]);
    expect(await startUp(storage)).toBe(refusal(8, 'the log holds 7 of its 8 events'));
    const verified = await accordVerify(storage);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/: all 9 events verify\n/);
    expect(verified.stderr).toContain(
      `- the log holds 7 events of ${ORIGIN}, but the ledger signed a checkpoint of 8: events were removed`,
    );
  });

  it('swapping the log positions of two events of different streams: found by start-up and accord verify', async () => {
    await storage.rewrite([
      'UPDATE events SET position = 1000 WHERE position = 4',
      'UPDATE events SET position = 4 WHERE position = 5',
      'UPDATE events SET position = 5 WHERE position = 1000',
    ]);
    expect(await startUp(storage)).toBe(refusal(8, ANOTHER_ROOT));
    const verified = await accordVerify(storage);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/: all 10 events verify\n/);
    expect(verified.stderr).toContain(
      `- the log's first 3 events of ${ORIGIN} (up to position 4) hash to another root than its signed checkpoint`,
    );
  });

  it('truncating the last 3 events of the log: found by start-up and accord verify', async () => {
    await storage.rewrite(['DELETE FROM events WHERE position > 7']);
    expect(await startUp(storage)).toBe(refusal(8, 'the log holds 5 of its 8 events'));
    const verified = await accordVerify(storage);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/: all 7 events verify\n/);
    expect(verified.stderr).toContain(
      `- the log holds 5 events of ${ORIGIN}, but the ledger signed a checkpoint of 8: events were removed`,
    );
  });

  it('rewriting one amount (18,500.00 to 1.00) and re-chaining its stream: found by start-up and accord verify', async () => {
    let previous = '';
    const statements = [2, 5, 8].map((i) => {
      const [, data] = HISTORY[i]!;
      const changed = i === 2 ? { ...data, amount: '1.00' } : data;
      const rewritten = event(i, changed);
      previous = chainHash(previous, rewritten);
      return `UPDATE events SET data = '${JSON.stringify(changed)}', hash = '${previous}' WHERE position = ${i + 1}`;
    });
    await storage.rewrite(statements);
    expect(await startUp(storage)).toBe(refusal(8, ANOTHER_ROOT));
    const verified = await accordVerify(storage);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/: all 10 events verify\n/); // re-chained: the chains hold
    expect(verified.stderr).toContain(
      `- the log's first 2 events of ${ORIGIN} (up to position 3) hash to another root than its signed checkpoint`,
    );
  });

  it('a start-up reads only what came after the last one checked: an event edited since is found, an older one is left to accord verify', async () => {
    expect(await startUp(storage)).toBe('starts');
    const revisions = new Map([
      ['initiative-i-1', 3],
      ['commitment-c1', 2],
    ]);
    await recordHistory(
      storage,
      [
        ['commitment-c1', { initiativeId: 'i-1', progress: 120 }],
        ['initiative-i-1', { initiativeId: 'i-1', partner: 'museum' }],
      ],
      revisions,
      HISTORY.length,
    );
    expect(await startUp(storage)).toBe('starts');

    // Before that start-up's check: the next start does not reread it; accord verify does.
    await storage.rewrite([
      `UPDATE events SET data = '{"initiativeId":"i-1","partner":"museum of fakes"}' WHERE position = 12`,
    ]);
    await recordHistory(
      storage,
      [['commitment-c1', { initiativeId: 'i-1', progress: 130 }]],
      revisions,
      HISTORY.length + 2,
    );
    await storage.rewrite([
      `UPDATE events SET data = '{"initiativeId":"i-1","progress":1}' WHERE position = 13`,
    ]);
    expect(await startUp(storage)).toBe(refusal(11, ANOTHER_ROOT));
    const verified = await accordVerify(storage);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(
      `- the log's first 10 events of ${ORIGIN} (up to position 12) hash to another root than its signed checkpoint`,
    );
  });

  it('an event a start-up checked, edited afterwards: the next start does not reread it, accord verify finds it', async () => {
    expect(await startUp(storage)).toBe('starts');
    await storage.rewrite([
      `UPDATE events SET data = '{"initiativeId":"i-1","partner":"nobody"}' WHERE position = 4`,
    ]);
    expect(await startUp(storage)).toBe('starts');
    const verified = await accordVerify(storage);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe('');
    expect(verified.stderr).toContain('does not verify: initiative-i-1 revision 1 (position 4)');
  });
});
