import {
  createTestDatabase,
  type TestDatabase,
} from '@accord/event-store/testing/postgres-test-database';
import { Client } from 'pg';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { PostgresEventStore } from '@accord/event-store';
import { appendCopiesOfLast } from '../support/bulk-events';
import { expectNoErrors, LAUNCHED_AT, ONE_YEAR_AHEAD } from '../support/fixtures';
import { COMMITMENT } from '../support/measurement.operations';
import { AMEND, INITIATIVE, JOIN, LAUNCH, MAKE, REPORT } from '../support/operations';
import { ASSIGN_ROLE } from '../support/roster.fixtures';
import { ApiProcess } from '../support/api-process';
import { TEST_SECRET } from '../support/test-app';
import { Subscriber, wsClient } from '../support/ws-subscriber';

const startOn = (databaseUrl: string) =>
  ApiProcess.start({ ACCORD_STORE: 'postgres', DATABASE_URL: databaseUrl });

describe('Two API processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [a, b] = await Promise.all([startOn(database.url), startOn(database.url)]);
    token = await new TokenService({
      secret: new TextEncoder().encode(TEST_SECRET),
      issuer: 'accord-local',
      audience: 'accord',
    }).issue({
      personId: 'ana',
      partnerId: 'city-hall',
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.terminate(), b?.terminate()]);
    await database?.drop();
  });

  it('stores every acknowledged command exactly once, and both read models converge', async () => {
    const launched = await a.gql(token, LAUNCH, {
      input: { initiativeId: 'shared', name: 'Shared', problemStatement: 'p', commonAgenda: 'a' },
    });
    expectNoErrors(launched);

    // Concurrent commands on one stream through both processes, each also retried through the other.
    const joins = Array.from({ length: 16 }, (_, n) => ({
      commandId: `join-${n}`,
      initiativeId: 'shared',
      partnerId: `p${n}`,
      organisationName: `Org ${n}`,
      sector: 'COMMUNITY',
    }));
    const answers = await Promise.all(
      joins.flatMap((input, n) => [
        (n % 2 === 0 ? a : b).gql(token, JOIN, { input }),
        (n % 2 === 0 ? b : a).gql(token, JOIN, { input }),
      ]),
    );
    answers.forEach(expectNoErrors);
    for (let n = 0; n < joins.length; n++) {
      const [first, retry] = [answers[2 * n]!, answers[2 * n + 1]!];
      expect(first.data.joinInitiative.receipt.position).toBe(
        retry.data.joinInitiative.receipt.position,
      );
    }

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ command_id: string; count: string }>(
      `SELECT metadata::json->>'commandId' AS command_id, COUNT(*) AS count FROM events GROUP BY 1`,
    );
    await client.end();
    const counts = new Map(rows.map((r) => [r.command_id, Number(r.count)]));
    for (const join of joins) expect(counts.get(join.commandId)).toBe(1);

    const [fromA, fromB] = await Promise.all([
      a.gql(token, INITIATIVE, { id: 'shared' }),
      b.gql(token, INITIATIVE, { id: 'shared' }),
    ]);
    expectNoErrors(fromA);
    expectNoErrors(fromB);
    expect(fromA.data.initiative.revision).toBe(16);
    expect(fromA.data.initiative.partners).toHaveLength(16);
    expect(fromB.data.initiative).toEqual(fromA.data.initiative);
  });

  it('64 writers without expectedRevision, through both processes, on a 1,000-event stream all succeed', async () => {
    const setUp = [
      [
        LAUNCH,
        {
          initiativeId: 'long',
          name: 'Long',
          problemStatement: 'p',
          commonAgenda: 'a',
          occurredAt: LAUNCHED_AT,
        },
      ],
      [
        JOIN,
        {
          initiativeId: 'long',
          partnerId: 'city-hall',
          organisationName: 'City Hall',
          sector: 'GOVERNMENT',
        },
      ],
      [
        ASSIGN_ROLE,
        {
          initiativeId: 'long',
          personId: 'ana',
          partnerId: 'city-hall',
          role: 'PARTNER_REPRESENTATIVE',
          termStart: '2020-01-01',
        },
      ],
      [
        MAKE,
        {
          commitmentId: 'long-c',
          initiativeId: 'long',
          partnerId: 'city-hall',
          description: 'd',
          resources: { money: null, inKind: null, hours: null },
          dueDate: ONE_YEAR_AHEAD,
        },
      ],
      [REPORT, { commitmentId: 'long-c', percent: 1, note: 'first' }],
    ] as const;
    for (const [operation, input] of setUp)
      expectNoErrors(await a.gql(token, operation, { input }));
    const store = await PostgresEventStore.connect(database.url);
    try {
      await appendCopiesOfLast(store, 'commitment-long-c', 998);
    } finally {
      await store.close();
    }
    // Both processes take in the bulk first, so the writers below wait only for their own events.
    for (const api of [a, b]) {
      for (let seen = -1; seen !== 999; await new Promise((resolve) => setTimeout(resolve, 100))) {
        seen = (await api.gql(token, COMMITMENT, { id: 'long-c' })).data?.commitment?.revision;
      }
    }

    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, n) =>
        (n % 2 === 0 ? a : b).gql(token, REPORT, {
          input: { commitmentId: 'long-c', percent: n, note: `report ${n}` },
        }),
      ),
    );
    expect(answers.flatMap((r) => r.errors ?? []).map((e) => e.extensions.code)).toEqual([]);
    const revisions = answers
      .map((r) => r.data.reportProgress.receipt.revision as number)
      .sort((x, y) => x - y);
    expect(revisions).toEqual(Array.from({ length: 64 }, (_, n) => 1000 + n));
  }, 120_000);

  it('a write through one process is read at once through the other', async () => {
    const joined = await a.gql(token, JOIN, {
      input: {
        initiativeId: 'shared',
        partnerId: 'late',
        organisationName: 'Late Co',
        sector: 'BUSINESS',
      },
    });
    expectNoErrors(joined);
    const position = Number(joined.data.joinInitiative.receipt.position);
    const deadline = Date.now() + 10_000;
    let seen: any;
    do {
      seen = await b.gql(token, INITIATIVE, { id: 'shared' });
      if (seen.data?.initiative.partners.some((p: any) => p.partnerId === 'late')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);
    expect(seen.data.initiative.partners.map((p: any) => p.partnerId)).toContain('late');
    const health = await request(b.url).get('/health').expect(200);
    expect(health.body.headPosition).toBeGreaterThanOrEqual(position);
  });

  it('a subscriber on one process receives the events written through the other', async () => {
    const client = wsClient(`${b.url.replace('http', 'ws')}/graphql`, `Bearer ${token}`);
    try {
      const subscriber = new Subscriber(client, { initiativeId: 'shared' });
      let probes = 0;
      await subscriber.live(async () => {
        const amended = await a.gql(token, AMEND, {
          input: { initiativeId: 'shared', commonAgenda: `probe ${++probes}` },
        });
        expectNoErrors(amended);
        return amended.data.amendAgenda.receipt.position as string;
      });
      const joined = await a.gql(token, JOIN, {
        input: {
          initiativeId: 'shared',
          partnerId: 'later',
          organisationName: 'Later Co',
          sector: 'COMMUNITY',
        },
      });
      expectNoErrors(joined);
      await subscriber.until(() => subscriber.events.length > 0, 'the event written through A');
      subscriber.close();
      expect(subscriber.events[0]).toMatchObject({
        type: 'PartnerJoined.v1',
        position: joined.data.joinInitiative.receipt.position,
      });
    } finally {
      await client.dispose();
    }
  });
});
