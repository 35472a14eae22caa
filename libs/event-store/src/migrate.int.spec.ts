import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent, StoredEvent } from './event-store.port';
import { migrateLedger, MigrationError } from './migrate';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { createTestDatabase, type TestDatabase } from './testing/postgres-test-database';

const event = (n: number, commandId: string): NewEvent => ({
  id: randomUUID(),
  type: 'Tested.v1',
  data: { n, text: 'ünïcödé 🤝' },
  metadata: {
    commandId,
    occurredAt: '2025-01-01T00:00:00.000Z',
    recordedAt: '2025-01-02T00:00:00.000Z',
  },
});

/** Everything a copy must keep: identity, place, content, both times (in metadata) and hash. */
const storedFields = ({
  id,
  stream,
  revision,
  position,
  type,
  data,
  metadata,
  hash,
}: StoredEvent) => ({
  id,
  stream,
  revision,
  position,
  type,
  data,
  metadata,
  hash,
});

describe('Migrating a ledger from SQLite to PostgreSQL', () => {
  let dir: string;
  let source: SqliteEventStore;
  let database: TestDatabase;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-migrate-'));
    source = new SqliteEventStore(join(dir, 'source.db'));
    for (let n = 0; n < 60; n++) {
      const stream = `item-${n % 7}`;
      const commandId = `command-${n}`;
      const events =
        n % 5 === 0 ? [event(n, commandId), event(n, commandId)] : [event(n, commandId)];
      await source.append(stream, events, 'any');
    }
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await source.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every event in order with its id, data, metadata and hash, resuming after an interruption', async () => {
    const original = await source.readAll(1, 10_000);
    const target = await PostgresEventStore.connect(database.url);

    const partial = await migrateLedger(source, target, { batchSize: 10, stopAfter: 25 });
    expect(partial.copied).toBeGreaterThanOrEqual(25);
    expect(partial.copied).toBeLessThan(original.length);

    const resumed = await migrateLedger(source, target, { batchSize: 10 });
    expect(resumed.skipped).toBe(partial.copied);
    expect(resumed.skipped + resumed.copied).toBe(original.length);

    const copy = await target.readAll(1, 10_000);
    expect(copy.map(storedFields)).toEqual(original.map(storedFields));
    expect(await target.verify()).toEqual({ ok: true, checked: original.length });

    const again = await migrateLedger(source, target);
    expect(again).toMatchObject({ copied: 0, skipped: original.length });
    await target.close();
  });

  it('refuses a target that holds other events', async () => {
    const target = await PostgresEventStore.connect(database.url);
    await target.append('other-1', [event(1, 'x')], 'no_stream');
    await expect(migrateLedger(source, target)).rejects.toBeInstanceOf(MigrationError);
    expect(await target.headPosition()).toBe(1);
    await target.close();
  });
});
