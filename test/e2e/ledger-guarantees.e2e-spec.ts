import { deterministicEventId, type EventStore } from '@accord/event-store';
import { EVENT_STORE } from '../../apps/api/src/ledger/ledger.tokens';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { AMEND, INITIATIVE, JOIN, LAUNCH } from '../support/operations';
import { CITY_HALL, ALL_STORES, TestApp } from '../support/test-app';

describe.each(ALL_STORES)('Ledger guarantees through the API on %s', (store) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ store });
  });
  afterAll(() => app.stop());

  describe('idempotent retries', () => {
    it('the same commandId twice writes once and answers with the first receipt', async () => {
      const input = {
        commandId: 'launch-once',
        name: 'Once',
        problemStatement: 'p',
        commonAgenda: 'a',
      };
      const first = await app.gql(LAUNCH, { input });
      expectNoErrors(first);
      const count = await app.eventCount();
      const retry = await app.gql(LAUNCH, { input });
      expectNoErrors(retry);
      expect(retry.data.launchInitiative.receipt).toEqual({
        ...first.data.launchInitiative.receipt,
        duplicate: true,
      });
      expect(retry.data.launchInitiative.initiative.initiativeId).toBe(
        first.data.launchInitiative.initiative.initiativeId,
      );
      expect(await app.eventCount()).toBe(count);
    });

    it('a retry of a command whose rule would now fail still answers with the first receipt', async () => {
      const id = await launchWithPartners(app, 'retry-join');
      const input = {
        commandId: 'join-ngo-1',
        initiativeId: id,
        partnerId: 'ngo',
        organisationName: 'NGO',
        sector: 'NONPROFIT',
      };
      const first = await app.gql(JOIN, { input });
      expectNoErrors(first);
      const count = await app.eventCount();
      const retry = await app.gql(JOIN, { input });
      expectNoErrors(retry);
      expect(retry.data.joinInitiative.receipt.duplicate).toBe(true);
      expect(await app.eventCount()).toBe(count);
    });

    it('CONFLICT when a commandId is reused for a different command, and nothing is written', async () => {
      await app.gql(LAUNCH, {
        input: { commandId: 'reused', name: 'R', problemStatement: 'p', commonAgenda: 'a' },
      });
      const count = await app.eventCount();
      const res = await app.gql(AMEND, {
        input: { commandId: 'reused', initiativeId: 'retry-join', commonAgenda: 'changed' },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        rule: 'COMMAND_ID_REUSED',
        field: 'commandId',
      });
      expect(await app.eventCount()).toBe(count);
    });
    it('CONFLICT when a commandId is retried with another input of the same command, and nothing is written', async () => {
      const input = {
        commandId: 'launch-then-other',
        initiativeId: 'then-other',
        name: 'First',
        problemStatement: 'p',
        commonAgenda: 'a',
      };
      expectNoErrors(await app.gql(LAUNCH, { input }));
      const count = await app.eventCount();
      const res = await app.gql(LAUNCH, { input: { ...input, name: 'Second' } });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        rule: 'COMMAND_ID_REUSED',
        field: 'commandId',
      });
      expect(res.errors?.[0]?.message).toContain('another input');
      expect(await app.eventCount()).toBe(count);
      // The same input, sent later and with its optional fields spelled out as null, is a retry.
      const retry = await app.gql(LAUNCH, {
        input: { ...input, governanceRules: null, occurredAt: new Date().toISOString() },
      });
      expectNoErrors(retry);
      expect(retry.data.launchInitiative.receipt.duplicate).toBe(true);
    });

    it('a commandId recorded before inputs were hashed is still answered as a retry', async () => {
      const store = app.app.get<EventStore>(EVENT_STORE);
      const commandId = 'launch-before-hashing';
      await store.append(
        'initiative-before-hashing',
        [
          {
            id: deterministicEventId(commandId, 0),
            type: 'InitiativeLaunched.v1',
            data: {
              initiativeId: 'before-hashing',
              name: 'Old',
              problemStatement: 'p',
              commonAgenda: 'a',
              launchedAt: '2024-01-01T09:00:00.000Z',
            },
            metadata: {
              actor: { ...CITY_HALL },
              commandId,
              commandType: 'LaunchInitiative',
              correlationId: commandId,
              causationId: commandId,
              occurredAt: '2024-01-01T09:00:00.000Z',
              recordedAt: '2024-01-01T09:00:00.000Z',
              schemaVersion: 1,
            },
          },
        ],
        'no_stream',
      );
      const count = await app.eventCount();
      const retry = await app.gql(LAUNCH, {
        input: {
          commandId,
          initiativeId: 'before-hashing',
          name: 'Old, or not',
          problemStatement: 'p',
          commonAgenda: 'a',
        },
      });
      expectNoErrors(retry);
      expect(retry.data.launchInitiative.receipt.duplicate).toBe(true);
      expect(await app.eventCount()).toBe(count + 1); // the launcher's seat, which the crash left out
    });
  });

  describe('optimistic concurrency', () => {
    it('CONFLICT for a stale expectedRevision, with the actual revision, and nothing is written', async () => {
      const id = await launchWithPartners(app, 'stale');
      const count = await app.eventCount();
      const res = await app.gql(AMEND, {
        input: { initiativeId: id, commonAgenda: 'new', expectedRevision: 1 },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        stream: `initiative-${id}`,
        expectedRevision: 1,
        actualRevision: 3,
      });
      expect(await app.eventCount()).toBe(count);
      const ok = await app.gql(AMEND, {
        input: { initiativeId: id, commonAgenda: 'new', expectedRevision: 3 },
      });
      expectNoErrors(ok);
      expect(ok.data.amendAgenda.receipt.revision).toBe(4);
    });

    it('concurrent commands without an expectation are all decided again and all recorded', async () => {
      const id = 'busy';
      expectNoErrors(
        await app.gql(LAUNCH, {
          input: { initiativeId: id, name: 'Busy', problemStatement: 'p', commonAgenda: 'a' },
        }),
      );
      const joins = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          app.gql(JOIN, {
            input: {
              initiativeId: id,
              partnerId: `p${n}`,
              organisationName: `Org ${n}`,
              sector: 'COMMUNITY',
            },
          }),
        ),
      );
      joins.forEach(expectNoErrors);
      const revisions = joins
        .map((r) => r.data.joinInitiative.receipt.revision)
        .sort((a, b) => a - b);
      expect(revisions).toEqual(Array.from({ length: 12 }, (_, n) => n + 1));
      const read = await app.gql(INITIATIVE, { id });
      expect(read.data.initiative.partners).toHaveLength(12);
      expect(read.data.initiative.revision).toBe(12);
    });
  });

  it('records the metadata of every event: actor, ids, both times, schema version, hash', async () => {
    const occurredAt = '2025-11-03T18:30:00.000Z';
    const res = await app.gql(
      LAUNCH,
      {
        input: {
          commandId: 'meta-1',
          initiativeId: 'meta',
          name: 'Meta',
          problemStatement: 'p',
          commonAgenda: 'a',
          occurredAt,
        },
      },
      CITY_HALL,
      { 'x-correlation-id': 'steering-2025-11' },
    );
    expectNoErrors(res);
    const event = (await app.rawEvents()).find((e) => e.stream === 'initiative-meta')!;
    expect(event.metadata).toEqual({
      actor: CITY_HALL,
      commandId: 'meta-1',
      commandType: 'LaunchInitiative',
      correlationId: 'steering-2025-11',
      causationId: 'meta-1',
      occurredAt,
      recordedAt: expect.any(String),
      schemaVersion: 1,
      payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(event.metadata.recordedAt)).toBeGreaterThan(Date.parse(occurredAt));
    expect(event.hash).toBe(res.data.launchInitiative.receipt.hash);
  });
});

describe.each(ALL_STORES)('Restart on %s', (store) => {
  it('read models resume from their checkpoint: nothing lost, nothing applied twice', async () => {
    const first = await TestApp.start({ store });
    const id = await launchWithPartners(first, 'durable');
    await first.stop({ keepStorage: true });

    const second = await TestApp.start({ storage: first.storage });
    try {
      const before = await second.gql(INITIATIVE, { id });
      expectNoErrors(before);
      expect(before.data.initiative.partners).toHaveLength(3);
      const joined = await second.gql(JOIN, {
        input: {
          initiativeId: id,
          partnerId: 'late',
          organisationName: 'Late Co',
          sector: 'BUSINESS',
        },
      });
      expectNoErrors(joined);
      expect(joined.data.joinInitiative.initiative.partners).toHaveLength(4);
      expect(joined.data.joinInitiative.initiative.revision).toBe(4);
    } finally {
      await second.stop();
    }
  });
});
