import { expectAnsweredAsMissing } from '../support/forbidden';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import {
  DECISION,
  expectRejected,
  HOLD_MEETING,
  INITIATIVE_DECISIONS_AND_MEETINGS,
  LINK_DECISION,
  MEETING,
  MEETINGS,
  OUTSIDER,
  proposeDecision,
} from '../support/decisions.operations';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('Meetings over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  let otherInitiative: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app, 'meetings');
    otherInitiative = await launchWithPartners(app, 'elsewhere');
  });
  afterAll(() => app.stop());

  let counter = 0;
  const meetingInput = (overrides: Record<string, unknown> = {}) => ({
    meetingId: `m-${++counter}`,
    initiativeId,
    title: 'Steering committee, March',
    heldAt: '2026-03-05T17:30:00Z',
    attendees: [CITY_HALL, FOOD_BANK, SCHOOLS],
    agenda: ['Summer reading budget', 'Data-sharing agreement'],
    minutes: 'Quorum present. The budget was discussed and put to a vote.',
    ...overrides,
  });
  const hold = (overrides: Record<string, unknown> = {}) =>
    app.gql(HOLD_MEETING, { input: meetingInput(overrides) });

  it('records a meeting with attendees, agenda, minutes, and the decisions taken there', async () => {
    const held = await hold();
    expectNoErrors(held);
    const meeting = held.data.holdMeeting.meeting;
    expect(meeting).toMatchObject({
      initiativeId,
      title: 'Steering committee, March',
      heldAt: '2026-03-05T17:30:00.000Z',
      attendees: [CITY_HALL, FOOD_BANK, SCHOOLS],
      agenda: ['Summer reading budget', 'Data-sharing agreement'],
      minutes: 'Quorum present. The budget was discussed and put to a vote.',
      recordedBy: CITY_HALL,
      revision: 0,
      decisions: [],
    });
    const meetingId = meeting.meetingId as string;

    const atMeeting = await proposeDecision(app, {
      initiativeId,
      title: 'Proposed at the meeting',
      meetingId,
    });
    const later = await proposeDecision(app, { initiativeId, title: 'Linked afterwards' });
    const linked = await app.gql(LINK_DECISION, { input: { meetingId, decisionId: later } });
    expectNoErrors(linked);
    expect(linked.data.linkDecisionToMeeting.meeting).toMatchObject({
      revision: 1,
      decisions: [
        { decisionId: atMeeting, title: 'Proposed at the meeting', status: 'OPEN' },
        { decisionId: later, title: 'Linked afterwards', status: 'OPEN' },
      ],
    });

    const read = await app.gql(MEETING, { id: meetingId });
    expect(read.data.meeting.decisions.map((d: any) => d.decisionId)).toEqual([atMeeting, later]);
    const decision = await app.gql(DECISION, { id: later });
    expect(decision.data.decision).toMatchObject({
      meetingId: null,
      meetings: [{ meetingId, title: 'Steering committee, March' }],
    });
    const proposedThere = await app.gql(DECISION, { id: atMeeting });
    expect(proposedThere.data.decision.meetingId).toBe(meetingId);

    const list = await app.gql(MEETINGS, { initiativeId });
    expect(list.data.meetings.edges.map((e: any) => e.node.meetingId)).toContain(meetingId);
    const initiative = await app.gql(INITIATIVE_DECISIONS_AND_MEETINGS, { id: initiativeId });
    expectNoErrors(initiative);
    const { decisions, meetings } = initiative.data.initiative;
    expect(decisions.edges.map((e: any) => e.node.decisionId)).toEqual(
      expect.arrayContaining([atMeeting, later]),
    );
    expect(meetings.edges.find((e: any) => e.node.meetingId === meetingId).node.decisions).toEqual([
      { decisionId: atMeeting },
      { decisionId: later },
    ]);
    const stored = (await app.rawEvents()).filter((e) => e.stream === `meeting-${meetingId}`);
    expect(stored.map((e) => e.type)).toEqual(['MeetingHeld.v1', 'DecisionLinkedToMeeting.v1']);
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/meeting/meeting.unit.spec.ts.
  describe('rejects bad input, naming the field and the rule, and writes nothing', () => {
    it('a meeting recorded by someone outside the initiative', async () => {
      await expectAnsweredAsMissing(
        app,
        () => app.gql(HOLD_MEETING, { input: meetingInput() }, OUTSIDER),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'MEETING.INITIATIVE_NOT_FOUND' },
      );
    });
    it('an unknown initiative', async () => {
      await expectRejected(app, () => hold({ initiativeId: 'nowhere' }), {
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'MEETING.INITIATIVE_NOT_FOUND',
        field: 'initiativeId',
      });
    });
    it('a held-at time that is not a date-time, an empty title, an empty agenda item', async () => {
      await expectRejected(app, () => hold({ heldAt: 'last Tuesday' }), {
        code: 'BAD_USER_INPUT',
        rule: 'isIso8601',
        field: 'heldAt',
      });
      await expectRejected(app, () => hold({ title: '' }), {
        code: 'BAD_USER_INPUT',
        rule: 'isNotEmpty',
        field: 'title',
      });
      await expectRejected(app, () => hold({ agenda: ['Budget', ''] }), {
        code: 'BAD_USER_INPUT',
        rule: 'isNotEmpty',
        field: 'agenda',
      });
    });
    it('linking to an unknown meeting, an unknown decision, or one of another initiative', async () => {
      const held = await hold();
      const meetingId = held.data.holdMeeting.meeting.meetingId as string;
      const decisionId = await proposeDecision(app, { initiativeId });
      await expectRejected(
        app,
        () => app.gql(LINK_DECISION, { input: { meetingId: 'nowhen', decisionId } }),
        { code: 'NOT_FOUND', rule: 'MEETING.NOT_FOUND', field: 'meetingId' },
      );
      await expectRejected(
        app,
        () => app.gql(LINK_DECISION, { input: { meetingId, decisionId: 'no-such-decision' } }),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'MEETING.DECISION_NOT_FOUND', field: 'decisionId' },
      );
      const foreign = await proposeDecision(app, { initiativeId: otherInitiative });
      await expectRejected(
        app,
        () => app.gql(LINK_DECISION, { input: { meetingId, decisionId: foreign } }),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'MEETING.DECISION_NOT_FOUND', field: 'decisionId' },
      );
    });
    it('linking by someone outside the initiative, and linking the same decision twice', async () => {
      const held = await hold();
      const meetingId = held.data.holdMeeting.meeting.meetingId as string;
      const decisionId = await proposeDecision(app, { initiativeId });
      await expectAnsweredAsMissing(
        app,
        () => app.gql(LINK_DECISION, { input: { meetingId, decisionId } }, OUTSIDER),
        { code: 'NOT_FOUND', rule: 'MEETING.NOT_FOUND' },
      );
      expectNoErrors(await app.gql(LINK_DECISION, { input: { meetingId, decisionId } }));
      await expectRejected(
        app,
        () => app.gql(LINK_DECISION, { input: { meetingId, decisionId } }),
        {
          code: 'DOMAIN_RULE_VIOLATED',
          rule: 'MEETING.DECISION_ALREADY_LINKED',
          field: 'decisionId',
        },
      );
    });
    it('proposing a decision at a meeting of another initiative', async () => {
      const held = await hold({ initiativeId: otherInitiative });
      expectNoErrors(held);
      const meetingId = held.data.holdMeeting.meeting.meetingId as string;
      await expectRejected(
        app,
        () =>
          app.gql(
            `mutation P($input: ProposeDecisionInput!) { proposeDecision(input: $input) { decision { decisionId } } }`,
            {
              input: { initiativeId, title: 't', motion: 'm', rationale: 'r', meetingId },
            },
          ),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'DECISION.MEETING_NOT_FOUND', field: 'meetingId' },
      );
    });
    it('reading an unknown meeting', async () => {
      const read = await app.gql(MEETING, { id: 'nowhen' });
      expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'meeting' });
    });
  });
});
