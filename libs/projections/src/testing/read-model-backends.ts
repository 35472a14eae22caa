import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import type { StoredEvent } from '@accord/event-store';
import Database from 'better-sqlite3';
import { createReadModel } from '../runtime/deferred-indexes';
import { PostgresReadModelDatabase } from '../runtime/postgres-read-model-database';
import type { Projection } from '../runtime/projection';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { SqliteReadModelDatabase } from '../runtime/sqlite-read-model-database';

/** A read model database on each store, for reader tests that must hold on SQLite and PostgreSQL. */
export const READ_MODEL_BACKENDS: {
  name: string;
  open(): Promise<{ db: ReadModelDatabase; cleanup(): Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    open() {
      const connection = new Database(':memory:');
      return Promise.resolve({
        db: new SqliteReadModelDatabase(connection),
        cleanup: () => Promise.resolve(void connection.close()),
      });
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await createTestDatabase();
      const db = await PostgresReadModelDatabase.connect(database.url);
      return {
        db,
        cleanup: async () => {
          await db.close();
          await database.drop();
        },
      };
    },
  },
];

/**
 * Stored events built from domain events, each its stream's next revision at the next position:
 * what the projection runner would hand the projection.
 */
export function storedEvents(
  events: readonly { stream: string; event: { type: string; data: object } }[],
): StoredEvent[] {
  const revisions = new Map<string, number>();
  return events.map(({ stream, event }, index) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    return {
      id: `event-${index + 1}`,
      type: event.type,
      data: event.data as StoredEvent['data'],
      metadata: {},
      stream,
      revision,
      position: index + 1,
      hash: '',
    };
  });
}

/** Creates the projection's tables (and histories) and applies the events in one batch, as the runner does. */
export async function project(
  db: ReadModelDatabase,
  projection: Projection,
  events: readonly StoredEvent[],
): Promise<void> {
  await createReadModel(db, projection, { readIndexes: true });
  await db.applyBatch(projection.name, events.length, (checkpoint) =>
    events
      .filter((event) => event.position > checkpoint && projection.handles.has(event.type))
      .map((event) => ({ position: event.position, statements: projection.apply(event) })),
  );
}
