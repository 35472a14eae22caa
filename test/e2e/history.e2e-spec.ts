import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { FULFIL, MAKE, REPORT } from '../support/operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, ALL_STORES, TestApp } from '../support/test-app';

const EVENT_FIELDS = `position stream kind entityId revision type initiativeId
  actor { personId partnerId } occurredAt recordedAt data hash`;

const HISTORY = `query($entityId: ID!) { history(entityId: $entityId) { ${EVENT_FIELDS} } }`;

const CHANGE_FIELDS = `kind entityId stream created events { type occurredAt }`;
const CHANGES = `query($initiativeId: ID!, $from: DateTime!, $to: DateTime!, $timeline: Timeline, $first: Int, $after: String, $newestFirst: Boolean) {
  changes(initiativeId: $initiativeId, from: $from, to: $to, timeline: $timeline, first: $first, after: $after, newestFirst: $newestFirst) {
    initiativeId from to timeline eventCount pageInfo { hasNextPage endCursor }
    initiative { ${CHANGE_FIELDS} } roles { ${CHANGE_FIELDS} } commitments { ${CHANGE_FIELDS} }
    decisions { ${CHANGE_FIELDS} } agreements { ${CHANGE_FIELDS} } risks { ${CHANGE_FIELDS} }
    benefitPools { ${CHANGE_FIELDS} } measurements { ${CHANGE_FIELDS} } meetings { ${CHANGE_FIELDS} }
  }
}`;

/** The groups of an answer of `changes`. */
const KINDS = [
  'initiative',
  'roles',
  'commitments',
  'decisions',
  'agreements',
  'risks',
  'benefitPools',
  'measurements',
  'meetings',
];

describe.each(ALL_STORES)('History and changes on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  /** The last hour of recording time, to a minute ahead. */
  const recordedWindow = () => ({
    initiativeId,
    from: new Date(Date.now() - 3_600_000).toISOString(),
    to: new Date(Date.now() + 60_000).toISOString(),
    timeline: 'RECORDED',
  });
  const commitmentId = 'meal-packs';

  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app, 'history-initiative');
    const at = (day: string) => `${day}T10:00:00.000Z`;
    expectNoErrors(
      await app.gql(
        MAKE,
        {
          input: {
            commitmentId,
            initiativeId,
            partnerId: 'food-bank',
            description: 'Weekend meal packs',
            dueDate: ONE_YEAR_AHEAD,
            occurredAt: at('2026-02-01'),
          },
        },
        FOOD_BANK,
      ),
    );
    expectNoErrors(
      await app.gql(
        REPORT,
        { input: { commitmentId, percent: 40, note: 'half way', occurredAt: at('2026-03-05') } },
        FOOD_BANK,
      ),
    );
    expectNoErrors(
      await app.gql(
        FULFIL,
        { input: { commitmentId, note: 'done', occurredAt: at('2026-04-10') } },
        FOOD_BANK,
      ),
    );
    await assignRole(app, {
      initiativeId,
      personId: 'chen',
      partnerId: 'school-district',
      role: 'STEERING_MEMBER',
      termStart: '2026-03-01',
    });
  });
  afterAll(() => app.stop());

  it('lists every event of one entity with its actor, both times and what it changed', async () => {
    const res = await app.gql(HISTORY, { entityId: commitmentId });
    expectNoErrors(res);
    const history = res.data.history;
    expect(history.map((e: any) => [e.type, e.revision, e.occurredAt])).toEqual([
      ['CommitmentMade.v1', 0, '2026-02-01T10:00:00.000Z'],
      ['ProgressReported.v1', 1, '2026-03-05T10:00:00.000Z'],
      ['CommitmentFulfilled.v1', 2, '2026-04-10T10:00:00.000Z'],
    ]);
    expect(history[1]).toMatchObject({
      stream: `commitment-${commitmentId}`,
      kind: 'commitment',
      entityId: commitmentId,
      initiativeId,
      actor: FOOD_BANK,
    });
    expect(JSON.parse(history[1].data)).toMatchObject({ percent: 40, note: 'half way' });
    expect(Date.parse(history[1].recordedAt)).toBeGreaterThan(Date.parse('2026-11-01'));
    const stored = (await app.rawEvents()).filter((e) => e.stream === `commitment-${commitmentId}`);
    expect(history.map((e: any) => [e.position, e.hash])).toEqual(
      stored.map((e) => [String(e.position), e.hash]),
    );
  });

  it("gives an initiative's own events and its roster under its id", async () => {
    const res = await app.gql(HISTORY, { entityId: initiativeId });
    expectNoErrors(res);
    const kinds = res.data.history.map((e: any) => `${e.kind}:${e.type}`);
    expect(kinds[0]).toBe('initiative:InitiativeLaunched.v1');
    expect(kinds).toContain('roster:RoleAssigned.v1');
    expect(kinds.filter((k: string) => k === 'initiative:PartnerJoined.v1')).toHaveLength(3);
  });

  it('answers an unknown entity with an empty history', async () => {
    const res = await app.gql(HISTORY, { entityId: 'no-such-thing' });
    expectNoErrors(res);
    expect(res.data.history).toEqual([]);
  });

  it('shows what changed between two business times, by kind', async () => {
    const res = await app.gql(CHANGES, {
      initiativeId,
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expectNoErrors(res);
    const changes = res.data.changes;
    expect(changes).toMatchObject({
      timeline: 'OCCURRED',
      eventCount: 1,
      pageInfo: { hasNextPage: false },
    });
    expect(changes.commitments).toEqual([
      {
        kind: 'commitment',
        entityId: commitmentId,
        stream: `commitment-${commitmentId}`,
        created: false,
        events: [{ type: 'ProgressReported.v1', occurredAt: '2026-03-05T10:00:00.000Z' }],
      },
    ]);
    expect(changes.roles).toEqual([]);
    expect(changes.decisions).toEqual([]);
  });

  it('shows what the ledger learned in a window of recording time', async () => {
    const now = Date.now();
    const res = await app.gql(CHANGES, {
      initiativeId,
      from: new Date(now - 3_600_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
      timeline: 'RECORDED',
      first: 100,
    });
    expectNoErrors(res);
    const changes = res.data.changes;
    expect(changes.initiative[0]).toMatchObject({ kind: 'initiative', created: true });
    expect(changes.commitments[0]).toMatchObject({ created: true });
    expect(changes.commitments[0].events).toHaveLength(3);
    // The launcher's seat, the three partner representatives, and the role this test assigned.
    expect(changes.roles[0]).toMatchObject({ kind: 'roster', created: true });
    expect(changes.roles[0].events.map((e: any) => e.type)).toEqual(
      Array(5).fill('RoleAssigned.v1'),
    );
  });

  it('pages a window: each page a few of its events in log order, grouped by kind', async () => {
    const window = recordedWindow();
    const whole = await app.gql(CHANGES, { ...window, first: 100 });
    expectNoErrors(whole);
    const typesOf = (changes: any): string[] =>
      ['initiative', 'roles', 'commitments'].flatMap((kind) =>
        changes[kind].flatMap((entity: any) => entity.events.map((e: any) => e.type)),
      );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await app.gql(CHANGES, { ...window, first: 3, after });
      expectNoErrors(page);
      expect(page.data.changes.eventCount).toBe(whole.data.changes.eventCount);
      const types = typesOf(page.data.changes);
      expect(types.length).toBeLessThanOrEqual(3);
      seen.push(...types);
      pages += 1;
      after = page.data.changes.pageInfo.hasNextPage ? page.data.changes.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toBe(Math.ceil(whole.data.changes.eventCount / 3));
    expect(seen.sort()).toEqual(typesOf(whole.data.changes).sort());

    const tooMany = await app.gql(CHANGES, { ...window, first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first' })],
    });
  });

  it('pages a window newest first: the first page holds its latest events', async () => {
    const POSITIONS = `query($initiativeId: ID!, $from: DateTime!, $to: DateTime!, $timeline: Timeline, $first: Int, $after: String, $newestFirst: Boolean) {
      changes(initiativeId: $initiativeId, from: $from, to: $to, timeline: $timeline, first: $first, after: $after, newestFirst: $newestFirst) {
        pageInfo { hasNextPage endCursor } ${KINDS.map((k) => `${k} { events { position } }`).join(' ')}
      }
    }`;
    const window = recordedWindow();
    const positionsOf = (changes: any): number[] =>
      KINDS.flatMap((kind) =>
        changes[kind].flatMap((e: any) => e.events.map((ev: any) => Number(ev.position))),
      );
    const whole = await app.gql(POSITIONS, { ...window, first: 100 });
    expectNoErrors(whole);
    const all = positionsOf(whole.data.changes).sort((a, b) => a - b);
    expect(all.length).toBeGreaterThan(3);

    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page: any = await app.gql(POSITIONS, { ...window, first: 3, after, newestFirst: true });
      expectNoErrors(page);
      const positions = positionsOf(page.data.changes).sort((a, b) => b - a);
      // Each page: the latest events not yet shown.
      expect(positions).toEqual(
        all
          .filter((p) => !seen.includes(p))
          .reverse()
          .slice(0, 3),
      );
      seen.push(...positions);
      after = page.data.changes.pageInfo.hasNextPage ? page.data.changes.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort((a, b) => a - b)).toEqual(all);
  });

  it('the object limit counts the page size of changes', async () => {
    const counted = async (first: number) => {
      const big = `initiatives(first: $n) { edges { node { partners { commitments(first: $n) { edges { node { commitmentId resources { money { amount } } } } } } } } }`;
      const res = await app.gql(
        `query($n: Int, $f: Int) { a: ${big} b: ${big} c: changes(initiativeId: "x", from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z", first: $f) { commitments { events { type } } } }`,
        { n: 100, f: first },
      );
      return Number(/could return (\d+) objects/.exec(res.errors?.[0]?.message ?? '')?.[1]);
    };
    // The page itself, each kind's list and each list's events: three objects per event.
    expect((await counted(100)) - (await counted(50))).toBe(150);
  });

  it('refuses a window that ends before it starts, naming the field', async () => {
    const res = await app.gql(
      CHANGES,
      { initiativeId, from: '2026-04-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
      CITY_HALL,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to', rule: 'isAfterFrom' }],
    });
  });
});
