import { type EventStore, type StoredEvent, SqliteEventStore } from '@accord/event-store';
import {
  ALL_PROJECTIONS,
  type Projection,
  ProjectionRunner,
  type ReadModelDatabase,
  type ReadPoint,
  SqliteReadModelDatabase,
  tableDdl,
  tableName,
  TimeTravel,
} from '@accord/projections';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { generateInitiative } from '../../bench/generator/generate-initiative';
import { Random } from '../../bench/generator/random';
import { LEDGER_BACKENDS } from '../support/ledger-backends';

const DAY = 86_400_000;

async function readAll(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let from = 1; ;) {
    const batch = await store.readAll(from, 1_000);
    if (batch.length === 0) return events;
    events.push(...batch);
    from = batch[batch.length - 1]!.position + 1;
  }
}

/**
 * A generated history, copied with about one event in twelve backdated by up to two months
 * (recorded when it was, said to have occurred earlier), and recorded times made to follow
 * the log, as one store stamps them.
 */
async function historyWithBackdating(): Promise<StoredEvent[]> {
  const connection = new Database(':memory:');
  const source = new SqliteEventStore(connection);
  await generateInitiative(source, { events: 1_200, seed: 7, partners: 12, commitments: 120 });
  const events = await readAll(source);
  await source.close();
  connection.close();
  const random = new Random(11);
  let recorded = 0;
  return events.map((event) => {
    const occurred = Date.parse(event.metadata.occurredAt as string);
    recorded = Math.max(recorded + 1, Date.parse(event.metadata.recordedAt as string));
    const backdated = event.revision > 0 && random.int(1, 12) === 1;
    return {
      ...event,
      metadata: {
        ...event.metadata,
        occurredAt: new Date(occurred - (backdated ? random.int(1, 60) * DAY : 0)).toISOString(),
        recordedAt: new Date(recorded).toISOString(),
      },
    };
  });
}

/** The same history for every store: generated once. */
let generated: Promise<StoredEvent[]> | undefined;
const history = () => (generated ??= historyWithBackdating());

/** The read models built from nothing but these events, in log order. */
async function replay(events: readonly StoredEvent[]): Promise<ReadModelDatabase> {
  const db = new SqliteReadModelDatabase(new Database(':memory:'));
  for (const projection of ALL_PROJECTIONS) {
    await db.migrate(projection.tables.flatMap((table) => tableDdl(table)).join(';\n'));
    const handled = events.filter((e) => projection.handles.has(e.type));
    if (handled.length === 0) continue;
    await db.applyBatch(projection.name, handled[handled.length - 1]!.position, () =>
      handled.map((e) => ({ position: e.position, statements: projection.apply(e) })),
    );
  }
  return db;
}

const tables = (projection: Projection) => projection.tables.map((table) => tableName(table));

/**
 * Every row of every read model, each table's rows in one order whatever the store's collation.
 * The journal's high-water marks are left out: they index the whole log by time (they are how
 * an as-of point is found), so a replay of part of the log has its own.
 */
async function contents(db: Pick<ReadModelDatabase, 'all'>): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const projection of ALL_PROJECTIONS)
    for (const table of tables(projection)) {
      const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
      result[table] = rows
        .map((row) =>
          JSON.stringify(
            Object.keys(row)
              .filter((key) => !key.endsWith('_high_water'))
              .sort()
              .map((key) => [key, row[key] ?? null]),
          ),
        )
        .sort();
    }
  return result;
}

/**
 * What a replay of these events holds: computed once for the same events (the stores keep the
 * same log, so each store's time travel is compared with one replay of each point).
 */
const replays = new Map<string, Promise<Record<string, string[]>>>();
function replayed(events: readonly StoredEvent[]): Promise<Record<string, string[]>> {
  const key = createHash('sha256').update(JSON.stringify(events)).digest('hex');
  let contentsOf = replays.get(key);
  if (!contentsOf) {
    contentsOf = replay(events).then(contents);
    replays.set(key, contentsOf);
  }
  return contentsOf;
}

describe.each(LEDGER_BACKENDS)('time travel on $name equals a replay of the log', (backend) => {
  let events: StoredEvent[];
  let ledger: Awaited<ReturnType<typeof backend.open>>;
  let travel: TimeTravel;

  beforeAll(async () => {
    const generatedEvents = await history();
    ledger = await backend.open();
    // Appended without waiting for each: the store commits what is queued in one transaction,
    // in the order asked (checked below), instead of one commit and sync per event.
    await Promise.all(
      generatedEvents.map((event) =>
        ledger.store.append(
          event.stream,
          [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }],
          event.revision === 0 ? 'no_stream' : event.revision - 1,
        ),
      ),
    );
    // The ledger stamps its own hashes: the replay starts from what it stored.
    events = await readAll(ledger.store);
    expect(events.map((e) => e.id)).toEqual(generatedEvents.map((e) => e.id));
    const runner = new ProjectionRunner(ledger.readModels, ledger.store, ALL_PROJECTIONS);
    await runner.start();
    await runner.waitFor(await ledger.store.headPosition(), 60_000);
    await runner.stop();
    travel = new TimeTravel(ledger.readModels, ledger.store, ALL_PROJECTIONS);
  }, 180_000);

  afterAll(() => ledger?.close());

  const expectSameAs = async (point: ReadPoint, included: (e: StoredEvent) => boolean) => {
    const view = await travel.view(point);
    try {
      const expected = await replayed(events.filter(included));
      const actual = await contents(view);
      const differing = Object.keys(expected).filter(
        (table) => JSON.stringify(actual[table]) !== JSON.stringify(expected[table]),
      );
      expect({ point, differing }).toEqual({ point, differing: [] });
      expect(actual).toEqual(expected);
    } finally {
      view.close();
    }
    return view;
  };

  it('atPosition, at random positions of the history', async () => {
    const random = new Random(21);
    const head = events[events.length - 1]!.position;
    for (const position of [0, 1, head, ...Array.from({ length: 8 }, () => random.int(2, head))])
      await expectSameAs({ atPosition: position }, (e) => e.position <= position);
  }, 120_000);

  it('knownAt, at random moments of recording', async () => {
    const random = new Random(22);
    for (let i = 0; i < 6; i++) {
      const at = events[random.int(0, events.length - 1)]!.metadata.recordedAt as string;
      const knownAt = new Date(Date.parse(at) + random.int(0, 1)).toISOString();
      await expectSameAs({ knownAt }, (e) => (e.metadata.recordedAt as string) <= knownAt);
    }
  }, 120_000);

  it('asOf, at random business times, backdated events included', async () => {
    const random = new Random(23);
    const first = Date.parse(events[0]!.metadata.occurredAt as string);
    const last = Date.parse(events[events.length - 1]!.metadata.occurredAt as string);
    let answeredFromScratch = 0;
    for (let i = 0; i < 10; i++) {
      const asOf = new Date(first + random.int(0, last - first)).toISOString();
      const view = await expectSameAs({ asOf }, (e) => (e.metadata.occurredAt as string) <= asOf);
      if (view.constructor.name === 'ScratchView') answeredFromScratch += 1;
    }
    // Most points lie before some backdated fact recorded later: that path is exercised.
    expect(answeredFromScratch).toBeGreaterThan(0);
  }, 180_000);
});
