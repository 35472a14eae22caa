import type { EventStore, StoredEvent } from '@accord/event-store';
import type { Projection } from './projection';
import { type ReadModelDatabase, sql, type SqlStatement } from './read-model-database';
import {
  dropHistoryTriggers,
  historyDdl,
  historyIndexNames,
  historyTable,
  type TableShape,
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

const TABLE = /CREATE TABLE IF NOT EXISTS (rm_\w+)/g;
const INDEX = /CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (rm_\w+)/g;
const READ_MODEL_NAME = /\brm_(\w+)/g;

/** `rm_x` -> `rb_x`: the tables a rebuild fills, beside the ones the API serves. */
const rebuildName = (text: string) => text.replace(READ_MODEL_NAME, 'rb_$1');
const servedName = (text: string) => text.replace(/\brb_(\w+)/g, 'rm_$1');
const namesIn = (schema: string, pattern: RegExp) =>
  [...schema.matchAll(pattern)].map((match) => match[1]!);
const statementsOf = (ddl: string): SqlStatement[] =>
  ddl
    .split(';')
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => sql(text));

/** The same projection, writing to `rb_` tables under its own checkpoint. */
function shadowOf(projection: Projection): Projection {
  return {
    name: `${projection.name}.rebuild`,
    handles: projection.handles,
    schema: rebuildName(projection.schema),
    ...(projection.indexesForWrites && {
      indexesForWrites: projection.indexesForWrites.map(rebuildName),
    }),
    ...(projection.eventRows && {
      eventRows: { ...projection.eventRows, table: rebuildName(projection.eventRows.table) },
    }),
    apply: (event) =>
      projection.apply(event).map((s) => ({ sql: rebuildName(s.sql), params: s.params })),
  };
}

/**
 * Replaces the served tables (and their histories) by the rebuilt ones, and names them back.
 * Triggers are named after their table, so the shadow's go and the served names' come back.
 */
function switchOver(
  projection: Projection,
  dialect: ReadModelDatabase['dialect'],
  shadowHistories: readonly TableShape[],
): SqlStatement[] {
  const tables = namesIn(projection.schema, TABLE);
  const indexes = namesIn(projection.schema, INDEX);
  const historied = new Set(shadowHistories.map((shape) => servedName(shape.name)));
  const renames = (from: string, to: string) => [
    sql(`DROP TABLE IF EXISTS ${to}`),
    sql(`ALTER TABLE ${from} RENAME TO ${to}`),
  ];
  const servedShapes = shadowHistories.map((shape) => ({
    ...shape,
    name: servedName(shape.name),
    indexes: new Map([...shape.indexes].map(([i, on]) => [servedName(i), on])),
  }));
  return [
    ...shadowHistories.flatMap((shape) =>
      dropHistoryTriggers(dialect, shape.name).map((t) => sql(t)),
    ),
    ...tables.flatMap((table) => [
      ...renames(rebuildName(table), table),
      ...(historied.has(table)
        ? renames(historyTable(rebuildName(table)), historyTable(table))
        : []),
      // PostgreSQL names a primary key's index after the table it was made with.
      ...(dialect === 'postgres'
        ? [sql(`ALTER INDEX IF EXISTS ${rebuildName(table)}_pkey RENAME TO ${table}_pkey`)]
        : []),
    ]),
    ...[...indexes, ...shadowHistories.flatMap(historyIndexNames).map(servedName)].map((index) =>
      sql(`DROP INDEX IF EXISTS ${rebuildName(index)}`),
    ),
    ...statementsOf(projection.schema),
    ...servedShapes.flatMap((shape) => historyDdl(dialect, shape).map((text) => sql(text))),
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
      ...namesIn(shadow.schema, /CREATE TABLE IF NOT EXISTS (rb_\w+)/g).flatMap((table) => [
        `DROP TABLE IF EXISTS ${historyTable(table)}`,
        `DROP TABLE IF EXISTS ${table}`,
      ]),
      `DELETE FROM projection_checkpoints WHERE name = '${shadow.name}'`,
    ].join(';\n'),
  );
  // The switch-over builds every index under its served name: the shadow needs only its own.
  const shadowHistories = await createReadModel(db, shadow, { readIndexes: false });

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
        statements: switchOver(projection, db.dialect, shadowHistories),
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
