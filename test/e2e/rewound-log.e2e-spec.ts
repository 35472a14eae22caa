import { ReadModelAheadOfLogError } from '@accord/projections';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { cli, cliInProcess } from '../support/cli';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { COMMITMENTS, MAKE } from '../support/operations';
import { FOOD_BANK, ALL_STORES, TEST_SECRET, TestApp, type Storage } from '../support/test-app';

/**
 * Removes the log's last events behind the app's back, as restoring an older copy of the log
 * would: the next append gets the first removed position again.
 */
async function truncateLog(storage: Storage, keep: number): Promise<void> {
  if (storage.kind === 'sqlite') {
    const db = new Database(join(storage.dir, 'accord.db'));
    try {
      db.exec('DROP TRIGGER events_are_never_deleted');
      db.prepare('DELETE FROM events WHERE position > ?').run(keep);
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(keep);
    } finally {
      db.close();
    }
    return;
  }
  const client = new Client({ connectionString: storage.databaseUrl });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query('DELETE FROM events WHERE position > $1', [keep]);
  } finally {
    await client.end();
  }
}

/** The one line naming the read model furthest ahead, its checkpoint, the head, and the ways out. */
const oneLine = (checkpoint: number, head: number) =>
  new RegExp(
    `^read model [\\w.-]+ has applied the log up to position ${checkpoint}, but the log ends at position ${head}: .*restore the log from a backup that reaches position ${checkpoint}, or accept the log as it is with: npm run accord -- projections rebuild --accept-log$`,
  );

/** The API server as its own process, as an operator starts it; resolves when it exits. */
function serve(storage: Storage): Promise<{ code: number | null; stderr: string }> {
  const root = join(__dirname, '..', '..');
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools/register-ts.js'), join(root, 'apps/api/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        ACCORD_DB_FILE: join(storage.dir, 'accord.db'),
        ACCORD_JWT_SECRET: TEST_SECRET,
        ...(storage.kind === 'postgres'
          ? { ACCORD_STORE: 'postgres', DATABASE_URL: storage.databaseUrl }
          : { ACCORD_STORE: 'sqlite' }),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe.each(ALL_STORES)('A log that lost its last events under the ledger, on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  let made = 0;

  const make = () =>
    app.gql(
      MAKE,
      {
        input: {
          commitmentId: `pack-${++made}`,
          initiativeId,
          partnerId: 'food-bank',
          description: `pack ${made}`,
          dueDate: ONE_YEAR_AHEAD,
        },
      },
      FOOD_BANK,
    );
  const commitments = () => app.gql(COMMITMENTS, { filter: { initiativeId }, first: 100 });

  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app, 'rewound-initiative');
    for (let i = 0; i < 3; i++) expectNoErrors(await make());
  });
  afterAll(() => app.stop());

  it('stops serving: writes are refused before they land, reads and /health say why', async () => {
    const head = (await app.rawEvents()).at(-1)!.position;
    const keep = head - 2;
    await truncateLog(app.storage, keep);

    const write = await make();
    expect(write.errors?.[0]?.extensions.code).toBe('LOG_BEHIND_READ_MODELS');
    expect(write.errors?.[0]?.message).toMatch(oneLine(head, keep));
    expect(write.errors?.[0]?.extensions).toMatchObject({
      checkpoint: String(head),
      head: String(keep),
    });
    expect(await app.eventCount()).toBe(keep);

    const read = await commitments();
    expect(read.data).toBeNull();
    expect(read.errors?.[0]?.extensions.code).toBe('LOG_BEHIND_READ_MODELS');

    for (const path of ['/health', '/ready']) {
      const res = await request(app.app.getHttpServer()).get(path);
      expect(res.status).toBe(503);
      expect(res.body.halted).toMatch(oneLine(head, keep));
      expect(res.body.projections.every((p: { state: string }) => p.state === 'halted')).toBe(true);
    }
    expect((await request(app.app.getHttpServer()).get('/health')).body.status).toBe('halted');
    await app.stop({ keepStorage: true });
  });

  it('refuses to start, in process and as a server process, with the one line', async () => {
    const keep = await rawHead(app);
    const checkpointed = keep + 2;
    const refused = TestApp.start({ storage: app.storage });
    await expect(refused).rejects.toBeInstanceOf(ReadModelAheadOfLogError);
    await expect(refused).rejects.toThrow(oneLine(checkpointed, keep));

    const { code, stderr } = await serve(app.storage);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(oneLine(checkpointed, keep));
  }, 60_000);

  it('projections rebuild refuses with the one line instead of waiting for the log, and --accept-log rebuilds from the log as it is', async () => {
    const keep = await rawHead(app);
    // The refusal in this process (the same command module and line); the rebuild, as a process.
    const refused = await cliInProcess(app, ['projections', 'rebuild', 'commitments-register']);
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toMatch(oneLine(keep + 2, keep));

    const accepted = await cli(app, ['projections', 'rebuild', '--accept-log']);
    expect(accepted.output).toMatch(/commitments-register: rebuilt from \d+ events/);
    expect(accepted.code).toBe(0);

    app = await TestApp.start({ storage: app.storage });
    const inLog = (await app.rawEvents()).filter((e) => e.type === 'CommitmentMade.v1').length;
    const before = await commitments();
    expectNoErrors(before);
    expect(before.data.commitments.totalCount).toBe(inLog);
    expectNoErrors(await make());
    const after = await commitments();
    expect(after.data.commitments.totalCount).toBe(inLog + 1);
  }, 120_000);
});

/** The last position in the stored log, read past the app (which may not be running). */
async function rawHead(app: TestApp): Promise<number> {
  return (await app.rawEvents()).at(-1)!.position;
}
