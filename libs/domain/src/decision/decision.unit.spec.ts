import { BusinessTimeRules } from '../shared/business-time';
import type { GovernanceRules } from '../governance/governance-rules';
import { initialInitiativeState, type InitiativeState } from '../initiative/initiative.state';
import type { MeetingEvent } from '../meeting/meeting.events';
import { evolveMeeting, initialMeetingState, type MeetingState } from '../meeting/meeting.state';
import { FractionRules } from '../shared/fraction';
import { deciderSpecification } from '../testing/decider-specification';
import {
  initiativeAfter,
  initiativeId,
  initiativeWith,
  joined,
  launched,
  now,
} from '../testing/initiative-fixtures';
import type { RosterState } from '../roster/roster.state';
import { assigned, rosterAfter, rosterWith } from '../testing/roster-fixtures';
import {
  type DecisionCommand,
  decisionDecider,
  DecisionRules,
  type ProposeDecision,
} from './decision.decider';
import type { DecisionEvent, Tally, VoteChoice } from './decision.events';
import { evolveDecision, initialDecisionState, toRulesDecision } from './decision.state';
import type { DecisionMethod } from '../governance/governance-rules';

const spec = deciderSpecification(decisionDecider);
const decisionId = 'd1';
const ana = { personId: 'ana', partnerId: 'city-hall' };
const bo = { personId: 'bo', partnerId: 'food-bank' };
const chen = { personId: 'chen', partnerId: 'schools' };
const dee = { personId: 'dee', partnerId: 'food-bank' };
const outsider = { personId: 'zed', partnerId: 'elsewhere' };
const ids = { decisionId, initiativeId };

const newRules: GovernanceRules = {
  quorum: { numerator: 2, denominator: 3 },
  defaultMethod: 'consent',
  supermajority: { numerator: 3, denominator: 4 },
};
const withPartners = initiativeWith('city-hall', 'food-bank', 'schools');
/** Four steering members: ana, bo, chen and dee. */
const steering = rosterWith({ steering_member: [ana, bo, chen, dee], observer: [outsider] });

const meeting = (...events: MeetingEvent[]): MeetingState =>
  events.reduce(evolveMeeting, initialMeetingState());
const meetingHeld = (meetingInitiative = initiativeId): MeetingEvent => ({
  type: 'MeetingHeld.v1',
  data: {
    meetingId: 'm1',
    initiativeId: meetingInitiative,
    title: 'Steering committee',
    heldAt: now,
    attendees: [ana],
    agenda: [],
    minutes: '',
    recordedBy: ana,
    recordedAt: now,
  },
});

type ProposeData = ProposeDecision['data'];
const proposeData = (overrides: Partial<ProposeData> = {}): ProposeData => ({
  decisionId,
  initiativeId,
  title: 'Fund the summer reading programme',
  motion: 'Move 40 000 USD to the summer reading programme',
  rationale: 'Reading loss over the summer is the largest gap',
  method: null,
  meetingId: null,
  reviewDate: null,
  proposedRules: null,
  ...overrides,
});
const propose = (
  overrides: Partial<ProposeData> = {},
  options: { initiative?: InitiativeState; meeting?: MeetingState; actor?: typeof ana } = {},
): DecisionCommand => ({
  type: 'ProposeDecision',
  actor: options.actor ?? ana,
  now,
  data: proposeData(overrides),
  initiative: options.initiative ?? withPartners,
  meeting: options.meeting ?? initialMeetingState(),
});
const proposed = (method: DecisionMethod = 'simple_majority', extra: Partial<ProposeData> = {}) => {
  const event: DecisionEvent = {
    type: 'DecisionProposed.v1',
    data: {
      ...proposeData(extra),
      method,
      quorum: { numerator: 1, denominator: 2 },
      supermajority: { numerator: 2, denominator: 3 },
      proposedBy: ana,
      proposedAt: now,
    },
  };
  return event;
};

const recuse = (actor = ana): DecisionCommand => ({
  type: 'DeclareConflictOfInterest',
  actor,
  now,
  data: { decisionId, reason: 'sits on the grantee board' },
});
const recused = (actor = ana): DecisionEvent => ({
  type: 'ConflictOfInterestDeclared.v1',
  data: { ...ids, ...actor, reason: 'sits on the grantee board', declaredAt: now },
});
const vote = (
  actor: typeof ana,
  choice: VoteChoice,
  reason: string | null = null,
): DecisionCommand => ({
  type: 'CastVote',
  actor,
  now,
  data: { decisionId, choice, reason },
  roster: steering,
});
const voted = (
  actor: typeof ana,
  choice: VoteChoice,
  reason: string | null = null,
): DecisionEvent => ({
  type: 'VoteCast.v1',
  data: { ...ids, ...actor, choice, reason, castAt: now },
});
const change = (
  actor: typeof ana,
  choice: VoteChoice,
  reason = 'heard the budget',
): DecisionCommand => ({
  type: 'ChangeVote',
  actor,
  now,
  data: { decisionId, choice, reason },
  roster: steering,
});
const close = (rosterState = steering, actor = ana): DecisionCommand => ({
  type: 'CloseDecision',
  actor,
  now,
  data: { decisionId },
  roster: rosterState,
  initiative: withPartners,
});
const tally = (counts: Partial<Tally>): Tally => ({
  for: 0,
  against: 0,
  abstain: 0,
  block: 0,
  objection: 0,
  ...counts,
});
const closedWith = (outcome: 'adopted' | 'rejected'): DecisionEvent => ({
  type: 'DecisionClosed.v1',
  data: {
    ...ids,
    outcome,
    reason: null,
    tally: tally({}),
    quorum: { votingMembers: 4, participants: 4, required: 2, reached: true },
    closedAt: now,
  },
});

/** The DecisionClosed event `close()` produces, for a quick look at outcome and numbers. */
function closing(given: DecisionEvent[], rosterState = steering) {
  const state = given.reduce(evolveDecision, initialDecisionState());
  const [event] = decisionDecider.decide(close(rosterState), state);
  if (event?.type !== 'DecisionClosed.v1') throw new Error('expected DecisionClosed.v1');
  return event.data;
}

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Decision decider', () => {
  describe('when nothing was proposed', () => {
    it('proposes with the default method and snapshots the quorum and supermajority in force', () => {
      spec
        .given([])
        .when(propose({ reviewDate: '2026-09-01' }))
        .then([proposed('simple_majority', { reviewDate: '2026-09-01' })]);
    });
    it('keeps the method chosen, and the rules in force under later rules', () => {
      const underNewRules = initiativeAfter(launched, joined('city-hall'), {
        type: 'GovernanceRulesSet.v1',
        data: { ...newRules, initiativeId, decisionId: 'd0', setAt: now },
      });
      spec
        .given([])
        .when(propose({ method: 'supermajority' }, { initiative: underNewRules }))
        .then([
          {
            type: 'DecisionProposed.v1',
            data: {
              ...proposeData(),
              method: 'supermajority',
              quorum: newRules.quorum,
              supermajority: newRules.supermajority,
              proposedBy: ana,
              proposedAt: now,
            },
          },
        ]);
    });
    it('proposes at a meeting held in the initiative', () => {
      spec
        .given([])
        .when(propose({ meetingId: 'm1' }, { meeting: meeting(meetingHeld()) }))
        .then([proposed('simple_majority', { meetingId: 'm1' })]);
    });
    it('accepts a review date on the day proposed', () => {
      spec
        .given([])
        .when(propose({ reviewDate: '2026-03-01' }))
        .then([proposed('simple_majority', { reviewDate: '2026-03-01' })]);
    });
    it('proposes new governance rules', () => {
      spec
        .given([])
        .when(propose({ proposedRules: newRules }))
        .then([proposed('simple_majority', { proposedRules: newRules })]);
    });
    it('rejects proposed rules with a quorum above one', () => {
      spec
        .given([])
        .when(propose({ proposedRules: { ...newRules, quorum: { numerator: 4, denominator: 3 } } }))
        .thenThrows(FractionRules.OUT_OF_RANGE, 'proposedRules.quorum');
    });
    it('rejects a review date before the day proposed', () => {
      spec
        .given([])
        .when(propose({ reviewDate: '2026-02-28' }))
        .thenThrows(DecisionRules.REVIEW_DATE_BEFORE_PROPOSAL, 'reviewDate');
    });
    it('rejects an initiative that was never launched', () => {
      spec
        .given([])
        .when(propose({}, { initiative: initialInitiativeState() }))
        .thenThrows(DecisionRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a proposer whose partner is not a member', () => {
      spec
        .given([])
        .when(propose({}, { actor: outsider }))
        .thenThrows(DecisionRules.PARTNER_NOT_MEMBER, 'actor');
    });
    it('rejects a meeting that was never held', () => {
      spec
        .given([])
        .when(propose({ meetingId: 'm1' }))
        .thenThrows(DecisionRules.MEETING_NOT_FOUND, 'meetingId');
    });
    it('rejects a meeting of another initiative', () => {
      spec
        .given([])
        .when(propose({ meetingId: 'm1' }, { meeting: meeting(meetingHeld('other')) }))
        .thenThrows(DecisionRules.MEETING_NOT_FOUND, 'meetingId');
    });
    it.each([recuse(), vote(ana, 'for'), change(ana, 'for'), close()])(
      'rejects $type on a decision that does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(DecisionRules.NOT_FOUND, 'decisionId');
      },
    );
  });

  describe('when the decision is proposed', () => {
    it('rejects proposing it again', () => {
      spec
        .given([proposed()])
        .when(propose())
        .thenThrows(DecisionRules.ALREADY_PROPOSED, 'decisionId');
    });
  });

  describe('when the decision is open', () => {
    it('records a declared conflict of interest', () => {
      spec.given([proposed()]).when(recuse()).then([recused()]);
    });
    it('rejects a second declaration by the same member', () => {
      spec
        .given([proposed(), recused()])
        .when(recuse())
        .thenThrows(DecisionRules.ALREADY_RECUSED, 'actor');
    });

    it('records a vote, the voter being the actor', () => {
      spec
        .given([proposed()])
        .when(vote(bo, 'against', 'too costly'))
        .then([voted(bo, 'against', 'too costly')]);
    });
    it('rejects a vote by a recused member', () => {
      spec
        .given([proposed(), recused()])
        .when(vote(ana, 'for'))
        .thenThrows(DecisionRules.RECUSED, 'actor');
    });
    it('rejects a second vote: change it instead', () => {
      spec
        .given([proposed(), voted(ana, 'for')])
        .when(vote(ana, 'against'))
        .thenThrows(DecisionRules.ALREADY_VOTED, 'actor');
    });
    it.each([
      ['consensus', 'against'],
      ['consensus', 'objection'],
      ['consent', 'block'],
      ['consent', 'against'],
      ['simple_majority', 'block'],
      ['supermajority', 'objection'],
    ] as const)('rejects under %s the choice %s', (method, choice) => {
      spec
        .given([proposed(method)])
        .when(vote(ana, choice, 'a reason'))
        .thenThrows(DecisionRules.CHOICE_NOT_ALLOWED, 'choice');
    });
    it.each([
      ['consensus', 'block'],
      ['consent', 'objection'],
    ] as const)('accepts under %s a %s with its reason', (method, choice) => {
      spec
        .given([proposed(method)])
        .when(vote(ana, choice, 'harms families'))
        .then([voted(ana, choice, 'harms families')]);
    });
    it.each([
      ['consensus', 'block', null],
      ['consent', 'objection', '  '],
    ] as const)('rejects under %s a %s without a reason', (method, choice, reason) => {
      spec
        .given([proposed(method)])
        .when(vote(ana, choice, reason))
        .thenThrows(DecisionRules.REASON_REQUIRED, 'reason');
    });
    it('words its refusals as the schema spells the choices and methods, with the right article', () => {
      const refusal = (events: DecisionEvent[], command: Parameters<typeof vote>) => {
        const state = events.reduce(evolveDecision, initialDecisionState());
        try {
          decisionDecider.decide(vote(...command), state);
        } catch (error) {
          return (error as Error).message;
        }
        return 'accepted';
      };
      expect(refusal([proposed('consent')], [ana, 'objection', null])).toBe(
        'an OBJECTION must give its reason',
      );
      expect(refusal([proposed('consensus')], [ana, 'block', null])).toBe(
        'a BLOCK must give its reason',
      );
      expect(refusal([proposed('consent')], [ana, 'against', 'r'])).toBe(
        'AGAINST is not a choice under CONSENT; choose FOR, ABSTAIN, OBJECTION',
      );
    });

    it('changes a vote, keeping the previous choice', () => {
      spec
        .given([proposed(), voted(ana, 'against')])
        .when(change(ana, 'for'))
        .then([
          {
            type: 'VoteChanged.v1',
            data: {
              ...ids,
              ...ana,
              previousChoice: 'against',
              choice: 'for',
              reason: 'heard the budget',
              changedAt: now,
            },
          },
        ]);
    });
    it('rejects changing a vote never cast', () => {
      spec
        .given([proposed()])
        .when(change(ana, 'for'))
        .thenThrows(DecisionRules.NOT_VOTED, 'actor');
    });
    it('rejects changing a vote to the same choice', () => {
      spec
        .given([proposed(), voted(ana, 'for')])
        .when(change(ana, 'for'))
        .thenThrows(DecisionRules.SAME_CHOICE, 'choice');
    });
    it('rejects changing to a choice the method does not offer', () => {
      spec
        .given([proposed('consent'), voted(ana, 'for')])
        .when(change(ana, 'against'))
        .thenThrows(DecisionRules.CHOICE_NOT_ALLOWED, 'choice');
    });
    it('rejects a change by a member recused after voting', () => {
      spec
        .given([proposed(), voted(ana, 'for'), recused()])
        .when(change(ana, 'against'))
        .thenThrows(DecisionRules.RECUSED, 'actor');
    });
  });

  describe('when the decision is closed', () => {
    it('computes the outcome: adopted under simple majority with the tally and quorum', () => {
      spec
        .given([proposed(), voted(ana, 'for'), voted(bo, 'for'), voted(chen, 'against')])
        .when(close())
        .then([
          {
            type: 'DecisionClosed.v1',
            data: {
              ...ids,
              outcome: 'adopted',
              reason: null,
              tally: tally({ for: 2, against: 1 }),
              quorum: { votingMembers: 4, participants: 3, required: 2, reached: true },
              closedAt: now,
            },
          },
        ]);
    });
    it('rejects without quorum, saying why', () => {
      const closed = closing([proposed(), voted(ana, 'for')]);
      expect(closed.outcome).toBe('rejected');
      expect(closed.quorum).toEqual({
        votingMembers: 4,
        participants: 1,
        required: 2,
        reached: false,
      });
      expect(closed.reason).toMatch(/quorum not reached: 1 of 4/);
    });
    it('counts abstentions towards the quorum', () => {
      const closed = closing([proposed(), voted(ana, 'for'), voted(bo, 'abstain')]);
      expect(closed).toMatchObject({
        outcome: 'adopted',
        quorum: { participants: 2, reached: true },
        tally: tally({ for: 1, abstain: 1 }),
      });
    });
    it('does not count the vote of a member who recused after voting', () => {
      const closed = closing([
        proposed(),
        voted(ana, 'for'),
        voted(bo, 'against'),
        voted(chen, 'for'),
        recused(ana),
      ]);
      expect(closed.tally).toEqual(tally({ for: 1, against: 1 }));
      expect(closed.outcome).toBe('rejected');
    });
    it('counts the latest choice of a changed vote', () => {
      const changed: DecisionEvent = {
        type: 'VoteChanged.v1',
        data: {
          ...ids,
          ...bo,
          previousChoice: 'against',
          choice: 'for',
          reason: 'ok',
          changedAt: now,
        },
      };
      const closed = closing([proposed(), voted(ana, 'for'), voted(bo, 'against'), changed]);
      expect(closed.tally).toEqual(tally({ for: 2 }));
    });
    it('judges the quorum on the voting members in office at the close', () => {
      const twoMembers = rosterWith({ steering_member: [ana, bo] });
      const closed = closing([proposed(), voted(ana, 'for')], twoMembers);
      expect(closed.quorum).toEqual({
        votingMembers: 2,
        participants: 1,
        required: 1,
        reached: true,
      });
      expect(closed.outcome).toBe('adopted');
    });
    it('rejects for lack of quorum when there are no voting members', () => {
      const closed = closing([proposed()], rosterAfter());
      expect(closed.quorum.reached).toBe(false);
      expect(closed.outcome).toBe('rejected');
    });
    it('rejects a tie under simple majority', () => {
      const closed = closing([proposed(), voted(ana, 'for'), voted(bo, 'against')]);
      expect(closed.outcome).toBe('rejected');
    });
    it.each([
      [['for', 'for', 'abstain'], 'adopted'],
      [['for', 'for', 'block'], 'rejected'],
    ] as const)('under consensus %j is %s', (choices, outcome) => {
      const voters = [ana, bo, chen];
      const events = choices.map((c, i) => voted(voters[i]!, c, 'r'));
      expect(closing([proposed('consensus'), ...events]).outcome).toBe(outcome);
    });
    it.each([
      [['for', 'abstain', 'abstain'], 'adopted'],
      [['for', 'for', 'objection'], 'rejected'],
    ] as const)('under consent %j is %s', (choices, outcome) => {
      const voters = [ana, bo, chen];
      const events = choices.map((c, i) => voted(voters[i]!, c, 'r'));
      expect(closing([proposed('consent'), ...events]).outcome).toBe(outcome);
    });
    it.each([
      [['for', 'for', 'against'], 'adopted'],
      [['for', 'against', 'abstain'], 'rejected'],
      [['abstain', 'abstain', 'abstain'], 'rejected'],
      [['for', 'abstain', 'abstain'], 'adopted'],
    ] as const)('under a 2/3 supermajority %j is %s', (choices, outcome) => {
      const voters = [ana, bo, chen];
      const events = choices.map((c, i) => voted(voters[i]!, c));
      expect(closing([proposed('supermajority'), ...events]).outcome).toBe(outcome);
    });
    it('rejects a close by someone acting for a partner outside the initiative', () => {
      spec
        .given([proposed(), voted(ana, 'for')])
        .when(close(steering, outsider))
        .thenThrows(DecisionRules.PARTNER_NOT_MEMBER, 'actor');
    });
    it('rejects closing twice', () => {
      spec
        .given([proposed(), closedWith('adopted')])
        .when(close())
        .thenThrows(DecisionRules.ALREADY_CLOSED, 'decisionId');
    });
    it.each([vote(ana, 'for'), change(ana, 'for'), recuse()])(
      'rejects $type once closed',
      (command) => {
        spec
          .given([proposed(), voted(ana, 'against'), closedWith('rejected')])
          .when(command)
          .thenThrows(DecisionRules.ALREADY_CLOSED, 'decisionId');
      },
    );
  });

  describe('when superseding', () => {
    const laterState = (...events: DecisionEvent[]) =>
      events.reduce(evolveDecision, initialDecisionState());
    const later = (outcome: 'adopted' | 'rejected' | null = 'adopted', otherInitiative = false) => {
      const event = proposed('simple_majority', {
        decisionId: 'd2',
        initiativeId: otherInitiative ? 'other' : initiativeId,
      });
      const closed = closedWith(outcome ?? 'adopted');
      const events = outcome === null ? [event] : [event, closed];
      return laterState(...events);
    };
    const supersede = (by = later(), byDecisionId = 'd2', actor = ana): DecisionCommand => ({
      type: 'SupersedeDecision',
      actor,
      now,
      data: { decisionId, byDecisionId },
      by,
      initiative: withPartners,
    });
    const superseded: DecisionEvent = {
      type: 'DecisionSuperseded.v1',
      data: { ...ids, byDecisionId: 'd2', supersededAt: now },
    };

    it('records that a later adopted decision supersedes an adopted one', () => {
      spec
        .given([proposed(), closedWith('adopted')])
        .when(supersede())
        .then([superseded]);
    });
    it('rejects a supersession recorded by someone outside the initiative', () => {
      spec
        .given([proposed(), closedWith('adopted')])
        .when(supersede(later(), 'd2', outsider))
        .thenThrows(DecisionRules.PARTNER_NOT_MEMBER, 'actor');
    });
    it('rejects an unknown decision', () => {
      spec.given([]).when(supersede()).thenThrows(DecisionRules.NOT_FOUND, 'decisionId');
    });
    it('rejects superseding an open decision', () => {
      spec
        .given([proposed()])
        .when(supersede())
        .thenThrows(DecisionRules.NOT_ADOPTED, 'decisionId');
    });
    it('rejects superseding a rejected decision', () => {
      spec
        .given([proposed(), closedWith('rejected')])
        .when(supersede())
        .thenThrows(DecisionRules.NOT_ADOPTED, 'decisionId');
    });
    it('rejects superseding twice', () => {
      spec
        .given([proposed(), closedWith('adopted'), superseded])
        .when(supersede())
        .thenThrows(DecisionRules.ALREADY_SUPERSEDED, 'decisionId');
    });
    it('rejects a decision superseding itself', () => {
      spec
        .given([proposed(), closedWith('adopted')])
        .when(supersede(laterState(proposed(), closedWith('adopted')), decisionId))
        .thenThrows(DecisionRules.SUPERSEDES_ITSELF, 'byDecisionId');
    });
    it.each([
      ['does not exist', initialDecisionState(), DecisionRules.SUPERSEDING_NOT_FOUND],
      ['is in another initiative', later('adopted', true), DecisionRules.SUPERSEDING_NOT_FOUND],
      ['is still open', later(null), DecisionRules.SUPERSEDING_NOT_ADOPTED],
      ['was rejected', later('rejected'), DecisionRules.SUPERSEDING_NOT_ADOPTED],
    ])('rejects a superseding decision that %s', (_, by, code) => {
      spec
        .given([proposed(), closedWith('adopted')])
        .when(supersede(by))
        .thenThrows(code, 'byDecisionId');
    });
  });

  describe('as seen by the initiative applying rules', () => {
    const state = (...events: DecisionEvent[]) =>
      events.reduce(evolveDecision, initialDecisionState());
    it('is absent, open, adopted or superseded', () => {
      expect(toRulesDecision(state(), 'd9').outcome).toBe('absent');
      const withRules = proposed('simple_majority', { proposedRules: newRules });
      expect(toRulesDecision(state(withRules), decisionId)).toEqual({
        decisionId,
        initiativeId,
        outcome: 'open',
        proposedRules: newRules,
      });
      expect(toRulesDecision(state(withRules, closedWith('adopted')), decisionId).outcome).toBe(
        'adopted',
      );
      const superseded: DecisionEvent = {
        type: 'DecisionSuperseded.v1',
        data: { ...ids, byDecisionId: 'd2', supersededAt: now },
      };
      expect(
        toRulesDecision(state(withRules, closedWith('adopted'), superseded), decisionId).outcome,
      ).toBe('superseded');
    });
  });
});

/** A vote or change of vote judged on another roster. */
const withRoster = (command: DecisionCommand, roster: RosterState): DecisionCommand =>
  ({ ...command, roster }) as DecisionCommand;

describe('Decision decider: business time', () => {
  it('refuses a proposal dated before the initiative was launched', () => {
    spec
      .given([])
      .when({ ...propose(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
  it.each([recuse(), vote(ana, 'for'), close()])(
    'refuses $type dated before the decision was proposed',
    (command) => {
      spec
        .given([proposed()])
        .when({ ...command, now: EARLIER })
        .thenThrows(PREDATES, 'occurredAt');
    },
  );
  it('refuses a change of vote dated before the decision was proposed', () => {
    spec
      .given([proposed(), voted(ana, 'for')])
      .when({ ...change(ana, 'against'), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });

  describe('when the voter was not a steering member on the day of the vote', () => {
    const seatedLater = rosterAfter(assigned(ana, 'steering_member', { termStart: '2026-04-01' }));
    it('refuses the vote, though the policy (judged today) lets them vote', () => {
      spec
        .given([proposed()])
        .when(withRoster(vote(ana, 'for'), seatedLater))
        .thenThrows(DecisionRules.NOT_VOTING_MEMBER_THEN, 'occurredAt');
    });
    it('refuses a change of vote on such a day too', () => {
      spec
        .given([proposed(), voted(ana, 'for')])
        .when(withRoster(change(ana, 'against'), seatedLater))
        .thenThrows(DecisionRules.NOT_VOTING_MEMBER_THEN, 'occurredAt');
    });
    it('refuses a steering member seated for another partner than the one they act for', () => {
      const forOtherPartner = rosterAfter(
        assigned({ personId: 'ana', partnerId: 'food-bank' }, 'steering_member'),
      );
      spec
        .given([proposed()])
        .when(withRoster(vote(ana, 'for'), forOtherPartner))
        .thenThrows(DecisionRules.NOT_VOTING_MEMBER_THEN, 'occurredAt');
    });
  });
});
