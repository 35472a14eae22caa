import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { MAKE, REPORT } from '../support/operations';
import { FOOD_BANK, ALL_STORES, TestApp } from '../support/test-app';

const COMMITMENT_AT = `query($id: ID!, $asOf: DateTime, $knownAt: DateTime, $atPosition: String) {
  commitment(id: $id, asOf: $asOf, knownAt: $knownAt, atPosition: $atPosition) {
    percent lastProgressNote revision
  }
}`;

const PARTNER_COMMITMENTS_AT = `query($id: ID!, $atPosition: String) {
  initiative(id: $id, atPosition: $atPosition) {
    partners { partnerId commitments { edges { node { commitmentId percent } } } }
  }
}`;

const HISTORY_AT = `query($entityId: ID!, $atPosition: String) {
  history(entityId: $entityId, atPosition: $atPosition) { type position }
}`;

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(ALL_STORES)('time travel over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  let commitmentId: string;
  const positions = { made: '', twenty: '', sixty: '', backdated: '' };
  let beforeBackdating: string;

  const report = async (percent: number, note: string, occurredAt?: string) => {
    const res = await app.gql(
      REPORT,
      { input: { commitmentId, percent, note, ...(occurredAt && { occurredAt }) } },
      FOOD_BANK,
    );
    expectNoErrors(res);
    return res.data.reportProgress.receipt.position as string;
  };

  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app, 'time-travel');
    const made = await app.gql(
      MAKE,
      {
        input: {
          initiativeId,
          partnerId: FOOD_BANK.partnerId,
          description: 'Run 40 weekend meal drops',
          resources: { hours: 120 },
          dueDate: ONE_YEAR_AHEAD,
          occurredAt: daysAgo(30),
        },
      },
      FOOD_BANK,
    );
    expectNoErrors(made);
    commitmentId = made.data.makeCommitment.commitment.commitmentId;
    positions.made = made.data.makeCommitment.receipt.position;
    positions.twenty = await report(20, 'first drops', daysAgo(20));
    positions.sixty = await report(60, 'most drops', daysAgo(5));
    const before = Date.now();
    beforeBackdating = new Date(before).toISOString();
    // The next event is recorded at a later millisecond: wait for the clock to show one.
    while (Date.now() <= before) await new Promise((resolve) => setImmediate(resolve));
    // Recorded last, but it happened ten days ago: between the other two reports.
    positions.backdated = await report(40, 'found a lost report', daysAgo(10));
  });
  afterAll(() => app.stop());

  const commitmentAt = async (point: Record<string, unknown>) => {
    const res = await app.gql(COMMITMENT_AT, { id: commitmentId, ...point });
    expectNoErrors(res);
    return res.data.commitment;
  };

  it('atPosition answers the state just after that event', async () => {
    expect(await commitmentAt({ atPosition: positions.made })).toMatchObject({
      percent: 0,
      revision: 0,
    });
    expect(await commitmentAt({ atPosition: positions.twenty })).toMatchObject({
      percent: 20,
      lastProgressNote: 'first drops',
    });
    expect(await commitmentAt({ atPosition: positions.sixty })).toMatchObject({ percent: 60 });
    expect(await commitmentAt({})).toMatchObject({
      percent: 40,
      lastProgressNote: 'found a lost report',
      revision: 3,
    });
  });

  it('an entity that did not exist yet at that point is NOT_FOUND', async () => {
    const res = await app.gql(COMMITMENT_AT, {
      id: commitmentId,
      atPosition: String(Number(positions.made) - 1),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('asOf includes a backdated fact where it occurred; knownAt leaves out what was recorded later', async () => {
    // Twelve days ago: only the first report had occurred.
    expect(await commitmentAt({ asOf: daysAgo(12) })).toMatchObject({ percent: 20 });
    // Eight days ago, as known now: the backdated report of ten days ago counts.
    expect(await commitmentAt({ asOf: daysAgo(8) })).toMatchObject({
      percent: 40,
      lastProgressNote: 'found a lost report',
    });
    // Before the backdated report was recorded, the ledger knew of 60 %.
    expect(await commitmentAt({ knownAt: beforeBackdating })).toMatchObject({
      percent: 60,
      lastProgressNote: 'most drops',
    });
    // Before the commitment occurred, it does not exist.
    const res = await app.gql(COMMITMENT_AT, { id: commitmentId, asOf: daysAgo(31) });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('nested fields read at the point of the query', async () => {
    const res = await app.gql(PARTNER_COMMITMENTS_AT, {
      id: initiativeId,
      atPosition: positions.twenty,
    });
    expectNoErrors(res);
    const foodBank = res.data.initiative.partners.find(
      (p: { partnerId: string }) => p.partnerId === FOOD_BANK.partnerId,
    );
    expect(foodBank.commitments.edges.map((e: any) => e.node)).toEqual([
      { commitmentId, percent: 20 },
    ]);
  });

  it('history at a position lists the events up to it', async () => {
    const res = await app.gql(HISTORY_AT, { entityId: commitmentId, atPosition: positions.sixty });
    expectNoErrors(res);
    expect(res.data.history.map((e: any) => String(e.position))).toEqual([
      positions.made,
      positions.twenty,
      positions.sixty,
    ]);
  });

  it('refuses two points on one field, different points in one operation, and positions past the head', async () => {
    const both = await app.gql(COMMITMENT_AT, {
      id: commitmentId,
      atPosition: '1',
      asOf: daysAgo(1),
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'atPosition', rule: 'onePoint' })],
    });

    const two = await app.gql(
      `query($id: ID!) {
        a: commitment(id: $id, atPosition: "1") { percent }
        b: commitment(id: $id, atPosition: "2") { percent }
      }`,
      { id: commitmentId },
    );
    expect(two.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'atPosition', rule: 'samePoint' })],
    });

    for (const [atPosition, rule] of [
      [String(Number(positions.backdated) + 1_000), 'notAfterHead'],
      ['-1', 'isPosition'],
      ['1.5', 'isPosition'],
    ] as const) {
      const res = await app.gql(COMMITMENT_AT, { id: commitmentId, atPosition });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'atPosition', rule })],
      });
    }
  });

  it('"today" is the day a query travels to', async () => {
    const res = await app.gql(
      `query($id: ID!, $at: String) { accountability(initiativeId: $id, atPosition: $at) { on } }`,
      { id: initiativeId, at: positions.sixty },
    );
    expectNoErrors(res);
    // The event at that position occurred five days ago.
    expect(res.data.accountability.on).toBe(daysAgo(5).slice(0, 10));
  });

  it('ledger status queries answer for now only', async () => {
    const res = await app.gql(`{ projections(atPosition: "1") { name } }`, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
