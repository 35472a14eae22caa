import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import type { ReadModelTable } from '../runtime/read-model-tables';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/** Stream categories, longest first so `benefit-pool-x` is not read as category `benefit`. */
export const STREAM_CATEGORIES = [
  'benefit-pool',
  'initiative',
  'commitment',
  'agreement',
  'indicator',
  'decision',
  'meeting',
  'roster',
  'risk',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** `commitment-abc` -> { category: 'commitment', entityId: 'abc' }. */
export function parseStream(stream: string): { category: string; entityId: string } {
  const category = STREAM_CATEGORIES.find((c) => stream.startsWith(`${c}-`));
  if (category) return { category, entityId: stream.slice(category.length + 1) };
  const dash = stream.indexOf('-');
  return dash < 0
    ? { category: stream, entityId: stream }
    : { category: stream.slice(0, dash), entityId: stream.slice(dash + 1) };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Events are journalled in log order, so the last row's high-water marks are the highest: read
 * by the primary key, they need no index on the marks while the journal is filled from zero.
 */
const LAST_ROW =
  '(SELECT occurred_high_water, recorded_high_water FROM rm_journal ORDER BY position DESC LIMIT 1) j';

const JOURNAL_EVENT = `INSERT INTO rm_journal (position, stream, category, entity_id, revision, initiative_id, type,
   person_id, partner_id, occurred_at, recorded_at, data, hash, occurred_high_water, recorded_high_water)
 VALUES (?, ?, ?, ?, ?,
   COALESCE(?, (SELECT j.initiative_id FROM rm_journal j WHERE j.entity_id = ? AND j.stream = ? ORDER BY j.position LIMIT 1)),
   ?, ?, ?, ?, ?, ?, ?,
   (SELECT CASE WHEN MAX(j.occurred_high_water) > ? THEN MAX(j.occurred_high_water) ELSE ? END FROM ${LAST_ROW}),
   (SELECT CASE WHEN MAX(j.recorded_high_water) > ? THEN MAX(j.recorded_high_water) ELSE ? END FROM ${LAST_ROW}))`;

export const JOURNAL: ReadModelTable = {
  name: 'journal',
  columns: {
    position: 'bigint',
    stream: 'text',
    category: 'text',
    entity_id: 'text',
    revision: 'integer',
    initiative_id: 'text?',
    type: 'text',
    person_id: 'text?',
    partner_id: 'text?',
    occurred_at: 'text',
    recorded_at: 'text',
    data: 'text',
    hash: 'text',
    occurred_high_water: 'text',
    recorded_high_water: 'text',
  },
  primaryKey: ['position'],
  indexes: {
    by_entity: { on: ['entity_id', 'position'], forWrites: true },
    by_occurred: { on: ['initiative_id', 'occurred_at', 'position'] },
    by_recorded: { on: ['initiative_id', 'recorded_at', 'position'] },
    occurred_high_water: { on: ['occurred_high_water', 'position'] },
    recorded_high_water: { on: ['recorded_high_water', 'position'] },
    backdated: { on: ['position'], where: 'occurred_at < occurred_high_water' },
  },
  eventRows: { position: 'position', occurredAt: 'occurred_at' },
  retiredIndexes: ['by_stream'],
};

/**
 * Journal: one row per event of the log, indexed by entity and by initiative over both times,
 * for the history of one entity and the changes across an initiative between two moments.
 * An event that does not name its initiative belongs to the initiative of its stream's first.
 * The high-water marks (the latest occurred and recorded times up to each event) index the log
 * by time for time travel; an event that occurred before its high-water mark was backdated.
 */
export const journalProjection: Projection = {
  name: 'journal',
  version: 1,
  handles: { has: (_type: string) => true },
  tables: [JOURNAL],

  apply(event: StoredEvent): SqlStatement[] {
    const { category, entityId } = parseStream(event.stream);
    const actor = (event.metadata.actor ?? {}) as Record<string, unknown>;
    const recordedAt = text(event.metadata.recordedAt) ?? '';
    const occurredAt = text(event.metadata.occurredAt) ?? recordedAt;
    return [
      sql(
        JOURNAL_EVENT,
        event.position,
        event.stream,
        category,
        entityId,
        event.revision,
        text(event.data.initiativeId),
        entityId,
        event.stream,
        event.type,
        text(actor.personId),
        text(actor.partnerId),
        occurredAt,
        recordedAt,
        JSON.stringify(event.data),
        event.hash,
        occurredAt,
        occurredAt,
        recordedAt,
        recordedAt,
      ),
    ];
  },
};
