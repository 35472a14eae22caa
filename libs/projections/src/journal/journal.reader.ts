import type { ReadModelDatabase } from '../runtime/read-model-database';
import { viewColumns } from '../runtime/read-model-tables';
import { JOURNAL } from './journal.projection';

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

/** An event's row under the names of its entry (the high-water marks only index the log). */
const ENTRY = `SELECT ${viewColumns(JOURNAL, {
  only: Object.keys(JOURNAL.columns).filter((c) => !c.endsWith('_high_water')),
})} FROM rm_journal`;

/** Which clock a window is read on: business time, or when the ledger recorded it. */
export type Timeline = 'occurred' | 'recorded';

export class JournalReader {
  constructor(private readonly db: ReadModelDatabase) {}

  /** Every event of the streams of this entity id (of any kind), in log order. */
  async history(entityId: string, limit: number): Promise<JournalEntry[]> {
    return this.db.all<JournalEntry>(`${ENTRY} WHERE entity_id = ? ORDER BY position LIMIT ?`, [
      entityId,
      limit,
    ]);
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
    return this.db.all<JournalEntry>(
      `${ENTRY} WHERE initiative_id = ? AND ${column} >= ? AND ${column} < ?
       ${from} ORDER BY position ${order} LIMIT ?`,
      [initiativeId, window.from, window.to, after, limit],
    );
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
