import { BusinessTimeRules } from '../shared/business-time';
import type { DecisionEvent } from '../decision/decision.events';
import {
  type DecisionState,
  evolveDecision,
  initialDecisionState,
} from '../decision/decision.state';
import { initialInitiativeState } from '../initiative/initiative.state';
import { deciderSpecification } from '../testing/decider-specification';
import {
  initiativeAfter,
  initiativeId,
  initiativeWith,
  joined,
  launched,
  left,
  now,
} from '../testing/initiative-fixtures';
import {
  type HoldMeeting,
  type MeetingCommand,
  meetingDecider,
  MeetingRules,
} from './meeting.decider';
import type { MeetingEvent } from './meeting.events';

const spec = deciderSpecification(meetingDecider);
const ana = { personId: 'ana', partnerId: 'city-hall' };
const bo = { personId: 'bo', partnerId: 'food-bank' };

const withPartners = initiativeWith('city-hall', 'food-bank');

type HoldData = HoldMeeting['data'];
const holdData = (overrides: Partial<HoldData> = {}): HoldData => ({
  meetingId: 'm1',
  initiativeId,
  title: 'Steering committee, March',
  heldAt: '2026-03-01T09:00:00.000Z',
  attendees: [ana, bo],
  agenda: ['Summer reading budget', 'Data sharing'],
  minutes: 'Quorum present. Budget discussed.',
  ...overrides,
});
const hold = (
  overrides: Partial<HoldData> = {},
  state = withPartners,
  actor = ana,
): MeetingCommand => ({
  type: 'HoldMeeting',
  actor,
  now,
  data: holdData(overrides),
  initiative: state,
});
const held: MeetingEvent = {
  type: 'MeetingHeld.v1',
  data: { ...holdData(), recordedBy: ana, recordedAt: now },
};

const decision = (decisionInitiative = initiativeId, meetingId: string | null = null) => {
  const proposed: DecisionEvent = {
    type: 'DecisionProposed.v1',
    data: {
      decisionId: 'd1',
      initiativeId: decisionInitiative,
      title: 't',
      motion: 'm',
      rationale: 'r',
      method: 'consent',
      quorum: { numerator: 1, denominator: 2 },
      supermajority: { numerator: 2, denominator: 3 },
      meetingId,
      reviewDate: null,
      proposedRules: null,
      proposedBy: ana,
      proposedAt: now,
    },
  };
  return evolveDecision(initialDecisionState(), proposed);
};
const link = (state: DecisionState = decision(), actor = ana): MeetingCommand => ({
  type: 'LinkDecisionToMeeting',
  actor,
  now,
  data: { meetingId: 'm1', decisionId: 'd1' },
  decision: state,
  initiative: withPartners,
});
const linked: MeetingEvent = {
  type: 'DecisionLinkedToMeeting.v1',
  data: { meetingId: 'm1', initiativeId, decisionId: 'd1', linkedAt: now },
};

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Meeting decider', () => {
  describe('when no meeting was recorded', () => {
    it('records the meeting with attendees, agenda and minutes', () => {
      spec.given([]).when(hold()).then([held]);
    });
    it('rejects an initiative never launched', () => {
      spec
        .given([])
        .when(hold({}, initialInitiativeState()))
        .thenThrows(MeetingRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a recorder whose partner is not a member', () => {
      spec
        .given([])
        .when(hold({}, withPartners, { personId: 'zed', partnerId: 'elsewhere' }))
        .thenThrows(MeetingRules.PARTNER_NOT_MEMBER, 'actor');
    });
    it('rejects a meeting without attendees', () => {
      spec
        .given([])
        .when(hold({ attendees: [] }))
        .thenThrows(MeetingRules.NO_ATTENDEES, 'attendees');
    });
    it('rejects the same person listed twice', () => {
      spec
        .given([])
        .when(hold({ attendees: [ana, bo, { ...ana }] }))
        .thenThrows(MeetingRules.DUPLICATE_ATTENDEE, 'attendees[2].personId');
    });
    it('rejects an attendee for a partner outside the initiative', () => {
      spec
        .given([])
        .when(hold({ attendees: [ana, { personId: 'zed', partnerId: 'elsewhere' }] }))
        .thenThrows(MeetingRules.PARTNER_NOT_MEMBER, 'attendees[1].partnerId');
    });
    it('rejects an attendee for a partner that left', () => {
      const afterLeaving = initiativeAfter(
        launched,
        joined('city-hall'),
        joined('food-bank'),
        left('food-bank'),
      );
      spec
        .given([])
        .when(hold({}, afterLeaving))
        .thenThrows(MeetingRules.PARTNER_NOT_MEMBER, 'attendees[1].partnerId');
    });
    it('rejects linking a decision to a meeting never held', () => {
      spec.given([]).when(link()).thenThrows(MeetingRules.NOT_FOUND, 'meetingId');
    });
  });

  describe('when the meeting was held', () => {
    it('rejects recording it again', () => {
      spec.given([held]).when(hold()).thenThrows(MeetingRules.ALREADY_HELD, 'meetingId');
    });
    it('links a decision of the initiative', () => {
      spec.given([held]).when(link()).then([linked]);
    });
    it('rejects a link made by someone outside the initiative', () => {
      spec
        .given([held])
        .when(link(decision(), { personId: 'zed', partnerId: 'elsewhere' }))
        .thenThrows(MeetingRules.PARTNER_NOT_MEMBER, 'actor');
    });
    it('rejects a decision that does not exist', () => {
      spec
        .given([held])
        .when(link(initialDecisionState()))
        .thenThrows(MeetingRules.DECISION_NOT_FOUND, 'decisionId');
    });
    it('rejects a decision of another initiative', () => {
      spec
        .given([held])
        .when(link(decision('other')))
        .thenThrows(MeetingRules.DECISION_NOT_FOUND, 'decisionId');
    });
    it('rejects linking the same decision twice', () => {
      spec
        .given([held, linked])
        .when(link())
        .thenThrows(MeetingRules.DECISION_ALREADY_LINKED, 'decisionId');
    });
    it('rejects linking a decision proposed at this meeting', () => {
      spec
        .given([held])
        .when(link(decision(initiativeId, 'm1')))
        .thenThrows(MeetingRules.DECISION_ALREADY_LINKED, 'decisionId');
    });
  });
});

describe('Meeting decider: business time', () => {
  it('refuses a meeting recorded before the initiative was launched', () => {
    spec
      .given([])
      .when({ ...hold(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
  it('refuses a meeting held on a day before the launch', () => {
    spec
      .given([])
      .when(hold({ heldAt: '2026-02-28T18:00:00.000Z' }))
      .thenThrows(PREDATES, 'heldAt');
  });
  it('refuses a link dated before the meeting was recorded', () => {
    spec
      .given([held])
      .when({ ...link(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
});
