import {
  AGREEMENT_EVENT_TYPES,
  BENEFIT_POOL_EVENT_TYPES,
  COMMITMENT_EVENT_TYPES,
  DECISION_EVENT_TYPES,
  INDICATOR_EVENT_TYPES,
  INITIATIVE_EVENT_TYPES,
  MEETING_EVENT_TYPES,
  RISK_EVENT_TYPES,
  ROSTER_EVENT_TYPES,
} from '@accord/domain';
import { PostgresEventStore, type EventStore, type StoredEvent } from '@accord/event-store';
import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInitiative, openSqliteForGeneration } from './generate-initiative';

const KNOWN_TYPES = new Set<string>([
  ...INITIATIVE_EVENT_TYPES,
  ...ROSTER_EVENT_TYPES,
  ...AGREEMENT_EVENT_TYPES,
  ...DECISION_EVENT_TYPES,
  ...MEETING_EVENT_TYPES,
  ...COMMITMENT_EVENT_TYPES,
  ...RISK_EVENT_TYPES,
  ...BENEFIT_POOL_EVENT_TYPES,
  ...INDICATOR_EVENT_TYPES,
]);

async function readAll(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let from = 1; ;) {
    const batch = await store.readAll(from, 1_000);
    if (batch.length === 0) break;
    events.push(...batch);
    from = batch[batch.length - 1]!.position + 1;
  }
  return events;
}

async function readEverything(file: string) {
  const { store, close } = openSqliteForGeneration(file);
  const events = await readAll(store);
  const verified = await store.verify();
  await close();
  return { events, verified };
}

const shape = (e: StoredEvent) => [e.stream, e.revision, e.type, e.data, e.metadata];

describe('the initiative generator', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-generator-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const generate = async (file: string) => {
    const { store, close } = openSqliteForGeneration(join(dir, file));
    const result = await generateInitiative(store, { events: 2_000, partners: 24, seed: 42 });
    await close();
    return { result, ...(await readEverything(join(dir, file))) };
  };

  it('writes a valid history of about the target size, the same for the same seed', async () => {
    const first = await generate('first.db');
    const { result, events, verified } = first;

    // The last command may decide two events (a signature that puts an agreement in force).
    expect(result.events).toBeGreaterThanOrEqual(2_000);
    expect(result.events).toBeLessThanOrEqual(2_002);
    expect(events).toHaveLength(result.events);
    expect(verified).toEqual({ ok: true, checked: result.events });
    expect(result.partners).toBe(24);

    const types = new Set(events.map((e) => e.type));
    expect([...types].filter((type) => !KNOWN_TYPES.has(type))).toEqual([]);
    for (const type of [
      'PartnerJoined.v1',
      'RoleAssigned.v1',
      'AgreementSigned.v1',
      'VoteCast.v1',
      'DecisionClosed.v1',
      'MeetingHeld.v1',
      'CommitmentMade.v1',
      'ProgressReported.v1',
      'CommitmentFulfilled.v1',
      'RiskIdentified.v1',
      'BenefitPoolDefined.v1',
      'MeasurementRecorded.v1',
    ])
      expect(types).toContain(type);

    // The command executor's metadata, and business time advancing over the years.
    const metadata = events[events.length - 1]!.metadata;
    expect(Object.keys(metadata).sort()).toEqual([
      'actor',
      'causationId',
      'commandId',
      'commandType',
      'correlationId',
      'occurredAt',
      'recordedAt',
      'schemaVersion',
    ]);
    const occurred = events.map((e) => e.metadata.occurredAt as string);
    expect([...occurred].sort()).toEqual(occurred);
    const years = (Date.parse(occurred.at(-1)!) - Date.parse(occurred[0]!)) / (365 * 86_400_000);
    expect(years).toBeGreaterThan(2);

    const again = await generate('second.db');
    expect(again.events.map(shape)).toEqual(events.map(shape));
  }, 120_000);

  it('writes the same history through the PostgreSQL store', async () => {
    const options = { events: 400, partners: 10, seed: 5 };
    const sqlite = openSqliteForGeneration(join(dir, 'small.db'));
    await generateInitiative(sqlite.store, options);
    const expected = await readAll(sqlite.store);
    await sqlite.close();

    const database = await createTestDatabase();
    const store = await PostgresEventStore.connect(database.url);
    try {
      const result = await generateInitiative(store, options);
      expect(result.events).toBe(expected.length);
      expect(await store.verify()).toEqual({ ok: true, checked: expected.length });
      expect((await readAll(store)).map(shape)).toEqual(expected.map(shape));
    } finally {
      await store.close();
      await database.drop();
    }
  }, 120_000);
});
