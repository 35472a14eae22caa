import type { CommitmentEvent } from '@accord/domain';
import { COMMITMENT_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Commitments register: one row per commitment.
 * - CommitmentMade: inserts it, open at 0 %.
 * - ProgressReported: sets percent and the latest note.
 * - CommitmentFulfilled: closes it as fulfilled at 100 %, with the closing note.
 * - CommitmentWithdrawn: closes it as withdrawn, with the reason as the closing note.
 */
export const commitmentsRegisterProjection: Projection = {
  name: 'commitments-register',
  handles: new Set(COMMITMENT_EVENT_TYPES),
  schema: `
    CREATE TABLE IF NOT EXISTS rm_commitments (
      commitment_id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      description TEXT NOT NULL,
      money_amount_minor TEXT,
      money_currency TEXT,
      in_kind TEXT,
      hours DOUBLE PRECISION,
      due_date TEXT NOT NULL,
      status TEXT NOT NULL,
      percent INTEGER NOT NULL,
      last_progress_note TEXT,
      last_progress_at TEXT,
      made_at TEXT NOT NULL,
      closed_at TEXT,
      closing_note TEXT,
      revision INTEGER NOT NULL,
      made_position BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS rm_commitments_by_position ON rm_commitments (made_position);
    CREATE INDEX IF NOT EXISTS rm_commitments_by_initiative ON rm_commitments (initiative_id, made_position);
    CREATE INDEX IF NOT EXISTS rm_commitments_by_partner ON rm_commitments (partner_id, made_position);
    CREATE INDEX IF NOT EXISTS rm_commitments_by_status ON rm_commitments (status, due_date);
  `,

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as CommitmentEvent;
    switch (event.type) {
      case 'CommitmentMade.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_commitments (commitment_id, initiative_id, partner_id, description, money_amount_minor,
               money_currency, in_kind, hours, due_date, status, percent, made_at, revision, made_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?, ?, ?)`,
            d.commitmentId,
            d.initiativeId,
            d.partnerId,
            d.description,
            d.resources.money?.amountMinor ?? null,
            d.resources.money?.currency ?? null,
            d.resources.inKind,
            d.resources.hours,
            d.dueDate,
            d.madeAt,
            stored.revision,
            stored.position,
          ),
        ];
      }
      case 'ProgressReported.v1':
        return [
          sql(
            `UPDATE rm_commitments SET percent = ?, last_progress_note = ?, last_progress_at = ?, revision = ?
             WHERE commitment_id = ?`,
            event.data.percent,
            event.data.note,
            event.data.reportedAt,
            stored.revision,
            event.data.commitmentId,
          ),
        ];
      case 'CommitmentFulfilled.v1':
        return [
          sql(
            `UPDATE rm_commitments SET status = 'fulfilled', percent = 100, closed_at = ?, closing_note = ?, revision = ?
             WHERE commitment_id = ?`,
            event.data.fulfilledAt,
            event.data.note,
            stored.revision,
            event.data.commitmentId,
          ),
        ];
      case 'CommitmentWithdrawn.v1':
        return [
          sql(
            `UPDATE rm_commitments SET status = 'withdrawn', closed_at = ?, closing_note = ?, revision = ?
             WHERE commitment_id = ?`,
            event.data.withdrawnAt,
            event.data.reason,
            stored.revision,
            event.data.commitmentId,
          ),
        ];
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
