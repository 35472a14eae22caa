import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { castVote, proposeDecision } from '../support/decisions.operations';
import { LAUNCH, MAKE, REPORT } from '../support/operations';
import { assignRole, REVOKE_ROLE, ROLE_ASSIGNMENTS } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, TestApp } from '../support/test-app';

/** A day well before today (the clock is real) and after the fixtures' launch in 2020. */
const JUNE = '2024-06-01T10:00:00.000Z';
const JULY = '2024-07-01T10:00:00.000Z';
const TODAY = new Date().toISOString().slice(0, 10);

describe('Backdated commands (occurredAt)', () => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start();
    initiativeId = await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  const make = (
    commitmentId: string,
    occurredAt: string,
    actor = FOOD_BANK,
    initiative = initiativeId,
  ) =>
    app.gql(
      MAKE,
      {
        input: {
          commitmentId,
          initiativeId: initiative,
          partnerId: actor.partnerId,
          description: 'Weekend meal drops',
          resources: { money: null, inKind: null, hours: null },
          dueDate: ONE_YEAR_AHEAD,
          occurredAt,
        },
      },
      actor,
    );
  const report = (commitmentId: string, occurredAt?: string, actor = FOOD_BANK) =>
    app.gql(REPORT, { input: { commitmentId, percent: 10, note: 'n', occurredAt } }, actor);

  describe('permission is judged on the roster as recorded now', () => {
    it('FORBIDDEN: a revoked representative and steering member cannot act by dating commands before the revocation', async () => {
      expectNoErrors(await make('before-revocation', JUNE));
      await assignRole(app, { initiativeId, ...FOOD_BANK, role: 'STEERING_MEMBER' });
      const decisionId = await proposeDecision(app, { initiativeId, occurredAt: JUNE });
      const assignments = await app.gql(ROLE_ASSIGNMENTS, { initiativeId });
      for (const { assignmentId } of assignments.data.roleAssignments.filter(
        (a: { personId: string }) => a.personId === FOOD_BANK.personId,
      )) {
        expectNoErrors(
          await app.gql(REVOKE_ROLE, { input: { initiativeId, assignmentId, reason: 'left' } }),
        );
      }
      // Still a member (an observer), so the refusal names the roles; with no seat at all it
      // would read as an initiative that does not exist (see outsider-writes).
      await assignRole(app, { initiativeId, ...FOOD_BANK, role: 'OBSERVER' });
      const before = await app.eventCount();

      const attempts = [
        await report('before-revocation', JULY),
        await make('after-revocation', JULY),
        await castVote(app, decisionId, FOOD_BANK, 'FOR', undefined, { occurredAt: JULY }),
      ];
      for (const attempt of attempts) {
        expect(attempt.errors?.[0]?.extensions).toMatchObject({
          code: 'FORBIDDEN',
          actor: FOOD_BANK,
        });
      }
      expect(await app.eventCount()).toBe(before);
    });
  });

  describe('a vote also needs a voting member at its business time', () => {
    it('DECISION.NOT_VOTING_MEMBER_THEN: a steering member seated today cannot vote as of July', async () => {
      const decisionId = await proposeDecision(app, { initiativeId, occurredAt: JUNE });
      await assignRole(app, {
        initiativeId,
        ...SCHOOLS,
        role: 'STEERING_MEMBER',
        termStart: TODAY,
      });
      const before = await app.eventCount();
      const backdated = await castVote(app, decisionId, SCHOOLS, 'FOR', undefined, {
        occurredAt: JULY,
      });
      expect(backdated.errors?.[0]?.extensions).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'DECISION.NOT_VOTING_MEMBER_THEN',
        field: 'occurredAt',
      });
      expect(await app.eventCount()).toBe(before);
      expectNoErrors(await castVote(app, decisionId, SCHOOLS, 'FOR'));
    });
  });

  describe('nothing is dated before what it depends on (BUSINESS_TIME.PREDATES)', () => {
    it('refuses a commitment dated before its initiative was launched, naming the launch', async () => {
      const launched = await app.gql(
        LAUNCH,
        {
          input: {
            initiativeId: 'launched-today',
            name: 'n',
            problemStatement: 'p',
            commonAgenda: 'a',
          },
        },
        CITY_HALL,
      );
      expectNoErrors(launched);
      const before = await app.eventCount();
      const early = await make('before-launch', JULY, CITY_HALL, 'launched-today');
      // The launcher is backbone staff, not the partner's representative: seat one first.
      expect(early.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      await app.gql(
        `mutation Join($input: JoinInitiativeInput!) { joinInitiative(input: $input) { receipt { revision } } }`,
        {
          input: {
            initiativeId: 'launched-today',
            partnerId: CITY_HALL.partnerId,
            organisationName: 'City Hall',
            sector: 'GOVERNMENT',
          },
        },
      );
      await assignRole(app, {
        initiativeId: 'launched-today',
        ...CITY_HALL,
        role: 'PARTNER_REPRESENTATIVE',
      });
      const refused = await make('before-launch', JULY, CITY_HALL, 'launched-today');
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'BUSINESS_TIME.PREDATES',
        field: 'occurredAt',
      });
      expect(refused.errors?.[0]?.message).toContain('initiative launched-today was launched');
      expect(await app.eventCount()).toBe(before + 2);
    });

    it('refuses progress dated before the commitment was made, and a vote before its proposal', async () => {
      // Chen: bo's roles were revoked above.
      expectNoErrors(await make('made-in-july', JULY, SCHOOLS));
      const before = await app.eventCount();
      const progress = await report('made-in-july', JUNE, SCHOOLS);
      expect(progress.errors?.[0]?.extensions).toMatchObject({
        rule: 'BUSINESS_TIME.PREDATES',
        field: 'occurredAt',
      });
      expect(progress.errors?.[0]?.message).toContain('commitment made-in-july was made');

      const decisionId = await proposeDecision(app, { initiativeId, occurredAt: JULY });
      const vote = await castVote(app, decisionId, SCHOOLS, 'FOR', undefined, {
        occurredAt: JUNE,
      });
      expect(vote.errors?.[0]?.extensions).toMatchObject({ rule: 'BUSINESS_TIME.PREDATES' });
      expect(vote.errors?.[0]?.message).toContain(`decision ${decisionId} was proposed`);
      expect(await app.eventCount()).toBe(before + 1);
    });
  });
});
