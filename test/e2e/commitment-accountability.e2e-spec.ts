import { expectForbidden } from '../support/forbidden';
import { idsOf } from '../support/accountability.operations';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import {
  ACCEPT_COMMITMENT,
  COMMITMENT,
  defineIndicator,
  LINK_COMMITMENT,
  makeCommitment,
  MISS_COMMITMENT,
  REVISE_COMMITMENT,
  standInDecision,
} from '../support/measurement.operations';
import { COMMITMENTS, FULFIL, REPORT, WITHDRAW } from '../support/operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

const BACKBONE = { personId: 'dora', partnerId: 'city-hall' };
const PAST_DUE = '2025-02-01';
const MADE_BEFORE_DUE = '2025-01-10T10:00:00.000Z';

describe.each(FEATURE_STORES)('Commitments accepted, revised, missed and linked on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  let otherInitiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
    otherInitiativeId = await launchWithPartners(app, 'other-initiative');
    await assignRole(app, {
      initiativeId,
      personId: CITY_HALL.personId,
      partnerId: CITY_HALL.partnerId,
      role: 'STEERING_MEMBER',
    });
    await assignRole(app, {
      initiativeId,
      personId: BACKBONE.personId,
      partnerId: BACKBONE.partnerId,
      role: 'BACKBONE_STAFF',
    });
    // Roles in another initiative do not count in this one.
    await assignRole(app, {
      initiativeId: otherInitiativeId,
      personId: SCHOOLS.personId,
      partnerId: SCHOOLS.partnerId,
      role: 'STEERING_MEMBER',
    });
  });
  afterAll(() => app.stop());

  const make = (input: Record<string, unknown> = {}) =>
    makeCommitment(app, FOOD_BANK, { initiativeId, dueDate: ONE_YEAR_AHEAD, ...input });
  const pastDue = () => make({ dueDate: PAST_DUE, occurredAt: MADE_BEFORE_DUE });

  // One refusal per error code and mutation here (and the lookups of other streams); every
  // rule, with its field, is in libs/domain/src/commitment/commitment-accept-revise-miss-link.unit.spec.ts.
  /** The request fails with this code, field and rule, and nothing is written. */
  async function expectRejected(
    run: () => Promise<{ errors?: Array<{ extensions: Record<string, any> }> }>,
    expected: { code?: string; field: string | null; rule: string },
  ): Promise<void> {
    const before = await app.eventCount();
    const res = await run();
    expect(res.errors).toHaveLength(1);
    const extensions = res.errors![0]!.extensions;
    expect(extensions.code).toBe(expected.code ?? 'DOMAIN_RULE_VIOLATED');
    expect(extensions.field).toBe(expected.field);
    expect(extensions.rule).toBe(expected.rule);
    expect(await app.eventCount()).toBe(before);
  }

  describe('accept', () => {
    const accept = (commitmentId: string, actor = CITY_HALL) =>
      app.gql(ACCEPT_COMMITMENT, { input: { commitmentId } }, actor);

    it('is done once, by a steering member in office', async () => {
      const id = await make();
      const res = await accept(id);
      expectNoErrors(res);
      expect(res.data.acceptCommitment.commitment).toMatchObject({
        status: 'OPEN',
        acceptedBy: 'ana',
        acceptedAt: expect.any(String),
        revision: 1,
      });
      const stored = (await app.rawEvents()).filter((e) => e.stream === `commitment-${id}`);
      expect(stored.map((e) => e.type)).toEqual(['CommitmentMade.v1', 'CommitmentAccepted.v1']);
      expect(stored[1]!.data).toMatchObject({ acceptedBy: 'ana', partnerId: 'food-bank' });

      await expectRejected(() => accept(id), {
        field: 'commitmentId',
        rule: 'COMMITMENT.ALREADY_ACCEPTED',
      });
    });
    const onlySteeringMembers = { mutation: 'acceptCommitment', rolesNeeded: ['steering_member'] };
    it('rejects a person who is not a steering member', async () => {
      const id = await make();
      await expectForbidden(app, () => accept(id, FOOD_BANK), onlySteeringMembers);
    });
    it('rejects a steering member of another initiative', async () => {
      const id = await make();
      await expectForbidden(app, () => accept(id, SCHOOLS), onlySteeringMembers);
    });
    it('rejects an unknown commitment', async () => {
      await expectRejected(() => accept('no-such-commitment'), {
        code: 'NOT_FOUND',
        field: 'commitmentId',
        rule: 'COMMITMENT.NOT_FOUND',
      });
    });
  });

  describe('revise', () => {
    const revise = (commitmentId: string, input: Record<string, unknown>, actor = FOOD_BANK) =>
      app.gql(
        REVISE_COMMITMENT,
        { input: { commitmentId, reason: 'the warehouse opens late', ...input } },
        actor,
      );

    it('changes the due date, then the scope, keeping the history', async () => {
      const id = await make({ dueDate: '2099-06-30' });
      const moved = await revise(id, { dueDate: '2099-09-30' });
      expectNoErrors(moved);
      expect(moved.data.reviseCommitment.commitment).toMatchObject({
        dueDate: '2099-09-30',
        description: 'Run 40 weekend meal drops',
        revision: 1,
      });
      const rescoped = await revise(id, {
        description: 'Run 30 weekend meal drops',
        reason: 'fewer volunteers',
      });
      expectNoErrors(rescoped);

      const res = await app.gql(COMMITMENT, { id });
      expectNoErrors(res);
      expect(res.data.commitment).toMatchObject({
        dueDate: '2099-09-30',
        description: 'Run 30 weekend meal drops',
        revision: 2,
      });
      expect(res.data.commitment.revisions).toEqual([
        {
          revision: 1,
          dueDate: '2099-09-30',
          description: null,
          previousDueDate: '2099-06-30',
          previousDescription: 'Run 40 weekend meal drops',
          reason: 'the warehouse opens late',
          revisedAt: expect.any(String),
        },
        {
          revision: 2,
          dueDate: null,
          description: 'Run 30 weekend meal drops',
          previousDueDate: '2099-09-30',
          previousDescription: 'Run 40 weekend meal drops',
          reason: 'fewer volunteers',
          revisedAt: expect.any(String),
        },
      ]);
    });
    it('rejects a revision that changes nothing', async () => {
      const id = await make();
      await expectRejected(() => revise(id, {}), {
        field: null,
        rule: 'COMMITMENT.NOTHING_TO_REVISE',
      });
      await expectRejected(
        () => revise(id, { dueDate: ONE_YEAR_AHEAD, description: 'Run 40 weekend meal drops' }),
        { field: null, rule: 'COMMITMENT.NOTHING_TO_REVISE' },
      );
    });
    it("rejects a revision by another partner's people", async () => {
      const id = await make();
      await expectForbidden(app, () => revise(id, { dueDate: '2099-01-01' }, CITY_HALL), {
        mutation: 'reviseCommitment',
        rolesNeeded: ['partner_representative of food-bank'],
      });
    });
    it('rejects an unknown commitment', async () => {
      await expectRejected(() => revise('no-such-commitment', { dueDate: '2099-01-01' }), {
        code: 'NOT_FOUND',
        field: 'commitmentId',
        rule: 'COMMITMENT.NOT_FOUND',
      });
    });
  });

  describe('miss', () => {
    const miss = (commitmentId: string, actor = BACKBONE) =>
      app.gql(MISS_COMMITMENT, { input: { commitmentId, reason: 'no volunteers' } }, actor);

    it('is recorded by the backbone once past due; a missed commitment is closed', async () => {
      const id = await pastDue();
      const overdue = await app.gql(COMMITMENT, { id });
      expect(overdue.data.commitment).toMatchObject({ status: 'OPEN', overdue: true });

      const res = await miss(id);
      expectNoErrors(res);
      expect(res.data.missCommitment.commitment).toMatchObject({
        status: 'MISSED',
        overdue: false,
        closedAt: expect.any(String),
        closingNote: 'no volunteers',
        dueDate: PAST_DUE,
      });
      const listed = await app.gql(COMMITMENTS, { filter: { initiativeId, status: 'MISSED' } });
      expectNoErrors(listed);
      expect(listed.data.commitments.edges.map((e: any) => e.node.commitmentId)).toEqual([id]);

      const view = await app.gql(
        `query($initiativeId: ID!) { accountability(initiativeId: $initiativeId) {
          partners(partnerId: "food-bank") { edges { node { commitments {
            missed { totalCount edges { node { commitmentId } } }
            overdue { edges { node { commitmentId } } }
          } } } }
        } }`,
        { initiativeId },
      );
      expectNoErrors(view);
      const [foodBank] = view.data.accountability.partners.edges.map((e: any) => e.node);
      expect(idsOf(foodBank.commitments.missed)).toEqual([id]);
      expect(foodBank.commitments.missed.totalCount).toBe(1);
      expect(idsOf(foodBank.commitments.overdue)).not.toContain(id);

      await expectRejected(
        () => app.gql(FULFIL, { input: { commitmentId: id, note: 'late' } }, FOOD_BANK),
        { field: 'commitmentId', rule: 'COMMITMENT.ALREADY_MISSED' },
      );
      await expectRejected(
        () => app.gql(REPORT, { input: { commitmentId: id, percent: 90, note: 'n' } }, FOOD_BANK),
        { field: 'commitmentId', rule: 'COMMITMENT.ALREADY_MISSED' },
      );
      await expectRejected(
        () => app.gql(WITHDRAW, { input: { commitmentId: id, reason: 'r' } }, FOOD_BANK),
        { field: 'commitmentId', rule: 'COMMITMENT.ALREADY_MISSED' },
      );
      await expectRejected(() => miss(id), {
        field: 'commitmentId',
        rule: 'COMMITMENT.ALREADY_MISSED',
      });
    });
    it('rejects a miss before the due date has passed', async () => {
      const id = await make();
      await expectRejected(() => miss(id), {
        field: 'commitmentId',
        rule: 'COMMITMENT.NOT_YET_DUE',
      });
    });
    it('rejects a miss recorded by someone who is not backbone staff', async () => {
      const id = await pastDue();
      await expectForbidden(app, () => miss(id, SCHOOLS), {
        mutation: 'missCommitment',
        rolesNeeded: ['backbone_staff'],
      });
    });
    it('rejects an unknown commitment', async () => {
      await expectRejected(() => miss('no-such-commitment'), {
        code: 'NOT_FOUND',
        field: 'commitmentId',
        rule: 'COMMITMENT.NOT_FOUND',
      });
    });
  });

  describe('link', () => {
    let indicatorId: string;
    let foreignIndicatorId: string;
    beforeAll(async () => {
      indicatorId = await defineIndicator(app, { initiativeId, indicatorId: 'meals-served' });
      foreignIndicatorId = await defineIndicator(app, {
        initiativeId: otherInitiativeId,
        indicatorId: 'foreign-meals',
      });
      await standInDecision(app, 'fund-meals', initiativeId);
      await standInDecision(app, 'foreign-decision', otherInitiativeId);
    });
    const link = (commitmentId: string, input: Record<string, unknown>, actor = FOOD_BANK) =>
      app.gql(LINK_COMMITMENT, { input: { commitmentId, ...input } }, actor);

    it('links the indicator it serves and the decision that asked for it', async () => {
      const id = await make();
      const toIndicator = await link(id, { indicatorId });
      expectNoErrors(toIndicator);
      expect(toIndicator.data.linkCommitment.commitment).toMatchObject({
        indicatorId: 'meals-served',
        decisionId: null,
      });
      const toDecision = await link(id, { decisionId: 'fund-meals' });
      expectNoErrors(toDecision);
      expect(toDecision.data.linkCommitment.commitment).toMatchObject({
        indicatorId: 'meals-served',
        decisionId: 'fund-meals',
        revision: 2,
      });
    });
    it('rejects an unknown indicator', async () => {
      const id = await make();
      await expectRejected(() => link(id, { indicatorId: 'no-such-indicator' }), {
        field: 'indicatorId',
        rule: 'COMMITMENT.INDICATOR_NOT_FOUND',
      });
    });
    it('rejects an indicator of another initiative', async () => {
      const id = await make();
      await expectRejected(() => link(id, { indicatorId: foreignIndicatorId }), {
        field: 'indicatorId',
        rule: 'COMMITMENT.INDICATOR_OF_OTHER_INITIATIVE',
      });
    });
    it('rejects a decision of another initiative', async () => {
      const id = await make();
      await expectRejected(() => link(id, { decisionId: 'foreign-decision' }), {
        field: 'decisionId',
        rule: 'COMMITMENT.DECISION_OF_OTHER_INITIATIVE',
      });
    });
    it("rejects a link by another partner's people", async () => {
      const id = await make();
      await expectForbidden(app, () => link(id, { indicatorId }, CITY_HALL), {
        mutation: 'linkCommitment',
        rolesNeeded: ['partner_representative of food-bank'],
      });
    });
    it('rejects an unknown commitment', async () => {
      await expectRejected(() => link('no-such-commitment', { indicatorId }), {
        code: 'NOT_FOUND',
        field: 'commitmentId',
        rule: 'COMMITMENT.NOT_FOUND',
      });
    });
  });
});
