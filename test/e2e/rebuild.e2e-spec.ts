import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { COMMITMENTS, MAKE } from '../support/operations';
import { cli } from '../support/cli';
import { FOOD_BANK, ALL_STORES, TestApp } from '../support/test-app';

/** Edits a read-model row behind the app's back, as a bug or a hand would. */
async function tamper(app: TestApp, commitmentId: string): Promise<void> {
  const statement = `UPDATE rm_commitments SET description = 'tampered' WHERE commitment_id = `;
  if (app.storage.kind === 'sqlite') {
    const db = new Database(join(app.storage.dir, 'accord.db'));
    db.prepare(`${statement}?`).run(commitmentId);
    db.close();
    return;
  }
  const client = new Client({ connectionString: app.storage.databaseUrl });
  await client.connect();
  // Behind the projections' back: no event position to stamp on a version, so no history either.
  await client.query('SET session_replication_role = replica');
  await client.query(`${statement}$1`, [commitmentId]);
  await client.end();
}

describe.each(ALL_STORES)('Rebuilding a read model next to a running API on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  let made = 0;

  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app, 'rebuild-initiative');
    for (let i = 0; i < 30; i++) await make();
  });
  afterAll(() => app.stop());

  async function make(): Promise<string> {
    const res = await app.gql(
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
    expectNoErrors(res);
    return res.data.makeCommitment.commitment.commitmentId as string;
  }

  /** Every commitment, page by page: how many are made while the rebuild runs depends on the machine. */
  const list = async () => {
    const edges: { node: any }[] = [];
    let totalCount = 0;
    for (let after: string | null = null; ;) {
      const res = await app.gql(COMMITMENTS, { filter: { initiativeId }, first: 100, after });
      expectNoErrors(res);
      const page = res.data.commitments;
      totalCount = page.totalCount as number;
      edges.push(...(page.edges as { node: any }[]));
      if (!page.pageInfo.hasNextPage) return { totalCount, edges };
      after = page.pageInfo.endCursor as string;
    }
  };

  it('rebuilds from zero while queries and writes go on, then serves the rebuilt tables', async () => {
    await tamper(app, 'pack-3');
    expect((await list()).edges[2]!.node.description).toBe('tampered');

    const rebuilding = cli(app, ['projections', 'rebuild', 'commitments-register']);
    let finished = false;
    void rebuilding.then(() => (finished = true));
    // Answers that came back while the rebuild's process had not exited yet.
    let answeredWhileRunning = 0;
    while (!finished) {
      await make();
      const during = await list();
      expect(during.totalCount).toBe(made);
      if (!finished) answeredWhileRunning += 1;
    }
    const { code, output } = await rebuilding;
    expect(output).toMatch(/commitments-register: rebuilt from \d+ events and switched in/);
    expect(code).toBe(0);
    expect(answeredWhileRunning).toBeGreaterThan(0);

    const after = await list();
    expect(after.totalCount).toBe(made);
    expect(after.edges.map((e) => e.node.description)).toEqual(
      Array.from({ length: made }, (_, i) => `pack ${i + 1}`),
    );
    // The API's own projection goes on from where the switch left it.
    const next = await make();
    expect((await list()).edges.map((e) => e.node.commitmentId)).toContain(next);
  }, 120_000);

  it('refuses a read model it does not know, naming those it does', async () => {
    const { code, output } = await cli(app, ['projections', 'rebuild', 'nonsense']);
    expect(code).toBe(2);
    expect(output).toContain('no read model named "nonsense"');
    expect(output).toContain('commitments-register');
  }, 60_000);
});
