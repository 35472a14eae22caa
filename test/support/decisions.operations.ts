import type { Actor } from '@accord/domain';
import { expectNoErrors } from './fixtures';
import { RECEIPT } from './operations';
import { assignRole } from './roster.fixtures';
import { CITY_HALL, FOOD_BANK, type GraphqlResponse, SCHOOLS, type TestApp } from './test-app';

/** A second food bank steering member, and a city hall observer who holds no vote. */
export const DEE: Actor = { personId: 'dee', partnerId: 'food-bank' };
export const EVE: Actor = { personId: 'eve', partnerId: 'city-hall' };
export const OUTSIDER: Actor = { personId: 'zed', partnerId: 'elsewhere' };

const VOTE_FIELDS = `personId partnerId choice reason counted castAt changedAt
  history { kind choice previousChoice reason occurredAt }`;

export const DECISION_FIELDS = `decisionId initiativeId title motion rationale method
  quorumFraction { numerator denominator } supermajority { numerator denominator }
  meetingId reviewDate reviewDue proposedBy { personId partnerId }
  proposedRules { quorum { numerator denominator } defaultMethod supermajority { numerator denominator } }
  status outcome outcomeReason closedAt
  tally { for against abstain block objection }
  quorum { votingMembers participants required reached }
  votes { ${VOTE_FIELDS} } dissent { personId choice reason }
  recusals { personId partnerId reason declaredAt }
  supersededBy supersedes revision
  meetings { meetingId title }`;

export const PROPOSE_DECISION = `mutation Propose($input: ProposeDecisionInput!) {
  proposeDecision(input: $input) { ${RECEIPT} decision { ${DECISION_FIELDS} } }
}`;

export const DECLARE_CONFLICT = `mutation Declare($input: DeclareConflictOfInterestInput!) {
  declareConflictOfInterest(input: $input) { ${RECEIPT} decision { ${DECISION_FIELDS} } }
}`;

export const CAST_VOTE = `mutation Cast($input: CastVoteInput!) {
  castVote(input: $input) { ${RECEIPT} decision { ${DECISION_FIELDS} } }
}`;

export const CHANGE_VOTE = `mutation Change($input: ChangeVoteInput!) {
  changeVote(input: $input) { ${RECEIPT} decision { ${DECISION_FIELDS} } }
}`;

export const CLOSE_DECISION = `mutation Close($input: CloseDecisionInput!) {
  closeDecision(input: $input) { ${RECEIPT} decision { ${DECISION_FIELDS} } }
}`;

export const SUPERSEDE_DECISION = `mutation Supersede($input: SupersedeDecisionInput!) {
  supersedeDecision(input: $input) { ${RECEIPT} decision { ${DECISION_FIELDS} } }
}`;

export const APPLY_GOVERNANCE_RULES = `mutation Apply($input: ApplyGovernanceRulesInput!) {
  applyGovernanceRules(input: $input) { ${RECEIPT} initiative { initiativeId revision } }
}`;

export const DECISION = `query Decision($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} } }`;

export const DECISIONS = `query Decisions($initiativeId: ID!, $status: DecisionStatus, $reviewDue: Boolean) {
  decisions(initiativeId: $initiativeId, status: $status, reviewDue: $reviewDue) {
    totalCount edges { node { decisionId status reviewDue } }
  }
}`;

const MEETING_FIELDS = `meetingId initiativeId title heldAt attendees { personId partnerId } agenda minutes
  recordedBy { personId partnerId } revision decisions { decisionId title status }`;

export const HOLD_MEETING = `mutation Hold($input: HoldMeetingInput!) {
  holdMeeting(input: $input) { ${RECEIPT} meeting { ${MEETING_FIELDS} } }
}`;

export const LINK_DECISION = `mutation Link($input: LinkDecisionToMeetingInput!) {
  linkDecisionToMeeting(input: $input) { ${RECEIPT} meeting { ${MEETING_FIELDS} } }
}`;

export const MEETING = `query Meeting($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;

export const MEETINGS = `query Meetings($initiativeId: ID!) {
  meetings(initiativeId: $initiativeId) { totalCount edges { node { meetingId title } } }
}`;

export const INITIATIVE_DECISIONS_AND_MEETINGS = `query InitiativeDecisions($id: ID!) {
  initiative(id: $id) {
    decisions(status: OPEN) { totalCount edges { node { decisionId } } }
    meetings { totalCount edges { node { meetingId decisions { decisionId } } } }
  }
}`;

/** Four steering members (ana, bo, chen, dee) with votes, and eve as an observer without one. */
export async function seatSteeringCommittee(app: TestApp, initiativeId: string): Promise<void> {
  for (const member of [CITY_HALL, FOOD_BANK, SCHOOLS, DEE]) {
    await assignRole(app, { initiativeId, ...member, role: 'STEERING_MEMBER' });
  }
  await assignRole(app, { initiativeId, ...EVE, role: 'OBSERVER' });
}

/** Proposes a decision and returns its id. */
export async function proposeDecision(
  app: TestApp,
  input: Record<string, unknown>,
  actor: Actor = CITY_HALL,
): Promise<string> {
  const res = await app.gql(
    PROPOSE_DECISION,
    {
      input: {
        title: 'Fund summer reading',
        motion: 'Move 40 000 USD to the summer reading programme',
        rationale: 'Summer reading loss is the largest gap',
        ...input,
      },
    },
    actor,
  );
  expectNoErrors(res);
  return res.data.proposeDecision.decision.decisionId as string;
}

export async function castVote(
  app: TestApp,
  decisionId: string,
  actor: Actor,
  choice: string,
  reason?: string,
  extra: Record<string, unknown> = {},
): Promise<GraphqlResponse> {
  return app.gql(CAST_VOTE, { input: { decisionId, choice, reason, ...extra } }, actor);
}

/** Casts each vote (expecting success) and closes the decision; returns the closed decision. */
export async function voteAndClose(
  app: TestApp,
  decisionId: string,
  votes: ReadonlyArray<[Actor, string, string?]>,
  extra: Record<string, unknown> = {},
): Promise<any> {
  for (const [actor, choice, reason] of votes) {
    expectNoErrors(await castVote(app, decisionId, actor, choice, reason, extra));
  }
  const closed = await app.gql(CLOSE_DECISION, { input: { decisionId, ...extra } });
  expectNoErrors(closed);
  return closed.data.closeDecision.decision;
}

/** Runs a command expected to fail, and checks the error and that nothing was written. */
export async function expectRejected(
  app: TestApp,
  run: () => Promise<GraphqlResponse>,
  expected: { code: string; rule: string; field: string },
): Promise<void> {
  const before = await app.eventCount();
  const res = await run();
  expect(res.data ?? null).toBeNull();
  const extensions = res.errors?.[0]?.extensions;
  if (expected.code === 'BAD_USER_INPUT') {
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(extensions?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: expected.field, rule: expected.rule }),
      ]),
    );
  } else {
    expect(extensions).toMatchObject(expected);
  }
  expect(await app.eventCount()).toBe(before);
}
