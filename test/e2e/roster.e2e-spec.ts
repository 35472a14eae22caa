import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import {
  ASSIGN_ROLE,
  assignRole,
  RELINQUISH_ROLE,
  REVOKE_ROLE,
  ROLE_ASSIGNMENTS,
  ROSTER,
} from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('Roles and the roster over GraphQL on %s', (store) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ store });
  });
  afterAll(() => app.stop());

  let counter = 0;
  /** The launcher's seat and the partner representatives every fixture initiative starts with. */
  const fromFixture = new Set<string>();
  const freshInitiative = async () => {
    const initiativeId = await launchWithPartners(app, `roster-${++counter}`);
    const seated = await app.gql(ROLE_ASSIGNMENTS, { initiativeId });
    for (const a of seated.data.roleAssignments) fromFixture.add(a.assignmentId);
    return initiativeId;
  };
  /** The assignments a test made itself. */
  const ofTest = (assignments: any[]) =>
    assignments.filter((a) => !fromFixture.has(a.assignmentId));

  it('assigns roles for terms and answers who held what on any day', async () => {
    const initiativeId = await freshInitiative();
    const ana = await assignRole(app, {
      initiativeId,
      personId: 'ana',
      partnerId: 'city-hall',
      role: 'CHAIR',
      termStart: '2026-01-01',
      termEnd: '2026-06-30',
    });
    await assignRole(app, {
      initiativeId,
      personId: 'bo',
      partnerId: 'food-bank',
      role: 'CHAIR',
      termStart: '2026-07-01',
    });
    await assignRole(app, {
      initiativeId,
      personId: 'chen',
      partnerId: 'school-district',
      role: 'CUSTOM',
      customRole: 'youth liaison',
      termStart: '2026-03-01',
    });

    const spring = await app.gql(ROSTER, { initiativeId, on: '2026-03-15' });
    expectNoErrors(spring);
    expect(ofTest(spring.data.roster).map((a: any) => [a.role, a.personId, a.customRole])).toEqual([
      ['CHAIR', 'ana', null],
      ['CUSTOM', 'chen', 'youth liaison'],
    ]);
    const summer = await app.gql(ROSTER, { initiativeId, on: '2026-07-01' });
    expect(ofTest(summer.data.roster).map((a: any) => a.personId)).toEqual(['bo', 'chen']);
    const before = await app.gql(ROSTER, { initiativeId, on: '2025-12-31' });
    expect(ofTest(before.data.roster)).toEqual([]);

    const assignment = spring.data.roster.find((a: any) => a.assignmentId === ana);
    expect(assignment).toMatchObject({
      status: 'ASSIGNED',
      termStart: '2026-01-01',
      termEnd: '2026-06-30',
      lastDayInOffice: '2026-06-30',
    });
  });

  it('never seats two chairs on one day, and writes nothing when it refuses', async () => {
    const initiativeId = await freshInitiative();
    await assignRole(app, {
      initiativeId,
      personId: 'ana',
      partnerId: 'city-hall',
      role: 'CHAIR',
      termStart: '2026-01-01',
    });
    const before = await app.eventCount();
    const res = await app.gql(ASSIGN_ROLE, {
      input: {
        initiativeId,
        personId: 'bo',
        partnerId: 'food-bank',
        role: 'CHAIR',
        termStart: '2027-05-01',
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'ROLE.SEAT_TAKEN',
      field: 'termStart',
    });
    expect(await app.eventCount()).toBe(before);
  });

  it('ends a relinquished or revoked role on the day recorded, keeping it in the history', async () => {
    const initiativeId = await freshInitiative();
    const bo = await assignRole(app, {
      initiativeId,
      personId: 'bo',
      partnerId: 'food-bank',
      role: 'STEERING_MEMBER',
      termStart: '2026-01-01',
    });
    const chen = await assignRole(app, {
      initiativeId,
      personId: 'chen',
      partnerId: 'school-district',
      role: 'STEERING_MEMBER',
      termStart: '2026-01-01',
    });
    const relinquished = await app.gql(
      RELINQUISH_ROLE,
      {
        input: {
          initiativeId,
          assignmentId: bo,
          reason: 'new job',
          occurredAt: '2026-04-10T12:00:00.000Z',
        },
      },
      FOOD_BANK,
    );
    expectNoErrors(relinquished);
    expect(relinquished.data.relinquishRole.assignment).toMatchObject({
      status: 'RELINQUISHED',
      endReason: 'new job',
      lastDayInOffice: '2026-04-09',
    });
    const revoked = await app.gql(
      REVOKE_ROLE,
      {
        input: {
          initiativeId,
          assignmentId: chen,
          reason: 'missed six meetings',
          occurredAt: '2026-05-01T09:00:00.000Z',
        },
      },
      CITY_HALL,
    );
    expectNoErrors(revoked);

    const onDay = async (on: string) =>
      ofTest((await app.gql(ROSTER, { initiativeId, on })).data.roster).map((a: any) => a.personId);
    expect(await onDay('2026-04-09')).toEqual(['bo', 'chen']);
    expect(await onDay('2026-04-10')).toEqual(['chen']);
    expect(await onDay('2026-05-01')).toEqual([]);

    const history = await app.gql(ROLE_ASSIGNMENTS, { initiativeId });
    expect(ofTest(history.data.roleAssignments).map((a: any) => [a.personId, a.status])).toEqual([
      ['bo', 'RELINQUISHED'],
      ['chen', 'REVOKED'],
    ]);
  });

  it('shows the roles a partner holds, and the governance rules in force', async () => {
    const initiativeId = await freshInitiative();
    await assignRole(app, {
      initiativeId,
      personId: 'chen',
      partnerId: 'school-district',
      role: 'SIGNATORY',
    });
    const res = await app.gql(
      `query($id: ID!) { initiative(id: $id) {
          governanceRules { quorum { numerator denominator } defaultMethod supermajority { numerator denominator } decisionId }
          partners { partnerId roles { role personId } } } }`,
      { id: initiativeId },
    );
    expectNoErrors(res);
    expect(res.data.initiative.governanceRules).toEqual({
      quorum: { numerator: 1, denominator: 2 },
      defaultMethod: 'SIMPLE_MAJORITY',
      supermajority: { numerator: 2, denominator: 3 },
      decisionId: null,
    });
    const schools = res.data.initiative.partners.find(
      (p: any) => p.partnerId === 'school-district',
    );
    expect(schools.roles).toHaveLength(2);
    expect(schools.roles).toEqual(
      expect.arrayContaining([
        { role: 'PARTNER_REPRESENTATIVE', personId: 'chen' },
        { role: 'SIGNATORY', personId: 'chen' },
      ]),
    );
    // The overview asks the roster for some roles only: the same seats, the others left out.
    const seats = await app.gql(
      `query($id: ID!) { initiative(id: $id) {
          all: roster { role personId partnerId }
          some: roster(roles: [SIGNATORY, CHAIR]) { role personId partnerId } } }`,
      { id: initiativeId },
    );
    expectNoErrors(seats);
    const { all, some } = seats.data.initiative;
    expect(some).toEqual(all.filter((s: any) => s.role === 'SIGNATORY' || s.role === 'CHAIR'));
    expect(some).toContainEqual({
      role: 'SIGNATORY',
      personId: 'chen',
      partnerId: 'school-district',
    });
  });

  it('launches with its own governance rules, and refuses a quorum above one', async () => {
    const launch = (quorum: { numerator: number; denominator: number }, initiativeId: string) =>
      app.gql(
        `mutation($input: LaunchInitiativeInput!) { launchInitiative(input: $input) {
            initiative { governanceRules { quorum { numerator denominator } defaultMethod } } } }`,
        {
          input: {
            initiativeId,
            name: 'Warm Homes',
            problemStatement: 'Cold homes',
            commonAgenda: 'Every home warm',
            governanceRules: {
              quorum,
              defaultMethod: 'CONSENT',
              supermajority: { numerator: 3, denominator: 4 },
            },
          },
        },
      );
    const launched = await launch({ numerator: 2, denominator: 3 }, 'warm-homes');
    expectNoErrors(launched);
    expect(launched.data.launchInitiative.initiative.governanceRules).toEqual({
      quorum: { numerator: 2, denominator: 3 },
      defaultMethod: 'CONSENT',
    });
    const before = await app.eventCount();
    const refused = await launch({ numerator: 3, denominator: 2 }, 'warm-homes-2');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'FRACTION.OUT_OF_RANGE',
      field: 'governanceRules.quorum',
    });
    expect(await app.eventCount()).toBe(before);
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/roster/roster.unit.spec.ts.
  describe('rejects bad input, naming the field and the rule, writing nothing', () => {
    let initiativeId: string;
    let chair: string;
    beforeAll(async () => {
      initiativeId = await freshInitiative();
      chair = await assignRole(app, {
        initiativeId,
        personId: 'ana',
        partnerId: 'city-hall',
        role: 'CHAIR',
        termStart: '2026-01-01',
      });
    });

    const base = () => ({
      initiativeId,
      personId: 'dee',
      partnerId: 'food-bank',
      role: 'EVALUATOR',
      termStart: '2026-01-01',
    });

    it.each([
      [
        'an unknown initiative',
        { initiativeId: 'nowhere' },
        'ROLE.INITIATIVE_NOT_FOUND',
        'initiativeId',
      ],
    ])('domain: %s', async (_, change, rule, field) => {
      const before = await app.eventCount();
      const res = await app.gql(ASSIGN_ROLE, { input: { ...base(), ...change } });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule,
        field,
      });
      expect(await app.eventCount()).toBe(before);
    });

    it.each([
      ['a date that is not a day', { termStart: '2026-02-30' }],
      ['an id with spaces', { personId: 'dee smith' }],
    ])('input: %s', async (_, change) => {
      const before = await app.eventCount();
      const res = await app.gql(ASSIGN_ROLE, { input: { ...base(), ...change } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await app.eventCount()).toBe(before);
    });

    it('relinquishing an unknown assignment, or by someone who does not hold it', async () => {
      const before = await app.eventCount();
      const unknown = await app.gql(RELINQUISH_ROLE, {
        input: { initiativeId, assignmentId: 'nobody' },
      });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        rule: 'ROLE.ASSIGNMENT_NOT_FOUND',
        field: 'assignmentId',
      });
      const other = await app.gql(
        RELINQUISH_ROLE,
        { input: { initiativeId, assignmentId: chair } },
        SCHOOLS,
      );
      expect(other.errors?.[0]?.extensions).toMatchObject({
        rule: 'ROLE.NOT_HOLDER',
        field: 'assignmentId',
      });
      const noReason = await app.gql(REVOKE_ROLE, {
        input: { initiativeId, assignmentId: chair, reason: '' },
      });
      expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await app.eventCount()).toBe(before);
    });
  });
});
