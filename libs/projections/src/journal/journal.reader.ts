import type { ReadModelDatabase } from '../runtime/read-model-database';

export interface JournalEntry {
  position: number;
  stream: string;
  category: string;
  entityId: string;
  revision: number;
  initiativeId: string | null;
  type: string;
  personId: string | null;
  partnerId: string | null;
  occurredAt: string;
  recordedAt: string;
  data: string;
  hash: string;
}

interface JournalRow {
  position: number | string;
  stream: string;
  category: string;
  entity_id: string;
  revision: number;
  initiative_id: string | null;
  type: string;
  person_id: string | null;
  partner_id: string | null;
  occurred_at: string;
  recorded_at: string;
  data: string;
  hash: string;
}

const toEntry = (row: JournalRow): JournalEntry => ({
  position: Number(row.position),
  stream: row.stream,
  category: row.category,
  entityId: row.entity_id,
  revision: Number(row.revision),
  initiativeId: row.initiative_id,
  type: row.type,
  personId: row.person_id,
  partnerId: row.partner_id,
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
  data: row.data,
  hash: row.hash,
});

/** Which clock a window is read on: business time, or when the ledger recorded it. */
export type Timeline = 'occurred' | 'recorded';

export class JournalReader {
  constructor(private readonly db: ReadModelDatabase) {}

  /** Every event of the streams of this entity id (of any kind), in log order. */
  async history(entityId: string, limit: number): Promise<JournalEntry[]> {
    const rows = await this.db.all<JournalRow>(
      'SELECT * FROM rm_journal WHERE entity_id = ? ORDER BY position LIMIT ?',
      [entityId, limit],
    );
    return rows.map(toEntry);
  }

  /**
   * Events of an initiative whose time on `timeline` is in [from, to), in log order: at most
   * `limit`, after the event at position `after`.
   */
  /**
   * A page of the window's events: in log order after position `after`, or with `newestFirst`
   * the latest ones first, before position `after` (0: from the newest).
   */
  async between(
    initiativeId: string,
    window: { from: string; to: string; timeline: Timeline },
    limit: number,
    after = 0,
    newestFirst = false,
  ): Promise<JournalEntry[]> {
    const column = window.timeline === 'occurred' ? 'occurred_at' : 'recorded_at';
    const [from, order] = newestFirst
      ? [after > 0 ? 'AND position < ?' : 'AND position > ?', 'DESC']
      : ['AND position > ?', 'ASC'];
    const rows = await this.db.all<JournalRow>(
      `SELECT * FROM rm_journal WHERE initiative_id = ? AND ${column} >= ? AND ${column} < ?
       ${from} ORDER BY position ${order} LIMIT ?`,
      [initiativeId, window.from, window.to, after, limit],
    );
    return rows.map(toEntry);
  }

  /** How many events `between` gives over the whole window. */
  async countBetween(
    initiativeId: string,
    window: { from: string; to: string; timeline: Timeline },
  ): Promise<number> {
    const column = window.timeline === 'occurred' ? 'occurred_at' : 'recorded_at';
    const row = await this.db.get<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM rm_journal WHERE initiative_id = ? AND ${column} >= ? AND ${column} < ?`,
      [initiativeId, window.from, window.to],
    );
    return Number(row?.n ?? 0);
  }
}
