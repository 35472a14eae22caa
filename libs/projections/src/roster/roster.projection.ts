import type { RosterEvent } from '@accord/domain';
import { END_OF_TIME, nextDay, ROSTER_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Roster: one row per role assignment, in office over [office_from, office_until) days.
 * - RoleAssigned: inserts it; in office from the term's start through its end day.
 * - RoleRelinquished / RoleRevoked: records who ended it and why, and ends the office on the
 *   day recorded, if that is earlier than the term's end.
 */
export const rosterProjection: Projection = {
  name: 'roster',
  handles: new Set(ROSTER_EVENT_TYPES),
  schema: `
    CREATE TABLE IF NOT EXISTS rm_role_assignments (
      assignment_id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      role TEXT NOT NULL,
      custom_role TEXT,
      term_start TEXT NOT NULL,
      term_end TEXT,
      office_from TEXT NOT NULL,
      office_until TEXT NOT NULL,
      status TEXT NOT NULL,
      assigned_at TEXT NOT NULL,
      ended_at TEXT,
      end_reason TEXT,
      assigned_position BIGINT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_role_assignments_by_initiative
      ON rm_role_assignments (initiative_id, office_from, office_until);
    CREATE INDEX IF NOT EXISTS rm_role_assignments_by_person ON rm_role_assignments (person_id);
  `,

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as RosterEvent;
    switch (event.type) {
      case 'RoleAssigned.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_role_assignments (assignment_id, initiative_id, person_id, partner_id, role,
               custom_role, term_start, term_end, office_from, office_until, status, assigned_at,
               assigned_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'assigned', ?, ?)`,
            d.assignmentId,
            d.initiativeId,
            d.personId,
            d.partnerId,
            d.role,
            d.customRole,
            d.termStart,
            d.termEnd,
            d.termStart,
            d.termEnd === null ? END_OF_TIME : nextDay(d.termEnd),
            d.assignedAt,
            stored.position,
          ),
        ];
      }
      case 'RoleRelinquished.v1':
      case 'RoleRevoked.v1': {
        const [status, endedAt, reason] =
          event.type === 'RoleRelinquished.v1'
            ? ['relinquished', event.data.relinquishedAt, event.data.reason]
            : ['revoked', event.data.revokedAt, event.data.reason];
        const endDay = endedAt.slice(0, 10);
        return [
          sql(
            `UPDATE rm_role_assignments SET status = ?, ended_at = ?, end_reason = ?,
               office_until = CASE WHEN office_until > ? THEN ? ELSE office_until END
             WHERE assignment_id = ?`,
            status,
            endedAt,
            reason,
            endDay,
            endDay,
            event.data.assignmentId,
          ),
        ];
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
