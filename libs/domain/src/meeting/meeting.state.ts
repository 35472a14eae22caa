import type { MeetingEvent } from './meeting.events';

export type MeetingState =
  | { status: 'absent' }
  | {
      status: 'held';
      meetingId: string;
      initiativeId: string;
      /** Business time the meeting was recorded: a decision is linked to it only after. */
      recordedAt: string;
      /** Decisions linked after the meeting was recorded. */
      decisionIds: readonly string[];
    };

export const initialMeetingState = (): MeetingState => ({ status: 'absent' });

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  const { type, data } = event;
  switch (type) {
    case 'MeetingHeld.v1':
      return {
        status: 'held',
        meetingId: data.meetingId,
        initiativeId: data.initiativeId,
        recordedAt: data.recordedAt,
        decisionIds: [],
      };
    case 'DecisionLinkedToMeeting.v1':
      return state.status === 'held'
        ? { ...state, decisionIds: [...state.decisionIds, data.decisionId] }
        : state;
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
