import type { RosterEvent } from '@accord/domain';
import { END_OF_TIME, nextDay, ROSTER_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import type { ReadModelTable } from '../runtime/read-model-tables';
import { sql, type SqlStatement } from '../runtime/read-model-database';

export const ROLE_ASSIGNMENTS: ReadModelTable = {
  name: 'role_assignments',
  columns: {
    assignment_id: 'text',
    initiative_id: 'text',
    person_id: 'text',
    partner_id: 'text',
    role: 'text',
    custom_role: 'text?',
    term_start: 'text',
    term_end: 'text?',
    office_from: 'text',
    office_until: 'text',
    status: 'text',
    assigned_at: 'text',
    ended_at: 'text?',
    end_reason: 'text?',
    assigned_position: 'bigint',
  },
  primaryKey: ['assignment_id'],
  indexes: {
    by_initiative: { on: ['initiative_id', 'office_from', 'office_until'] },
    by_person: { on: ['person_id'] },
  },
};

/**
 * Roster: one row per role assignment, in office over [office_from, office_until) days.
 * - RoleAssigned: inserts it; in office from the term's start through its end day.
 * - RoleRelinquished / RoleRevoked: records who ended it and why, and ends the office on the
 *   day recorded, if that is earlier than the term's end.
 */
export const rosterProjection: Projection = {
  name: 'roster',
  version: 1,
  handles: new Set(ROSTER_EVENT_TYPES),
  tables: [ROLE_ASSIGNMENTS],

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
