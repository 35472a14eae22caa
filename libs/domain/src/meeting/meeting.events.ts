export interface Attendee {
  personId: string;
  partnerId: string;
}

export type MeetingHeld = {
  type: 'MeetingHeld.v1';
  data: {
    meetingId: string;
    initiativeId: string;
    title: string;
    /** When the meeting took place (ISO 8601). */
    heldAt: string;
    attendees: Attendee[];
    agenda: string[];
    minutes: string;
    recordedBy: Attendee;
    recordedAt: string;
  };
};

export type DecisionLinkedToMeeting = {
  type: 'DecisionLinkedToMeeting.v1';
  data: { meetingId: string; initiativeId: string; decisionId: string; linkedAt: string };
};

export type MeetingEvent = MeetingHeld | DecisionLinkedToMeeting;

export const MEETING_EVENT_TYPES: readonly MeetingEvent['type'][] = [
  'MeetingHeld.v1',
  'DecisionLinkedToMeeting.v1',
];
