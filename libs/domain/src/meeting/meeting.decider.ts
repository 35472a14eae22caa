import { type DecisionState } from '../decision/decision.state';
import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { type CommandContext, type Decider } from '../shared/decider';
import { requireNotBefore, requireOccurredNotBefore } from '../shared/business-time';
import { dayOf } from '../shared/dates';
import { rule } from '../shared/domain-error';
import { type Attendee, type MeetingEvent } from './meeting.events';
import { evolveMeeting, initialMeetingState, type MeetingState } from './meeting.state';

export type HoldMeeting = CommandContext & {
  type: 'HoldMeeting';
  data: {
    meetingId: string;
    initiativeId: string;
    title: string;
    heldAt: string;
    attendees: Attendee[];
    agenda: string[];
    minutes: string;
  };
  /** The initiative as it stands: attendees act for member partners. */
  initiative: InitiativeState;
};

export type LinkDecisionToMeeting = CommandContext & {
  type: 'LinkDecisionToMeeting';
  data: { meetingId: string; decisionId: string };
  /** The decision, folded from its own stream. */
  decision: DecisionState;
  /** The meeting's initiative: only someone acting for a member partner links decisions. */
  initiative: InitiativeState;
};

export type MeetingCommand = HoldMeeting | LinkDecisionToMeeting;

export const MeetingRules = {
  ALREADY_HELD: 'MEETING.ALREADY_HELD',
  NOT_FOUND: 'MEETING.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'MEETING.INITIATIVE_NOT_FOUND',
  PARTNER_NOT_MEMBER: 'MEETING.PARTNER_NOT_MEMBER',
  NO_ATTENDEES: 'MEETING.NO_ATTENDEES',
  DUPLICATE_ATTENDEE: 'MEETING.DUPLICATE_ATTENDEE',
  DECISION_NOT_FOUND: 'MEETING.DECISION_NOT_FOUND',
  DECISION_ALREADY_LINKED: 'MEETING.DECISION_ALREADY_LINKED',
} as const;

function decideHold(command: HoldMeeting, state: MeetingState): MeetingEvent[] {
  const { data, initiative, actor, now } = command;
  rule(
    state.status === 'absent',
    MeetingRules.ALREADY_HELD,
    `meeting ${data.meetingId} was already recorded`,
    'meetingId',
  );
  rule(
    initiative.status === 'launched',
    MeetingRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  // By day: the meeting that launched the initiative is often held, and dated, before its record.
  requireNotBefore(dayOf(data.heldAt), 'heldAt', launchOf(initiative));
  rule(
    initiative.partners[actor.partnerId]?.status === 'member',
    MeetingRules.PARTNER_NOT_MEMBER,
    `${actor.personId} acts for ${actor.partnerId}, which is not a member of the initiative`,
    'actor',
  );
  rule(
    data.attendees.length > 0,
    MeetingRules.NO_ATTENDEES,
    'a meeting needs at least one attendee',
    'attendees',
  );
  const seen = new Set<string>();
  data.attendees.forEach((attendee, index) => {
    rule(
      !seen.has(attendee.personId),
      MeetingRules.DUPLICATE_ATTENDEE,
      `${attendee.personId} is listed more than once`,
      `attendees[${index}].personId`,
    );
    seen.add(attendee.personId);
    rule(
      initiative.partners[attendee.partnerId]?.status === 'member',
      MeetingRules.PARTNER_NOT_MEMBER,
      `partner ${attendee.partnerId} is not a member of the initiative`,
      `attendees[${index}].partnerId`,
    );
  });
  return [
    {
      type: 'MeetingHeld.v1',
      data: {
        ...data,
        recordedBy: { personId: actor.personId, partnerId: actor.partnerId },
        recordedAt: now,
      },
    },
  ];
}

export function decideMeeting(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'HoldMeeting':
      return decideHold(command, state);
    case 'LinkDecisionToMeeting': {
      const { data, decision, initiative, actor, now } = command;
      rule(
        state.status === 'held',
        MeetingRules.NOT_FOUND,
        `meeting ${data.meetingId} does not exist`,
        'meetingId',
      );
      rule(
        initiative.status === 'launched' &&
          initiative.partners[actor.partnerId]?.status === 'member',
        MeetingRules.PARTNER_NOT_MEMBER,
        `${actor.personId} acts for ${actor.partnerId}, which is not a member of the initiative`,
        'actor',
      );
      rule(
        decision.status !== 'absent' && decision.initiativeId === state.initiativeId,
        MeetingRules.DECISION_NOT_FOUND,
        `decision ${data.decisionId} does not exist in this initiative`,
        'decisionId',
      );
      requireOccurredNotBefore(
        now,
        { what: `meeting ${state.meetingId} was recorded`, at: state.recordedAt },
        { what: `decision ${data.decisionId} was proposed`, at: decision.proposedAt },
      );
      rule(
        !state.decisionIds.includes(data.decisionId) && decision.meetingId !== state.meetingId,
        MeetingRules.DECISION_ALREADY_LINKED,
        `decision ${data.decisionId} is already linked to meeting ${data.meetingId}`,
        'decisionId',
      );
      return [
        {
          type: 'DecisionLinkedToMeeting.v1',
          data: {
            meetingId: state.meetingId,
            initiativeId: state.initiativeId,
            decisionId: data.decisionId,
            linkedAt: now,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingState, MeetingEvent> = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
