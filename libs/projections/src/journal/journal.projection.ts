import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
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

/**
 * Journal: one row per event of the log, indexed by entity and by initiative over both times,
 * for the history of one entity and the changes across an initiative between two moments.
 * An event that does not name its initiative belongs to the initiative of its stream's first.
 * The high-water marks (the latest occurred and recorded times up to each event) index the log
 * by time for time travel; an event that occurred before its high-water mark was backdated.
 */
export const journalProjection: Projection = {
  name: 'journal',
  handles: { has: (_type: string) => true },
  schema: `
    CREATE TABLE IF NOT EXISTS rm_journal (
      position BIGINT PRIMARY KEY,
      stream TEXT NOT NULL,
      category TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      initiative_id TEXT,
      type TEXT NOT NULL,
      person_id TEXT,
      partner_id TEXT,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      data TEXT NOT NULL,
      hash TEXT NOT NULL,
      occurred_high_water TEXT NOT NULL,
      recorded_high_water TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_journal_by_entity ON rm_journal (entity_id, position);
    DROP INDEX IF EXISTS rm_journal_by_stream;
    CREATE INDEX IF NOT EXISTS rm_journal_by_occurred ON rm_journal (initiative_id, occurred_at, position);
    CREATE INDEX IF NOT EXISTS rm_journal_by_recorded ON rm_journal (initiative_id, recorded_at, position);
    CREATE INDEX IF NOT EXISTS rm_journal_occurred_high_water ON rm_journal (occurred_high_water, position);
    CREATE INDEX IF NOT EXISTS rm_journal_recorded_high_water ON rm_journal (recorded_high_water, position);
    CREATE INDEX IF NOT EXISTS rm_journal_backdated ON rm_journal (position) WHERE occurred_at < occurred_high_water;
  `,

  eventRows: { table: 'rm_journal', position: 'position', occurredAt: 'occurred_at' },
  indexesForWrites: ['rm_journal_by_entity'],

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
