/**
 * The two rewrites of issue 17's table that leave a ledger consistent with itself, so that
 * neither the start-up check nor `accord verify` can find them: only what a partner kept from
 * before can. The API runs as its own process, started on the rewritten ledger as an operator
 * would; the partners' witnesses speak to it over HTTP.
 *   - Row 5: truncate the last events, rewind the trees and checkpoints, rebuild the read models.
 *     On a real SQLite file and on PostgreSQL: the rewrite is SQL on the store (PostgreSQL keeps
 *     its sequence, SQLite is told to reuse positions), and the start-up that accepts it rebuilds
 *     and signs the trees in each store's SQL.
 *   - Row 7: a split view, one history shown to one partner and another to another. On SQLite:
 *     the operator copies the whole ledger and no statement touches the log; each copy signs and
 *     serves checkpoints and proofs as row 5 and transparency.e2e-spec show on both stores, and
 *     the finding is the witnesses', over HTTP, whatever the store.
 * Each scenario runs `accord witness` once as its own process (its refusal: the line and exit
 * code 1); its other runs, and `verify` and `projections rebuild`, run the same command modules
 * in this process (runCliInProcess): the process boundary proves nothing there, and the CLI as a
 * process is proved by cli.e2e-spec, witness.e2e-spec and log-rewrites.e2e-spec.
 */
import type { Actor } from '@accord/domain';
import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import { openCheckpoint, parseVerifierKey } from '@accord/transparency';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { ApiProcess } from '../support/api-process';
import { runCli, runCliInProcess } from '../support/cli';
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
  drop(): Promise<void>;
}

interface SqliteStorage extends Storage {
  /** A copy of the whole ledger as it is now, to show someone else. */
  fork(): Promise<SqliteStorage>;
}

function sqliteStorage(file: string): SqliteStorage {
  return {
    env: { ACCORD_STORE: 'sqlite', ACCORD_DB_FILE: file },
    rewrite: (statements) => {
      const db = new Database(file);
      db.exec('DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted');
      for (const statement of statements) db.exec(statement);
      db.close();
      return Promise.resolve();
    },
    fork: async () => {
      const copy = join(mkdtempSync(join(tmpdir(), 'accord-fork-')), 'accord.db');
      // SQLite's online backup: a consistent copy while the API keeps serving the original.
      const db = new Database(file, { readonly: true });
      try {
        await db.backup(copy);
      } finally {
        db.close();
      }
      return sqliteStorage(copy);
    },
    drop: () => Promise.resolve(rmSync(join(file, '..'), { recursive: true, force: true })),
  };
}

function postgresStorage(url: string, drop: () => Promise<void>): Storage {
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
    drop,
  };
}

const newSqliteStorage = () =>
  sqliteStorage(join(mkdtempSync(join(tmpdir(), 'accord-rewrite-')), 'accord.db'));

async function newStorage(kind: StoreKind): Promise<Storage> {
  if (kind === 'sqlite') return newSqliteStorage();
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

/** Per test: a folder for the witnesses, and the ledgers and API processes to clean up. */
function scenario() {
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

  const storage = async <S extends Storage>(made: Promise<S>) => {
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

  const witnessArgs = (on: ApiProcess, actor: Actor, logKey: string) => [
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
  ];
  /** `accord witness` as its own process, as the partner runs it. */
  const witnessProcess = async (on: ApiProcess, actor: Actor, logKey: string) =>
    runCli(witnessArgs(on, actor, logKey), { ACCORD_TOKEN: await tokens.issue(actor) });
  /** The same command's module in this process, over the same HTTP to the API process. */
  const witness = async (on: ApiProcess, actor: Actor, logKey: string) =>
    runCliInProcess(witnessArgs(on, actor, logKey), { ACCORD_TOKEN: await tokens.issue(actor) });
  const lastCosigned = (actor: Actor) =>
    readFileSync(
      join(dir, actor.partnerId, 'state', encodeURIComponent(ORIGIN), 'last-cosigned.note'),
      'utf8',
    );
  /** An operator's command on a ledger the API has stopped serving, or serves next to it. */
  const operator = (on: Storage, args: string[]) =>
    runCliInProcess(args, {
      ...on.env,
      ACCORD_JWT_SECRET: TEST_SECRET,
      ACCORD_LOG_KEY: LOG_SEED,
      ACCORD_LOG_ORIGIN: 'accord.test',
    });

  return {
    folder: () => dir,
    storage,
    api,
    stop,
    witness,
    witnessProcess,
    lastCosigned,
    operator,
  };
}

describe.each(ALL_STORES)('a rewound ledger only a partner witness can find (%s)', (kind) => {
  const { folder, storage, api, stop, witness, witnessProcess, lastCosigned, operator } =
    scenario();

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
    const earlierExport = await exportOf(running, join(folder(), 'earlier.jsonl'));
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
    const rebuilt = await operator(ledger, ['projections', 'rebuild', '--accept-log']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toContain('initiative-overview: rebuilt from');

    // A consistent, shorter ledger: it starts (its trees rebuilt and signed anew) and verifies.
    running = await api(ledger);
    const rewound = await served(running);
    expect(rewound.size).toBe(launched);
    expect(rewound.logKey).toBe(logKey);
    const verified = await operator(ledger, ['verify']);
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(
      /Merkle trees rebuilt from \d+ events match all \d+ signed checkpoints\n$/,
    );
    const laterExport = await exportOf(running, join(folder(), 'later.jsonl'));
    // The offline verifier checks one export against its own checkpoint: each alone verifies.
    expect(offlineVerify(earlierExport, logKey)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^verified\n/),
    });
    expect(offlineVerify(laterExport, logKey)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^verified\n/),
    });

    // The partner's witness, run as the partner runs it, remembers the longer checkpoint.
    const shrunk = await witnessProcess(running, FOOD_BANK, logKey);
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
});

describe("a split view only the partners' witnesses together can find (sqlite)", () => {
  const { storage, api, witness, witnessProcess, lastCosigned, operator } = scenario();

  it('showing one partner one history and another partner another (split view): each witness alone cosigns its view; their two signed checkpoints of one size disagree, and a witness shown the other view refuses it', async () => {
    const ledger = await storage(Promise.resolve(newSqliteStorage()));
    const running = await api(ledger);
    await launchWithPartners(speakingTo(running));
    const { logKey, size: launched } = await served(running);
    expect((await witness(running, FOOD_BANK, logKey)).code).toBe(0);
    expect((await witness(running, SCHOOLS, logKey)).code).toBe(0);

    // From here the operator serves a copy of the ledger too, under the same log key.
    const copy = await storage(ledger.fork());
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
      expect((await operator(each, ['verify'])).code).toBe(0);
    }

    // What the two partners' witnesses kept proves the split: one size, two roots, one log key.
    const trust = { origin: ORIGIN, logKeys: [parseVerifierKey(logKey)] };
    const foodBanks = openCheckpoint(lastCosigned(FOOD_BANK), trust).checkpoint;
    const schools = openCheckpoint(lastCosigned(SCHOOLS), trust).checkpoint;
    expect(foodBanks.size).toBe(schools.size);
    expect(foodBanks.root.equals(schools.root)).toBe(false);

    // The schools' witness, run as the partner runs it and shown the food bank's view, refuses
    // it and keeps both notes.
    const refused = await witnessProcess(running, SCHOOLS, logKey);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `refused to cosign ${ORIGIN}: two different roots for size ${toFoodBank.size}; the log misbehaved, evidence kept in `,
      ),
    ]);
  }, 300_000);
});
