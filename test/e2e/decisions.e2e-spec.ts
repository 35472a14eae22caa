import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import {
  APPLY_GOVERNANCE_RULES,
  CHANGE_VOTE,
  castVote,
  CLOSE_DECISION,
  DECISION,
  DECISIONS,
  DECLARE_CONFLICT,
  DEE,
  EVE,
  expectRejected,
  OUTSIDER,
  PROPOSE_DECISION,
  proposeDecision,
  seatSteeringCommittee,
  SUPERSEDE_DECISION,
  voteAndClose,
} from '../support/decisions.operations';
import { expectAnsweredAsMissing, expectForbidden } from '../support/forbidden';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('Decisions over GraphQL on %s', (store) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ store });
  });
  afterAll(() => app.stop());

  let counter = 0;
  const committee = async () => {
    const initiativeId = await launchWithPartners(app, `decisions-${++counter}`);
    await seatSteeringCommittee(app, initiativeId);
    return initiativeId;
  };
  const motion = {
    title: 'Fund summer reading',
    motion: 'Move 40 000 USD to the summer reading programme',
    rationale: 'Summer reading loss is the largest gap',
  };

  it('runs a vote: propose, recuse, vote, change a vote, close adopted with the tally', async () => {
    const initiativeId = await committee();
    const proposed = await app.gql(PROPOSE_DECISION, {
      input: { initiativeId, ...motion, reviewDate: '2099-01-15' },
    });
    expectNoErrors(proposed);
    const decision = proposed.data.proposeDecision.decision;
    expect(decision).toMatchObject({
      ...motion,
      method: 'SIMPLE_MAJORITY',
      quorumFraction: { numerator: 1, denominator: 2 },
      supermajority: { numerator: 2, denominator: 3 },
      status: 'OPEN',
      outcome: null,
      quorum: null,
      reviewDate: '2099-01-15',
      reviewDue: false,
      proposedBy: { personId: 'ana', partnerId: 'city-hall' },
      proposedRules: null,
    });
    const decisionId = decision.decisionId as string;

    expectNoErrors(await castVote(app, decisionId, DEE, 'FOR'));
    const recused = await app.gql(
      DECLARE_CONFLICT,
      { input: { decisionId, reason: 'sits on the board of the grantee' } },
      DEE,
    );
    expectNoErrors(recused);
    expect(recused.data.declareConflictOfInterest.decision).toMatchObject({
      recusals: [
        { personId: 'dee', partnerId: 'food-bank', reason: 'sits on the board of the grantee' },
      ],
      votes: [{ personId: 'dee', choice: 'FOR', counted: false }],
      tally: { for: 0, against: 0, abstain: 0, block: 0, objection: 0 },
    });

    expectNoErrors(await castVote(app, decisionId, CITY_HALL, 'FOR'));
    expectNoErrors(await castVote(app, decisionId, FOOD_BANK, 'AGAINST', 'the budget is thin'));
    expectNoErrors(await castVote(app, decisionId, SCHOOLS, 'AGAINST', 'teachers are not funded'));
    const changed = await app.gql(
      CHANGE_VOTE,
      { input: { decisionId, choice: 'FOR', reason: 'the city matched the money' } },
      FOOD_BANK,
    );
    expectNoErrors(changed);

    const closed = await app.gql(CLOSE_DECISION, { input: { decisionId } });
    expectNoErrors(closed);
    const result = closed.data.closeDecision.decision;
    expect(result).toMatchObject({
      status: 'ADOPTED',
      outcome: 'ADOPTED',
      outcomeReason: null,
      tally: { for: 2, against: 1, abstain: 0, block: 0, objection: 0 },
      quorum: { votingMembers: 4, participants: 3, required: 2, reached: true },
      dissent: [{ personId: 'chen', choice: 'AGAINST', reason: 'teachers are not funded' }],
    });
    const bo = result.votes.find((v: any) => v.personId === 'bo');
    expect(bo).toMatchObject({
      choice: 'FOR',
      reason: 'the city matched the money',
      counted: true,
    });
    expect(bo.history.map((h: any) => [h.kind, h.choice, h.previousChoice, h.reason])).toEqual([
      ['cast', 'AGAINST', null, 'the budget is thin'],
      ['changed', 'FOR', 'AGAINST', 'the city matched the money'],
    ]);

    const stored = (await app.rawEvents()).filter((e) => e.stream === `decision-${decisionId}`);
    expect(stored.map((e) => e.type)).toEqual([
      'DecisionProposed.v1',
      'VoteCast.v1',
      'ConflictOfInterestDeclared.v1',
      'VoteCast.v1',
      'VoteCast.v1',
      'VoteCast.v1',
      'VoteChanged.v1',
      'DecisionClosed.v1',
    ]);
    expect(stored[7]!.data).toMatchObject({
      outcome: 'adopted',
      tally: { for: 2, against: 1, abstain: 0, block: 0, objection: 0 },
      quorum: { votingMembers: 4, participants: 3, required: 2, reached: true },
    });

    const read = await app.gql(DECISION, { id: decisionId });
    expect(read.data.decision.votes).toHaveLength(4);
    const adopted = await app.gql(DECISIONS, { initiativeId, status: 'ADOPTED' });
    expect(adopted.data.decisions.edges.map((e: any) => e.node.decisionId)).toEqual([decisionId]);
    const open = await app.gql(DECISIONS, { initiativeId, status: 'OPEN' });
    expect(open.data.decisions.totalCount).toBe(0);
  });

  it('answers a retried vote with the first receipt, and refuses a stale expectedRevision', async () => {
    const initiativeId = await committee();
    const decisionId = await proposeDecision(app, { initiativeId });
    const first = await castVote(app, decisionId, FOOD_BANK, 'FOR', undefined, {
      commandId: `vote-${decisionId}`,
    });
    expectNoErrors(first);
    const before = await app.eventCount();
    const retried = await castVote(app, decisionId, FOOD_BANK, 'FOR', undefined, {
      commandId: `vote-${decisionId}`,
    });
    expectNoErrors(retried);
    expect(retried.data.castVote.receipt).toEqual({
      ...first.data.castVote.receipt,
      duplicate: true,
    });
    expect(retried.data.castVote.decision.tally.for).toBe(1);
    expect(await app.eventCount()).toBe(before);

    const stale = await castVote(app, decisionId, SCHOOLS, 'FOR', undefined, {
      expectedRevision: 0,
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'CONCURRENCY' });
    expect(await app.eventCount()).toBe(before);
  });

  it('rejects without quorum, and a consensus with a block, saying why', async () => {
    const initiativeId = await committee();
    const thin = await proposeDecision(app, { initiativeId });
    const noQuorum = await voteAndClose(app, thin, [[CITY_HALL, 'FOR']]);
    expect(noQuorum).toMatchObject({
      status: 'REJECTED',
      outcome: 'REJECTED',
      tally: { for: 1 },
      quorum: { votingMembers: 4, participants: 1, required: 2, reached: false },
    });
    expect(noQuorum.outcomeReason).toMatch(/quorum not reached/);

    const blocked = await proposeDecision(app, { initiativeId, method: 'CONSENSUS' });
    const closed = await voteAndClose(app, blocked, [
      [CITY_HALL, 'FOR'],
      [FOOD_BANK, 'FOR'],
      [SCHOOLS, 'BLOCK', 'breaks the data-sharing agreement'],
    ]);
    expect(closed).toMatchObject({
      method: 'CONSENSUS',
      outcome: 'REJECTED',
      tally: { for: 2, block: 1 },
      quorum: { reached: true },
      dissent: [{ personId: 'chen', choice: 'BLOCK', reason: 'breaks the data-sharing agreement' }],
    });
    expect(closed.outcomeReason).toMatch(/blocked/);
  });

  it('supersedes an adopted decision, and flags adopted decisions whose review date came', async () => {
    const initiativeId = await committee();
    const backdated = { occurredAt: '2025-06-01T10:00:00.000Z' };
    const first = await proposeDecision(app, {
      initiativeId,
      reviewDate: '2025-12-01',
      ...backdated,
    });
    await voteAndClose(
      app,
      first,
      [
        [CITY_HALL, 'FOR'],
        [FOOD_BANK, 'FOR'],
      ],
      backdated,
    );
    const due = await app.gql(DECISIONS, { initiativeId, reviewDue: true });
    expect(due.data.decisions.edges.map((e: any) => e.node)).toEqual([
      { decisionId: first, status: 'ADOPTED', reviewDue: true },
    ]);

    const second = await proposeDecision(app, { initiativeId, title: 'Fund summer reading, v2' });
    await voteAndClose(app, second, [
      [CITY_HALL, 'FOR'],
      [SCHOOLS, 'FOR'],
    ]);
    const superseded = await app.gql(SUPERSEDE_DECISION, {
      input: { decisionId: first, byDecisionId: second },
    });
    expectNoErrors(superseded);
    expect(superseded.data.supersedeDecision.decision).toMatchObject({
      status: 'SUPERSEDED',
      supersededBy: second,
      reviewDue: false,
    });
    const later = await app.gql(DECISION, { id: second });
    expect(later.data.decision.supersedes).toEqual([first]);
    const stillDue = await app.gql(DECISIONS, { initiativeId, reviewDue: true });
    expect(stillDue.data.decisions.totalCount).toBe(0);

    await expectRejected(
      app,
      () => app.gql(SUPERSEDE_DECISION, { input: { decisionId: first, byDecisionId: second } }),
      {
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'DECISION.ALREADY_SUPERSEDED',
        field: 'decisionId',
      },
    );
    await expectRejected(
      app,
      () => app.gql(SUPERSEDE_DECISION, { input: { decisionId: second, byDecisionId: second } }),
      { code: 'DOMAIN_RULE_VIOLATED', rule: 'DECISION.SUPERSEDES_ITSELF', field: 'byDecisionId' },
    );
    const open = await proposeDecision(app, { initiativeId });
    await expectRejected(
      app,
      () => app.gql(SUPERSEDE_DECISION, { input: { decisionId: second, byDecisionId: open } }),
      {
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'DECISION.SUPERSEDING_NOT_ADOPTED',
        field: 'byDecisionId',
      },
    );
  });

  it('applies the governance rules a motion adopted by vote proposed, once', async () => {
    const initiativeId = await committee();
    const proposedRules = {
      quorum: { numerator: 3, denominator: 4 },
      defaultMethod: 'CONSENT',
      supermajority: { numerator: 3, denominator: 4 },
    };
    const rulesMotion = await proposeDecision(app, {
      initiativeId,
      title: 'Raise the quorum',
      proposedRules,
    });
    const apply = () =>
      app.gql(APPLY_GOVERNANCE_RULES, { input: { initiativeId, decisionId: rulesMotion } });

    await expectRejected(app, apply, {
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'INITIATIVE.DECISION_NOT_ADOPTED',
      field: 'decisionId',
    });
    const closed = await voteAndClose(app, rulesMotion, [
      [CITY_HALL, 'FOR'],
      [FOOD_BANK, 'FOR'],
      [SCHOOLS, 'AGAINST'],
    ]);
    expect(closed.outcome).toBe('ADOPTED');
    expect(closed.proposedRules).toEqual(proposedRules);

    const applied = await apply();
    expectNoErrors(applied);
    expect(applied.data.applyGovernanceRules.receipt.stream).toBe(`initiative-${initiativeId}`);
    const set = (await app.rawEvents()).filter(
      (e) => e.type === 'GovernanceRulesSet.v1' && e.data.initiativeId === initiativeId,
    );
    expect(set).toHaveLength(1);
    expect(set[0]!.data).toMatchObject({
      quorum: { numerator: 3, denominator: 4 },
      defaultMethod: 'consent',
      supermajority: { numerator: 3, denominator: 4 },
      decisionId: rulesMotion,
    });

    await expectRejected(app, apply, {
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'INITIATIVE.RULES_ALREADY_APPLIED',
      field: 'decisionId',
    });

    // A decision proposed now is decided under the new rules: consent, three quarters quorum.
    const next = await app.gql(PROPOSE_DECISION, { input: { initiativeId, ...motion } });
    expectNoErrors(next);
    expect(next.data.proposeDecision.decision).toMatchObject({
      method: 'CONSENT',
      quorumFraction: { numerator: 3, denominator: 4 },
    });
    const plain = await proposeDecision(app, { initiativeId, method: 'SIMPLE_MAJORITY' });
    await voteAndClose(app, plain, [[CITY_HALL, 'FOR']]);
    await expectRejected(
      app,
      () => app.gql(APPLY_GOVERNANCE_RULES, { input: { initiativeId, decisionId: plain } }),
      {
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'INITIATIVE.DECISION_NOT_ABOUT_RULES',
        field: 'decisionId',
      },
    );
    await expectRejected(
      app,
      () => app.gql(APPLY_GOVERNANCE_RULES, { input: { initiativeId, decisionId: 'nope' } }),
      { code: 'DOMAIN_RULE_VIOLATED', rule: 'INITIATIVE.DECISION_NOT_FOUND', field: 'decisionId' },
    );
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/decision/decision.unit.spec.ts.
  describe('rejects bad input, naming the field and the rule, and writes nothing', () => {
    let initiativeId: string;
    let decisionId: string;
    beforeAll(async () => {
      initiativeId = await committee();
      decisionId = await proposeDecision(app, { initiativeId });
      expectNoErrors(await castVote(app, decisionId, CITY_HALL, 'FOR'));
      expectNoErrors(
        await app.gql(DECLARE_CONFLICT, { input: { decisionId, reason: 'related party' } }, DEE),
      );
    });

    it('a vote on an unknown decision', async () => {
      await expectRejected(app, () => castVote(app, 'no-such-decision', CITY_HALL, 'FOR'), {
        code: 'NOT_FOUND',
        rule: 'DECISION.NOT_FOUND',
        field: 'decisionId',
      });
    });
    it('a vote by someone who is not a voting member', async () => {
      const onlySteeringMembers = { mutation: 'castVote', rolesNeeded: ['steering_member'] };
      await expectForbidden(app, () => castVote(app, decisionId, EVE, 'FOR'), onlySteeringMembers);
      await expectAnsweredAsMissing(app, () => castVote(app, decisionId, OUTSIDER, 'FOR'), {
        code: 'NOT_FOUND',
        rule: 'DECISION.NOT_FOUND',
      });
    });
    it('a conflict declared without a reason', async () => {
      await expectRejected(
        app,
        () => app.gql(DECLARE_CONFLICT, { input: { decisionId, reason: '' } }, FOOD_BANK),
        { code: 'BAD_USER_INPUT', rule: 'isNotEmpty', field: 'reason' },
      );
    });
    it('a choice that is not a choice at all', async () => {
      const before = await app.eventCount();
      const res = await castVote(app, decisionId, FOOD_BANK, 'MAYBE');
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/VoteChoice/);
      expect(await app.eventCount()).toBe(before);
    });
    it('changing a vote never cast, or to the same choice', async () => {
      await expectRejected(
        app,
        () => app.gql(CHANGE_VOTE, { input: { decisionId, choice: 'FOR', reason: 'r' } }, SCHOOLS),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'DECISION.NOT_VOTED', field: 'actor' },
      );
      await expectRejected(
        app,
        () =>
          app.gql(CHANGE_VOTE, { input: { decisionId, choice: 'FOR', reason: 'r' } }, CITY_HALL),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'DECISION.SAME_CHOICE', field: 'choice' },
      );
    });
    it('a proposal by a partner outside the initiative', async () => {
      await expectAnsweredAsMissing(
        app,
        () => app.gql(PROPOSE_DECISION, { input: { initiativeId, ...motion } }, OUTSIDER),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'DECISION.INITIATIVE_NOT_FOUND' },
      );
    });
    it('a proposal in an unknown initiative or at an unknown meeting', async () => {
      await expectRejected(
        app,
        () => app.gql(PROPOSE_DECISION, { input: { initiativeId: 'nowhere', ...motion } }),
        {
          code: 'DOMAIN_RULE_VIOLATED',
          rule: 'DECISION.INITIATIVE_NOT_FOUND',
          field: 'initiativeId',
        },
      );
      await expectRejected(
        app,
        () =>
          app.gql(PROPOSE_DECISION, { input: { initiativeId, ...motion, meetingId: 'nowhen' } }),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'DECISION.MEETING_NOT_FOUND', field: 'meetingId' },
      );
    });
    it('a proposal without a motion, or with proposed rules out of range', async () => {
      await expectRejected(
        app,
        () => app.gql(PROPOSE_DECISION, { input: { initiativeId, ...motion, motion: '' } }),
        { code: 'BAD_USER_INPUT', rule: 'isNotEmpty', field: 'motion' },
      );
      const rules = (quorum: object) => ({
        quorum,
        defaultMethod: 'CONSENT',
        supermajority: { numerator: 2, denominator: 3 },
      });
      await expectRejected(
        app,
        () =>
          app.gql(PROPOSE_DECISION, {
            input: {
              initiativeId,
              ...motion,
              proposedRules: rules({ numerator: 0, denominator: 3 }),
            },
          }),
        { code: 'BAD_USER_INPUT', rule: 'min', field: 'proposedRules.quorum.numerator' },
      );
      await expectRejected(
        app,
        () =>
          app.gql(PROPOSE_DECISION, {
            input: {
              initiativeId,
              ...motion,
              proposedRules: rules({ numerator: 4, denominator: 3 }),
            },
          }),
        {
          code: 'DOMAIN_RULE_VIOLATED',
          rule: 'FRACTION.OUT_OF_RANGE',
          field: 'proposedRules.quorum',
        },
      );
    });
    it('closing a decision twice, and voting once it is closed', async () => {
      const once = await proposeDecision(app, { initiativeId });
      await voteAndClose(app, once, [
        [CITY_HALL, 'FOR'],
        [FOOD_BANK, 'FOR'],
      ]);
      await expectRejected(app, () => app.gql(CLOSE_DECISION, { input: { decisionId: once } }), {
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'DECISION.ALREADY_CLOSED',
        field: 'decisionId',
      });
      await expectRejected(app, () => castVote(app, once, SCHOOLS, 'FOR'), {
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'DECISION.ALREADY_CLOSED',
        field: 'decisionId',
      });
    });
    it('a close by someone outside the initiative', async () => {
      await expectAnsweredAsMissing(
        app,
        () => app.gql(CLOSE_DECISION, { input: { decisionId } }, OUTSIDER),
        { code: 'NOT_FOUND', rule: 'DECISION.NOT_FOUND' },
      );
    });
    it('closing an unknown decision, and reading one', async () => {
      await expectRejected(
        app,
        () => app.gql(CLOSE_DECISION, { input: { decisionId: 'no-such-decision' } }),
        { code: 'NOT_FOUND', rule: 'DECISION.NOT_FOUND', field: 'decisionId' },
      );
      const read = await app.gql(DECISION, { id: 'no-such-decision' });
      expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'decision' });
    });
  });
});
