import type { CommitmentEvent } from '@accord/domain';
import { COMMITMENT_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import type { ReadModelTable } from '../runtime/read-model-tables';
import { sql, type SqlStatement } from '../runtime/read-model-database';

export const COMMITMENTS: ReadModelTable = {
  name: 'commitments',
  columns: {
    commitment_id: 'text',
    initiative_id: 'text',
    partner_id: 'text',
    description: 'text',
    money_amount_minor: 'text?',
    money_currency: 'text?',
    in_kind: 'text?',
    hours: 'real?',
    due_date: 'text',
    status: 'text',
    percent: 'integer',
    last_progress_note: 'text?',
    last_progress_at: 'text?',
    made_at: 'text',
    closed_at: 'text?',
    closing_note: 'text?',
    accepted_by: 'text?',
    accepted_at: 'text?',
    indicator_id: 'text?',
    decision_id: 'text?',
    revision: 'integer',
    made_position: 'bigint',
  },
  primaryKey: ['commitment_id'],
  indexes: {
    by_position: { on: ['made_position'], unique: true },
    by_initiative: { on: ['initiative_id', 'made_position'] },
    by_partner: { on: ['partner_id', 'made_position'] },
    by_status: { on: ['status', 'due_date'] },
    by_partner_status: {
      on: ['initiative_id', 'partner_id', 'status', 'made_position', 'due_date'],
    },
  },
};

export const COMMITMENT_REVISIONS: ReadModelTable = {
  name: 'commitment_revisions',
  columns: {
    commitment_id: 'text',
    revision: 'integer',
    due_date: 'text?',
    description: 'text?',
    previous_due_date: 'text',
    previous_description: 'text',
    reason: 'text',
    revised_at: 'text',
  },
  primaryKey: ['commitment_id', 'revision'],
};

/**
 * Commitments register: one row per commitment, and one row per revision.
 * Version 2: the columns changed (acceptance, links, missed). It was served for a while as
 * `commitments-register-v2` (tables `rm_*_v2`), which it replaces.
 * - CommitmentMade: inserts it, open at 0 %.
 * - ProgressReported: sets percent and the latest note.
 * - CommitmentFulfilled: closes it as fulfilled at 100 %, with the closing note.
 * - CommitmentWithdrawn: closes it as withdrawn, with the reason as the closing note.
 * - CommitmentAccepted: records who accepted it and when.
 * - CommitmentRevised: sets the new due date and/or description; appends the revision to history.
 * - CommitmentMissed: closes it as missed, with the reason as the closing note.
 * - CommitmentLinked: sets the indicator and/or decision it is linked to (null keeps the link).
 */
export const commitmentsRegisterProjection: Projection = {
  name: 'commitments-register',
  version: 2,
  replaces: [
    {
      name: 'commitments-register-v2',
      tables: ['rm_commitments_v2', 'rm_commitment_revisions_v2'],
    },
  ],
  handles: new Set(COMMITMENT_EVENT_TYPES),
  tables: [COMMITMENTS, COMMITMENT_REVISIONS],

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
      case 'CommitmentAccepted.v1':
        return [
          sql(
            `UPDATE rm_commitments SET accepted_by = ?, accepted_at = ?, revision = ? WHERE commitment_id = ?`,
            event.data.acceptedBy,
            event.data.acceptedAt,
            stored.revision,
            event.data.commitmentId,
          ),
        ];
      case 'CommitmentRevised.v1': {
        const d = event.data;
        return [
          sql(
            `UPDATE rm_commitments SET due_date = COALESCE(?, due_date), description = COALESCE(?, description),
               revision = ? WHERE commitment_id = ?`,
            d.dueDate,
            d.description,
            stored.revision,
            d.commitmentId,
          ),
          sql(
            `INSERT INTO rm_commitment_revisions (commitment_id, revision, due_date, description,
               previous_due_date, previous_description, reason, revised_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            d.commitmentId,
            stored.revision,
            d.dueDate,
            d.description,
            d.previousDueDate,
            d.previousDescription,
            d.reason,
            d.revisedAt,
          ),
        ];
      }
      case 'CommitmentMissed.v1':
        return [
          sql(
            `UPDATE rm_commitments SET status = 'missed', closed_at = ?, closing_note = ?, revision = ?
             WHERE commitment_id = ?`,
            event.data.missedAt,
            event.data.reason,
            stored.revision,
            event.data.commitmentId,
          ),
        ];
      case 'CommitmentLinked.v1':
        return [
          sql(
            `UPDATE rm_commitments SET indicator_id = COALESCE(?, indicator_id),
               decision_id = COALESCE(?, decision_id), revision = ? WHERE commitment_id = ?`,
            event.data.indicatorId,
            event.data.decisionId,
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
