import type { DecisionProposed, MeetingEvent } from '@accord/domain';
import { MEETING_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import type { ReadModelTable } from '../runtime/read-model-tables';
import { sql, type SqlStatement } from '../runtime/read-model-database';

export const MEETINGS: ReadModelTable = {
  name: 'meetings',
  columns: {
    meeting_id: 'text',
    initiative_id: 'text',
    title: 'text',
    held_at: 'text',
    agenda: 'text',
    minutes: 'text',
    recorded_by_person_id: 'text',
    recorded_by_partner_id: 'text',
    revision: 'integer',
    held_position: 'bigint',
  },
  primaryKey: ['meeting_id'],
  indexes: {
    by_position: { on: ['held_position'], unique: true },
    by_initiative: { on: ['initiative_id', 'held_position'] },
  },
};

/**
 * Meetings: one row per meeting, one per attendee, one per decision taken there.
 * - MeetingHeld: inserts the meeting (agenda kept as a JSON list), and its attendees in order.
 * - DecisionProposed with a meetingId: the decision was taken at that meeting.
 * - DecisionLinkedToMeeting: a decision linked to the meeting afterwards.
 * Meeting events also move the meeting's revision.
 */
export const meetingsProjection: Projection = {
  name: 'meetings',
  version: 1,
  handles: new Set<string>([...MEETING_EVENT_TYPES, 'DecisionProposed.v1']),
  tables: [
    MEETINGS,
    {
      name: 'meeting_attendees',
      columns: {
        meeting_id: 'text',
        ordinal: 'integer',
        person_id: 'text',
        partner_id: 'text',
      },
      primaryKey: ['meeting_id', 'ordinal'],
    },
    {
      name: 'meeting_decisions',
      columns: {
        meeting_id: 'text',
        decision_id: 'text',
        how: 'text',
        linked_at: 'text',
        position: 'bigint',
      },
      primaryKey: ['meeting_id', 'decision_id'],
      indexes: {
        by_decision: { on: ['decision_id'] },
      },
    },
  ],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as MeetingEvent | DecisionProposed;
    switch (event.type) {
      case 'MeetingHeld.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_meetings (meeting_id, initiative_id, title, held_at, agenda, minutes,
               recorded_by_person_id, recorded_by_partner_id, revision, held_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            d.meetingId,
            d.initiativeId,
            d.title,
            d.heldAt,
            JSON.stringify(d.agenda),
            d.minutes,
            d.recordedBy.personId,
            d.recordedBy.partnerId,
            stored.revision,
            stored.position,
          ),
          ...d.attendees.map((attendee, ordinal) =>
            sql(
              `INSERT INTO rm_meeting_attendees (meeting_id, ordinal, person_id, partner_id)
               VALUES (?, ?, ?, ?)`,
              d.meetingId,
              ordinal,
              attendee.personId,
              attendee.partnerId,
            ),
          ),
        ];
      }
      case 'DecisionLinkedToMeeting.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_meeting_decisions (meeting_id, decision_id, how, linked_at, position)
             VALUES (?, ?, 'linked', ?, ?)`,
            d.meetingId,
            d.decisionId,
            d.linkedAt,
            stored.position,
          ),
          sql(
            'UPDATE rm_meetings SET revision = ? WHERE meeting_id = ?',
            stored.revision,
            d.meetingId,
          ),
        ];
      }
      case 'DecisionProposed.v1': {
        const d = event.data;
        if (d.meetingId === null) return [];
        return [
          sql(
            `INSERT INTO rm_meeting_decisions (meeting_id, decision_id, how, linked_at, position)
             VALUES (?, ?, 'proposed', ?, ?)`,
            d.meetingId,
            d.decisionId,
            d.proposedAt,
            stored.position,
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
