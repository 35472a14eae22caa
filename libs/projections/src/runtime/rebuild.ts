import type { EventStore, StoredEvent } from '@accord/event-store';
import type { Projection } from './projection';
import { type ReadModelDatabase, sql, type SqlStatement } from './read-model-database';
import { indexNames, keepsHistory, shapeOf, tableDdl, tableName } from './read-model-tables';
import {
  dropHistoryTriggers,
  historyDdl,
  historyIndexNames,
  historyTable,
} from './temporal/history-ddl';
import { createReadModel } from './deferred-indexes';
import { checkReadModelsAgainstLog, ReadModelAheadOfLogError } from './log-behind';

export interface RebuildProgress {
  projection: string;
  /** The position the new tables have reached, and the head of the log when last read. */
  position: number;
  head: number;
  eventsApplied: number;
}

export interface RebuildResult {
  projection: string;
  /** The position the projection stood at when the new tables were switched in. */
  position: number;
  eventsApplied: number;
}

/**
 * The same statements, writing to the rebuild's tables: each word that is a served table's
 * name is replaced by its shadow's (the names come from the projection's declaration).
 */
function retarget(projection: Projection): (text: string) => string {
  const shadows = new Map(
    projection.tables.map((table) => [tableName(table), tableName(table, 'rb_')]),
  );
  return (text) =>
    text
      .split(/\b/)
      .map((word) => shadows.get(word) ?? word)
      .join('');
}

/** The same projection, writing to `rb_` tables under its own checkpoint. */
function shadowOf(projection: Projection): Projection {
  const toShadow = retarget(projection);
  return {
    name: `${projection.name}.rebuild`,
    version: projection.version,
    handles: projection.handles,
    tables: projection.tables,
    apply: (event) =>
      projection.apply(event).map((s) => ({ sql: toShadow(s.sql), params: s.params })),
  };
}

/**
 * Replaces the served tables (and their histories) by the rebuilt ones, and names them back.
 * Triggers are named after their table, so the shadow's go and the served names' come back;
 * the rebuilt tables' indexes go too, and are built again under their served names.
 */
function switchOver(projection: Projection, dialect: ReadModelDatabase['dialect']): SqlStatement[] {
  const renames = (from: string, to: string) => [
    sql(`DROP TABLE IF EXISTS ${to}`),
    sql(`ALTER TABLE ${from} RENAME TO ${to}`),
  ];
  const historied = projection.tables.filter(keepsHistory);
  const shadowHistories = historied.map((table) => shapeOf(table, 'rb_'));
  return [
    ...shadowHistories.flatMap((shape) =>
      dropHistoryTriggers(dialect, shape.name).map((t) => sql(t)),
    ),
    ...projection.tables.flatMap((table) => {
      const [served, shadow] = [tableName(table), tableName(table, 'rb_')];
      return [
        ...renames(shadow, served),
        ...(keepsHistory(table) ? renames(historyTable(shadow), historyTable(served)) : []),
        // PostgreSQL names a primary key's index after the table it was made with.
        ...(dialect === 'postgres'
          ? [sql(`ALTER INDEX IF EXISTS ${shadow}_pkey RENAME TO ${served}_pkey`)]
          : []),
      ];
    }),
    ...[
      ...projection.tables.flatMap((table) => indexNames(table, 'rb_')),
      ...shadowHistories.flatMap(historyIndexNames),
    ].map((index) => sql(`DROP INDEX IF EXISTS ${index}`)),
    ...projection.tables.flatMap((table) => tableDdl(table)).map((text) => sql(text)),
    ...historied.flatMap((table) => historyDdl(dialect, shapeOf(table)).map((text) => sql(text))),
    sql('DELETE FROM projection_checkpoints WHERE name = ?', `${projection.name}.rebuild`),
  ];
}

/**
 * Rebuilds one read model from position zero into new tables while the old ones keep being
 * served and kept up to date, then switches them in, in one transaction that holds the
 * projection's checkpoint: there the new tables catch up to exactly where the old ones stood
 * (or the checkpoint moves up to the new tables, if they got further), so the projection
 * continues from there with nothing skipped or applied twice.
 *
 * A projection that has applied events the log no longer holds (ReadModelAheadOfLogError) is
 * refused, unless `acceptLog`: then the rebuilt tables, true to the log as it is now, are
 * switched in and the checkpoint goes back to where they stand.
 */
export async function rebuildProjection(
  db: ReadModelDatabase,
  store: EventStore,
  projection: Projection,
  options: {
    batchSize?: number;
    onProgress?: (progress: RebuildProgress) => void;
    acceptLog?: boolean;
  } = {},
): Promise<RebuildResult> {
  const shadow = shadowOf(projection);
  const batchSize = options.batchSize ?? 2_000;
  if (!options.acceptLog) {
    await checkReadModelsAgainstLog(store, [
      { name: projection.name, position: await db.checkpoint(projection.name) },
    ]);
  }
  // Leftovers of an interrupted rebuild are dropped: it starts again from zero.
  await db.migrate(
    [
      ...projection.tables
        .map((table) => tableName(table, 'rb_'))
        .flatMap((table) => [
          `DROP TABLE IF EXISTS ${historyTable(table)}`,
          `DROP TABLE IF EXISTS ${table}`,
        ]),
      `DELETE FROM projection_checkpoints WHERE name = '${shadow.name}'`,
    ].join(';\n'),
  );
  // The switch-over builds every index under its served name: the shadow needs only its own.
  await createReadModel(db, shadow, { readIndexes: false, prefix: 'rb_' });

  let position = 0;
  let eventsApplied = 0;
  const changes = (events: readonly StoredEvent[], after: number, upTo: number) =>
    events.filter((e) => e.position > after && e.position <= upTo && shadow.handles.has(e.type));
  for (;;) {
    const batch = await store.readAll(position + 1, batchSize);
    if (batch.length === 0) break;
    const last = batch[batch.length - 1]!.position;
    const applying = changes(batch, position, last);
    position = await db.applyBatch(shadow.name, last, (checkpoint) =>
      changes(applying, checkpoint, last).map((event) => ({
        position: event.position,
        statements: shadow.apply(event),
      })),
    );
    eventsApplied += applying.length;
    const head = await store.headPosition();
    options.onProgress?.({ projection: projection.name, position, head, eventsApplied });
  }

  for (let pending: StoredEvent[] = []; ;) {
    const more = await store.readAll(
      (pending[pending.length - 1]?.position ?? position) + 1,
      100_000,
    );
    pending = [...pending, ...more];
    const readUpTo = pending[pending.length - 1]?.position ?? position;
    let caughtUp = 0;
    let switchedAt = position;
    let served = 0;
    const acceptAt = options.acceptLog ? await store.headPosition() : undefined;
    const swapped = await db.swapIn(projection.name, (checkpoint) => {
      served = checkpoint;
      // Ahead of a head that is already read: only a log that went back leaves it there.
      const ahead = acceptAt !== undefined && checkpoint > acceptAt && readUpTo >= acceptAt;
      if (checkpoint > readUpTo && !ahead) return undefined;
      const target = ahead ? readUpTo : Math.max(checkpoint, position);
      const catchUp = changes(pending, position, target);
      caughtUp = catchUp.length;
      switchedAt = target;
      return {
        changes: catchUp.map((e) => ({ position: e.position, statements: shadow.apply(e) })),
        statements: switchOver(projection, db.dialect),
        checkpoint: target,
      };
    });
    if (swapped) {
      return {
        projection: projection.name,
        position: switchedAt,
        eventsApplied: eventsApplied + caughtUp,
      };
    }
    // The served tables are ahead of all there is to read: new events, or a log gone back.
    const head = await store.headPosition();
    if (!options.acceptLog && served > head) {
      throw new ReadModelAheadOfLogError(projection.name, served, head);
    }
  }
}
