/**
 * The two rewrites of issue 17's table that leave a ledger consistent with itself, so that
 * neither the start-up check nor `accord verify` can find them: only what a partner kept from
 * before can. Done on a real SQLite file and on PostgreSQL, with the API and `accord witness`
 * each as its own process.
 *   - Row 5: truncate the last events, rewind the trees and checkpoints, rebuild the read models.
 *   - Row 7: a split view, one history shown to one partner and another to another.
 */
import type { Actor } from '@accord/domain';
import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import { openCheckpoint, parseVerifierKey } from '@accord/transparency';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { ApiProcess } from '../support/api-process';
import { runCli } from '../support/cli';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { AMEND } from '../support/operations';
import {
  ALL_STORES,
  CITY_HALL,
  FOOD_BANK,
  SCHOOLS,
  type StoreKind,
  TEST_SECRET,
  type TestApp,
} from '../support/test-app';

const INITIATIVE = 'reading-by-9';
const ORIGIN = `accord.test/initiative/${INITIATIVE}`;
const LOG_SEED = randomBytes(32).toString('hex');
const VERIFIER = join(__dirname, '..', '..', 'verifier', 'accord-verify.js');
const CHECKPOINT = `query Checkpoint($initiativeId: ID) {
  logCheckpoint(initiativeId: $initiativeId) { size note logKey }
}`;
const TREE_TABLES = [
  'tlog_cosignatures',
  'tlog_checkpoints',
  'tlog_startup_checks',
  'tlog_nodes',
  'tlog_leaves',
  'tlog_streams',
];
const tokens = new TokenService({
  secret: new TextEncoder().encode(TEST_SECRET),
  issuer: 'accord-local',
  audience: 'accord',
});

interface Storage {
  env: Record<string, string>;
  /** Runs statements as the operator would, with the log's immutability triggers out of the way. */
  rewrite(statements: string[]): Promise<void>;
  /** A copy of the whole ledger as it is now (the API stopped), to show someone else. */
  fork(): Promise<Storage>;
  drop(): Promise<void>;
}

function sqliteStorage(file: string): Storage {
  return {
    env: { ACCORD_STORE: 'sqlite', ACCORD_DB_FILE: file },
    rewrite: (statements) => {
      const db = new Database(file);
      db.exec('DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted');
      for (const statement of statements) db.exec(statement);
      db.close();
      return Promise.resolve();
    },
    fork: () => {
      const copy = join(mkdtempSync(join(tmpdir(), 'accord-fork-')), 'accord.db');
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix)) copyFileSync(file + suffix, copy + suffix);
      }
      return Promise.resolve(sqliteStorage(copy));
    },
    drop: () => Promise.resolve(rmSync(join(file, '..'), { recursive: true, force: true })),
  };
}

function postgresStorage(url: string, drop: () => Promise<void>): Storage {
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: process.env.ACCORD_TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    env: { ACCORD_STORE: 'postgres', DATABASE_URL: url },
    rewrite: async (statements) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('ALTER TABLE events DISABLE TRIGGER events_are_never_changed');
        for (const statement of statements) await client.query(statement);
        await client.query('ALTER TABLE events ENABLE TRIGGER events_are_never_changed');
      } finally {
        await client.end();
      }
    },
    fork: async () => {
      const name = `accord_fork_${randomBytes(6).toString('hex')}`;
      await admin(`CREATE DATABASE ${name} TEMPLATE ${new URL(url).pathname.slice(1)}`);
      const copy = new URL(url);
      copy.pathname = `/${name}`;
      return postgresStorage(copy.toString(), () =>
        admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
    drop,
  };
}

async function newStorage(kind: StoreKind): Promise<Storage> {
  if (kind === 'sqlite') {
    return sqliteStorage(join(mkdtempSync(join(tmpdir(), 'accord-rewrite-')), 'accord.db'));
  }
  const database = await createTestDatabase();
  return postgresStorage(database.url, () => database.drop());
}

const startApi = (storage: Storage) =>
  ApiProcess.start({
    ...storage.env,
    ACCORD_CHECKPOINT_EVERY_EVENTS: '1',
    ACCORD_LOG_ORIGIN: 'accord.test',
    ACCORD_LOG_KEY: LOG_SEED,
  });

/** launchWithPartners speaks through a TestApp; this one speaks to the API process. */
const speakingTo = (api: ApiProcess) =>
  ({
    gql: async (query: string, variables: Record<string, unknown>, actor: Actor = CITY_HALL) =>
      api.gql(await tokens.issue(actor), query, variables),
  }) as unknown as TestApp;

async function amend(api: ApiProcess, commonAgenda: string): Promise<void> {
  const amended = await api.gql(await tokens.issue(CITY_HALL), AMEND, {
    input: { initiativeId: INITIATIVE, commonAgenda, reason: 'retreat' },
  });
  expectNoErrors(amended);
}

async function served(api: ApiProcess): Promise<{ size: number; note: string; logKey: string }> {
  const res = await api.gql(await tokens.issue(FOOD_BANK), CHECKPOINT, {
    initiativeId: INITIATIVE,
  });
  expectNoErrors(res);
  return res.data.logCheckpoint;
}

async function exportOf(api: ApiProcess, file: string): Promise<string> {
  const res = await request(api.url)
    .get(`/export/initiative/${INITIATIVE}`)
    .set('authorization', `Bearer ${await tokens.issue(FOOD_BANK)}`)
    .buffer(true)
    .parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => done(null, text));
    });
  expect(res.status).toBe(200);
  writeFileSync(file, res.body as string);
  return file;
}

/** The offline verifier, as an evaluator runs it, trusting only the log key. */
function offlineVerify(file: string, logKey: string): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [VERIFIER, file, '--log-key', logKey], {
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout };
}

describe.each(ALL_STORES)('rewrites only a partner witness can find (%s)', (kind) => {
  let dir: string;
  let storages: Storage[];
  let apis: ApiProcess[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-witnessed-'));
    storages = [];
    apis = [];
  });

  afterEach(async () => {
    for (const api of apis) await api.terminate();
    for (const storage of storages) await storage.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const storage = async (made: Promise<Storage>) => {
    const kept = await made;
    storages.push(kept);
    return kept;
  };
  const api = async (on: Storage) => {
    const started = await startApi(on);
    apis.push(started);
    return started;
  };
  const stop = async (running: ApiProcess) => {
    await running.terminate();
    apis.splice(apis.indexOf(running), 1);
  };

  const witness = async (on: ApiProcess, actor: Actor, logKey: string) =>
    runCli(
      [
        'witness',
        '--url',
        on.url,
        '--initiative',
        INITIATIVE,
        '--log-key',
        logKey,
        '--key-file',
        join(dir, actor.partnerId, 'witness.key'),
        '--name',
        `${actor.partnerId}.example/witness`,
        '--state',
        join(dir, actor.partnerId, 'state'),
      ],
      { ACCORD_TOKEN: await tokens.issue(actor) },
    );
  const lastCosigned = (actor: Actor) =>
    readFileSync(
      join(dir, actor.partnerId, 'state', encodeURIComponent(ORIGIN), 'last-cosigned.note'),
      'utf8',
    );
  const cli = (on: Storage, args: string[]) =>
    runCli(args, {
      ...on.env,
      ACCORD_JWT_SECRET: TEST_SECRET,
      ACCORD_LOG_KEY: LOG_SEED,
      ACCORD_LOG_ORIGIN: 'accord.test',
    });

  it('truncating the last events, rewinding the trees and checkpoints and rebuilding the read models: start-up, accord verify and the offline verifier accept it; the witness that cosigned the longer log refuses it', async () => {
    const ledger = await storage(newStorage(kind));
    let running = await api(ledger);
    await launchWithPartners(speakingTo(running));
    const { logKey, size: launched } = await served(running);
    expect((await witness(running, FOOD_BANK, logKey)).code).toBe(0);
    await amend(running, 'Every child reads by nine');
    await amend(running, 'Every child reads by nine, and says so');
    const longer = await served(running);
    const cosigned = await witness(running, FOOD_BANK, logKey);
    expect({ code: cosigned.code, stderr: cosigned.stderr }).toEqual({ code: 0, stderr: '' });
    expect(cosigned.stdout.trim()).toBe(
      `cosigned ${ORIGIN} at size ${longer.size} (consistent with size ${launched})`,
    );
    const earlierExport = await exportOf(running, join(dir, 'earlier.jsonl'));
    await stop(running);

    // The operator removes the two amendments and every trace of the trees they grew.
    const removed = longer.size - launched;
    await ledger.rewrite([
      `DELETE FROM events WHERE position > (SELECT MAX(position) FROM events) - ${removed}`,
      ...TREE_TABLES.map((table) => `DELETE FROM ${table}`),
      ...(kind === 'sqlite'
        ? [
            "UPDATE sqlite_sequence SET seq = (SELECT MAX(position) FROM events) WHERE name = 'events'",
          ]
        : []),
    ]);
    const rebuilt = await cli(ledger, ['projections', 'rebuild', '--accept-log']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toContain('initiative-overview: rebuilt from');

    // A consistent, shorter ledger: it starts (its trees rebuilt and signed anew) and verifies.
    running = await api(ledger);
    const rewound = await served(running);
    expect(rewound.size).toBe(launched);
    expect(rewound.logKey).toBe(logKey);
    const verified = await cli(ledger, ['verify']);
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(
      /Merkle trees rebuilt from \d+ events match all \d+ signed checkpoints\n$/,
    );
    const laterExport = await exportOf(running, join(dir, 'later.jsonl'));
    // The offline verifier checks one export against its own checkpoint: each alone verifies.
    expect(offlineVerify(earlierExport, logKey)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^verified\n/),
    });
    expect(offlineVerify(laterExport, logKey)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^verified\n/),
    });

    // The partner's witness remembers the longer checkpoint it cosigned.
    const shrunk = await witness(running, FOOD_BANK, logKey);
    expect(shrunk.code).toBe(1);
    expect(shrunk.stdout).toBe('');
    expect(shrunk.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `refused to cosign ${ORIGIN}: the log shrank from size ${longer.size} to ${launched}; the log misbehaved, evidence kept in `,
      ),
    ]);

    // Regrown to the size the witness cosigned, with another history: two roots for one size.
    await amend(running, 'Most children read by ten');
    await amend(running, 'Most children read by ten, some by eleven');
    const regrown = await served(running);
    expect(regrown.size).toBe(longer.size);
    const forked = await witness(running, FOOD_BANK, logKey);
    expect(forked.code).toBe(1);
    expect(forked.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `refused to cosign ${ORIGIN}: two different roots for size ${longer.size}`,
      ),
    ]);
    // The evidence: two checkpoints of one size, both signed by the log's key, that disagree.
    const trust = { origin: ORIGIN, logKeys: [parseVerifierKey(logKey)] };
    const mine = openCheckpoint(lastCosigned(FOOD_BANK), trust).checkpoint;
    const shown = openCheckpoint(regrown.note, trust).checkpoint;
    expect(mine.size).toBe(shown.size);
    expect(mine.root.equals(shown.root)).toBe(false);
  }, 300_000);

  it('showing one partner one history and another partner another (split view): each witness alone cosigns its view; their two signed checkpoints of one size disagree, and a witness shown the other view refuses it', async () => {
    const ledger = await storage(newStorage(kind));
    let running = await api(ledger);
    await launchWithPartners(speakingTo(running));
    const { logKey, size: launched } = await served(running);
    expect((await witness(running, FOOD_BANK, logKey)).code).toBe(0);
    expect((await witness(running, SCHOOLS, logKey)).code).toBe(0);
    await stop(running);

    // From here the operator runs two copies of the ledger under the same log key.
    const copy = await storage(ledger.fork());
    running = await api(ledger);
    const other = await api(copy);
    await amend(running, 'Every child reads by nine');
    await amend(other, 'Some children read by nine');
    const toFoodBank = await served(running);
    const toSchools = await served(other);
    expect(toSchools.size).toBe(toFoodBank.size);
    expect(toSchools.note).not.toBe(toFoodBank.note);

    // Each witness checks a consistency proof from the launch checkpoint: each view passes.
    for (const [view, partner] of [
      [running, FOOD_BANK],
      [other, SCHOOLS],
    ] as const) {
      const cosigned = await witness(view, partner, logKey);
      expect({ code: cosigned.code, stderr: cosigned.stderr }).toEqual({ code: 0, stderr: '' });
      expect(cosigned.stdout.trim()).toBe(
        `cosigned ${ORIGIN} at size ${toFoodBank.size} (consistent with size ${launched})`,
      );
    }
    // Each copy verifies on its own.
    for (const each of [ledger, copy]) {
      expect((await cli(each, ['verify'])).code).toBe(0);
    }

    // What the two partners' witnesses kept proves the split: one size, two roots, one log key.
    const trust = { origin: ORIGIN, logKeys: [parseVerifierKey(logKey)] };
    const foodBanks = openCheckpoint(lastCosigned(FOOD_BANK), trust).checkpoint;
    const schools = openCheckpoint(lastCosigned(SCHOOLS), trust).checkpoint;
    expect(foodBanks.size).toBe(schools.size);
    expect(foodBanks.root.equals(schools.root)).toBe(false);

    // The schools' witness, shown the food bank's view, refuses it and keeps both notes.
    const refused = await witness(running, SCHOOLS, logKey);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `refused to cosign ${ORIGIN}: two different roots for size ${toFoodBank.size}; the log misbehaved, evidence kept in `,
      ),
    ]);
  }, 300_000);
});
