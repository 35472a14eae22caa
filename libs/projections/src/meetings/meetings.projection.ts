import type { DecisionProposed, MeetingEvent } from '@accord/domain';
import { MEETING_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Meetings: one row per meeting, one per attendee, one per decision taken there.
 * - MeetingHeld: inserts the meeting (agenda kept as a JSON list), and its attendees in order.
 * - DecisionProposed with a meetingId: the decision was taken at that meeting.
 * - DecisionLinkedToMeeting: a decision linked to the meeting afterwards.
 * Meeting events also move the meeting's revision.
 */
export const meetingsProjection: Projection = {
  name: 'meetings',
  handles: new Set<string>([...MEETING_EVENT_TYPES, 'DecisionProposed.v1']),
  schema: `
    CREATE TABLE IF NOT EXISTS rm_meetings (
      meeting_id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      title TEXT NOT NULL,
      held_at TEXT NOT NULL,
      agenda TEXT NOT NULL,
      minutes TEXT NOT NULL,
      recorded_by_person_id TEXT NOT NULL,
      recorded_by_partner_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      held_position BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS rm_meetings_by_position ON rm_meetings (held_position);
    CREATE INDEX IF NOT EXISTS rm_meetings_by_initiative ON rm_meetings (initiative_id, held_position);
    CREATE TABLE IF NOT EXISTS rm_meeting_attendees (
      meeting_id TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      person_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      PRIMARY KEY (meeting_id, ordinal)
    );
    CREATE TABLE IF NOT EXISTS rm_meeting_decisions (
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      how TEXT NOT NULL,
      linked_at TEXT NOT NULL,
      position BIGINT NOT NULL,
      PRIMARY KEY (meeting_id, decision_id)
    );
    CREATE INDEX IF NOT EXISTS rm_meeting_decisions_by_decision ON rm_meeting_decisions (decision_id);
  `,

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
