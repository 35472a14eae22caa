import type { CommitmentEvent } from '@accord/domain';
import { COMMITMENT_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Database } from 'better-sqlite3';
import type { SqliteProjection } from '../runtime/projection';
import { statement } from '../runtime/statement-cache';

/**
 * Commitments register: one row per commitment.
 * - CommitmentMade: inserts it, open at 0 %.
 * - ProgressReported: sets percent and the latest note.
 * - CommitmentFulfilled: closes it as fulfilled at 100 %, with the closing note.
 * - CommitmentWithdrawn: closes it as withdrawn, with the reason as the closing note.
 */
export const commitmentsRegisterProjection: SqliteProjection = {
  name: 'commitments-register',
  handles: new Set(COMMITMENT_EVENT_TYPES),

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_commitments (
        commitment_id TEXT PRIMARY KEY,
        initiative_id TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        description TEXT NOT NULL,
        money_amount_minor TEXT,
        money_currency TEXT,
        in_kind TEXT,
        hours REAL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL,
        percent INTEGER NOT NULL,
        last_progress_note TEXT,
        last_progress_at TEXT,
        made_at TEXT NOT NULL,
        closed_at TEXT,
        closing_note TEXT,
        revision INTEGER NOT NULL,
        made_position INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS rm_commitments_by_position ON rm_commitments (made_position);
      CREATE INDEX IF NOT EXISTS rm_commitments_by_initiative ON rm_commitments (initiative_id, made_position);
      CREATE INDEX IF NOT EXISTS rm_commitments_by_partner ON rm_commitments (partner_id, made_position);
      CREATE INDEX IF NOT EXISTS rm_commitments_by_status ON rm_commitments (status, due_date);
    `);
  },

  apply(db: Database, stored: StoredEvent) {
    const event = stored as unknown as CommitmentEvent;
    switch (event.type) {
      case 'CommitmentMade.v1': {
        const d = event.data;
        statement(
          db,
          `INSERT INTO rm_commitments (commitment_id, initiative_id, partner_id, description, money_amount_minor,
             money_currency, in_kind, hours, due_date, status, percent, made_at, revision, made_position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?, ?, ?)`,
        ).run(
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
        );
        return;
      }
      case 'ProgressReported.v1':
        statement(
          db,
          `UPDATE rm_commitments SET percent = ?, last_progress_note = ?, last_progress_at = ?, revision = ?
           WHERE commitment_id = ?`,
        ).run(
          event.data.percent,
          event.data.note,
          event.data.reportedAt,
          stored.revision,
          event.data.commitmentId,
        );
        return;
      case 'CommitmentFulfilled.v1':
        statement(
          db,
          `UPDATE rm_commitments SET status = 'fulfilled', percent = 100, closed_at = ?, closing_note = ?, revision = ?
           WHERE commitment_id = ?`,
        ).run(event.data.fulfilledAt, event.data.note, stored.revision, event.data.commitmentId);
        return;
      case 'CommitmentWithdrawn.v1':
        statement(
          db,
          `UPDATE rm_commitments SET status = 'withdrawn', closed_at = ?, closing_note = ?, revision = ?
           WHERE commitment_id = ?`,
        ).run(event.data.withdrawnAt, event.data.reason, stored.revision, event.data.commitmentId);
        return;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
