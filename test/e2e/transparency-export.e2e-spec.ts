/**
 * An initiative's export from the running app, checked by the offline verifier alone (copied
 * to an empty folder); an event edited in the database file afterwards: the ledger refuses to
 * start, and an export made from the edited file does not verify. And a ledger whose trees
 * are missing (made before them) gets them built from zero, to the same roots.
 */
import {
  eventLeafHash,
  type LedgerEvent,
  MemoryTree,
  rootAt,
  withStoredNodes,
  nodeKey,
} from '@accord/transparency';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/accord-config';
import { openLedger } from '../../apps/api/src/ledger/open-ledger';
import { loadLogKey, TransparencyService, TreeMaintainer } from '@accord/transparency-log';
import { launchWithPartners } from '../support/fixtures';
import { CITY_HALL, TEST_SECRET, TestApp } from '../support/test-app';

const ENV = { ACCORD_CHECKPOINT_EVERY_EVENTS: '1', ACCORD_LOG_ORIGIN: 'accord.test' };
const TREE = 'initiative/reading-by-9';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'accord-verifier-'));
  cpSync(resolve(__dirname, '../../verifier'), folder, { recursive: true });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the verifier as a partner would: `node accord-verify.js <export> --log-key <key>`. */
function verify(exported: string, logKey: string) {
  const file = join(folder, `export-${Date.now()}.jsonl`);
  writeFileSync(file, exported);
  return spawnSync(
    process.execPath,
    [join(folder, 'accord-verify.js'), file, '--log-key', logKey],
    {
      encoding: 'utf8',
    },
  );
}

async function exportOf(app: TestApp) {
  const token = await app.token(CITY_HALL);
  const res = await request(app.app.getHttpServer())
    .get('/export/initiative/reading-by-9')
    .set('authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/jsonl/);
  return res.body as string;
}

async function logKeyOf(app: TestApp): Promise<string> {
  const res = await app.gql(`{ logCheckpoint(initiativeId: "reading-by-9") { logKey } }`);
  return res.data.logCheckpoint.logKey as string;
}

function configOf(app: TestApp) {
  return loadConfig({
    ACCORD_DB_FILE: join(app.storage.dir, 'accord.db'),
    ACCORD_JWT_SECRET: TEST_SECRET,
    ...ENV,
  });
}

describe('exporting an initiative and checking it offline (SQLite)', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await TestApp.start({ env: ENV });
    await launchWithPartners(app);
  });

  afterEach(() => app.storage.drop());

  it('verifies the export; after an event is edited in the file, the ledger refuses to start and the export fails', async () => {
    const logKey = await logKeyOf(app);
    const clean = verify(await exportOf(app), logKey);
    expect(clean.stdout).toMatch(/^verified/);
    expect(clean.status).toBe(0);
    await app.app.close();

    const db = new Database(join(app.storage.dir, 'accord.db'));
    db.exec('DROP TRIGGER events_are_never_updated');
    db.prepare(
      `UPDATE events SET data = replace(data, 'Food Bank', 'Feed Bank') WHERE type = 'PartnerJoined.v1'`,
    ).run();
    db.close();

    const config = configOf(app);
    const refused = await createApp(config, false);
    await expect(refused.init()).rejects.toThrow(
      /^the ledger no longer extends its signed checkpoint accord\.test\/initiative\/reading-by-9 at size 8: the log's events hash to another root .*; refusing to start$/,
    );
    await refused.close();

    // An export made from the edited file, as an operator could, with the app's own parts.
    const ledger = await openLedger(config.store);
    try {
      const key = loadLogKey(config.transparency.key);
      const maintainer = new TreeMaintainer(ledger.readModels, ledger.store, key, {
        originHost: 'accord.test',
        checkpointEveryEvents: 1,
        checkpointIntervalMs: 1_000,
      });
      const tampered = verify(
        await new TransparencyService(maintainer, ledger.store, key).export(TREE),
        logKey,
      );
      expect(tampered.stdout).toMatch(/^not verified: /);
      expect(tampered.status).toBe(1);
    } finally {
      await ledger.close();
    }
  });

  it('builds the trees from zero on a ledger that has none, to the root of all its events', async () => {
    const exported = await exportOf(app);
    await app.app.close();
    const file = join(app.storage.dir, 'accord.db');
    const db = new Database(file);
    for (const table of [
      'tlog_streams',
      'tlog_leaves',
      'tlog_nodes',
      'tlog_checkpoints',
      'tlog_cosignatures',
    ]) {
      db.exec(`DROP TABLE ${table}`);
    }
    db.close();

    app = await TestApp.start({ storage: app.storage, env: ENV });
    const rebuilt = await exportOf(app);
    // The same events, the same signed root (Ed25519 signs deterministically).
    expect(rebuilt).toBe(exported);

    const events = rebuilt
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => (JSON.parse(line) as { event: LedgerEvent }).event);
    const all = new MemoryTree();
    for (const event of events) all.append(eventLeafHash(event));
    const stored = new Database(file, { readonly: true });
    const rows = stored
      .prepare('SELECT level, node_index, hash FROM tlog_nodes WHERE tree = ?')
      .all(TREE) as { level: number; node_index: number; hash: string }[];
    stored.close();
    const nodes = new Map(
      rows.map((r) => [nodeKey(r.level, r.node_index), Buffer.from(r.hash, 'hex')]),
    );
    const fromStored = await withStoredNodes(
      (node) => rootAt(node, events.length),
      () => Promise.resolve(nodes),
    );
    expect(Buffer.from(fromStored).equals(all.root())).toBe(true);
    await app.app.close();
  });
});
