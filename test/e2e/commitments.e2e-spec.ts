import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import {
  COMMITMENTS,
  FULFIL,
  INITIATIVE,
  LEAVE,
  MAKE,
  REPORT,
  WITHDRAW,
} from '../support/operations';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('Commitments over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  const make = (actor = FOOD_BANK, input: Record<string, unknown> = {}) =>
    app.gql(
      MAKE,
      {
        input: {
          initiativeId,
          partnerId: actor.partnerId,
          description: 'Run 40 weekend meal drops',
          resources: {
            money: { amount: '25000.50', currency: 'USD' },
            inKind: 'warehouse space',
            hours: 120.5,
          },
          dueDate: ONE_YEAR_AHEAD,
          ...input,
        },
      },
      actor,
    );

  it('makes a commitment with money in minor units, never a float', async () => {
    const res = await make();
    expectNoErrors(res);
    expect(res.data.makeCommitment.commitment).toMatchObject({
      partnerId: 'food-bank',
      status: 'OPEN',
      percent: 0,
      overdue: false,
      revision: 0,
      dueDate: ONE_YEAR_AHEAD,
      resources: {
        money: { amount: '25000.50', amountMinor: '2500050', currency: 'USD' },
        inKind: 'warehouse space',
        hours: 120.5,
      },
    });
    const stored = (await app.rawEvents()).find((e) => e.type === 'CommitmentMade.v1');
    expect(stored?.data.resources.money).toEqual({ amountMinor: '2500050', currency: 'USD' });
  });

  it('reports progress, then fulfils; a fulfilled commitment takes no more progress', async () => {
    const made = await make();
    const id = made.data.makeCommitment.commitment.commitmentId;
    const reported = await app.gql(
      REPORT,
      { input: { commitmentId: id, percent: 40, note: '16 drops done, photos in drive' } },
      FOOD_BANK,
    );
    expectNoErrors(reported);
    expect(reported.data.reportProgress.commitment).toMatchObject({
      percent: 40,
      lastProgressNote: '16 drops done, photos in drive',
      revision: 1,
    });

    const fulfilled = await app.gql(
      FULFIL,
      { input: { commitmentId: id, note: 'all 40 done', expectedRevision: 1 } },
      FOOD_BANK,
    );
    expectNoErrors(fulfilled);
    expect(fulfilled.data.fulfilCommitment.commitment).toMatchObject({
      status: 'FULFILLED',
      percent: 100,
      closingNote: 'all 40 done',
    });

    const before = await app.eventCount();
    const late = await app.gql(
      REPORT,
      { input: { commitmentId: id, percent: 50, note: 'late' } },
      FOOD_BANK,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'COMMITMENT.ALREADY_FULFILLED',
    });
    expect(await app.eventCount()).toBe(before);
  });

  it('withdraws with a reason; a withdrawn commitment cannot be fulfilled', async () => {
    const id = (await make()).data.makeCommitment.commitment.commitmentId;
    const withdrawn = await app.gql(
      WITHDRAW,
      { input: { commitmentId: id, reason: 'lost the warehouse' } },
      FOOD_BANK,
    );
    expectNoErrors(withdrawn);
    expect(withdrawn.data.withdrawCommitment.commitment).toMatchObject({
      status: 'WITHDRAWN',
      closingNote: 'lost the warehouse',
    });
    const before = await app.eventCount();
    const res = await app.gql(FULFIL, { input: { commitmentId: id } }, FOOD_BANK);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'COMMITMENT.ALREADY_WITHDRAWN',
    });
    expect(await app.eventCount()).toBe(before);
  });

  it("rejects a commitment made on another partner's behalf, and writes nothing", async () => {
    const before = await app.eventCount();
    const res = await make(CITY_HALL, { partnerId: FOOD_BANK.partnerId });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      mutation: 'makeCommitment',
      actor: CITY_HALL,
      rolesNeeded: ['partner_representative of food-bank'],
    });
    expect(await app.eventCount()).toBe(before);
  });

  it.each([
    [
      { resources: { money: { amount: '-5', currency: 'USD' } } },
      'resources.money.amount',
      'matches',
    ],
    [
      { resources: { money: { amount: '10.005', currency: 'USD' } } },
      'resources.money.amount',
      'MONEY.TOO_MANY_DECIMALS',
    ],
    [
      { resources: { money: { amount: '10', currency: 'XYZ' } } },
      'resources.money.currency',
      'MONEY.INVALID_CURRENCY',
    ],
    [{ resources: { hours: -3 } }, 'resources.hours', 'min'],
    [{ description: '' }, 'description', 'isNotEmpty'],
  ])('BAD_USER_INPUT for %j names %s and %s, and writes nothing', async (input, field, rule) => {
    const before = await app.eventCount();
    const res = await make(FOOD_BANK, input);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field, rule })]),
    });
    expect(await app.eventCount()).toBe(before);
  });

  it.each(['2026-02-30', '31/12/2026', 'tomorrow'])(
    'BAD_USER_INPUT for the due date %s',
    async (dueDate) => {
      const before = await app.eventCount();
      const res = await make(FOOD_BANK, { dueDate });
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('LocalDate');
      expect(await app.eventCount()).toBe(before);
    },
  );

  it('BAD_USER_INPUT for progress over 100 %', async () => {
    const id = (await make()).data.makeCommitment.commitment.commitmentId;
    const before = await app.eventCount();
    const res = await app.gql(
      REPORT,
      { input: { commitmentId: id, percent: 101, note: 'n' } },
      FOOD_BANK,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'percent', rule: 'max' })],
    });
    expect(await app.eventCount()).toBe(before);
  });

  it('NOT_FOUND for progress on a commitment that does not exist', async () => {
    const res = await app.gql(
      REPORT,
      { input: { commitmentId: 'nope', percent: 1, note: 'n' } },
      FOOD_BANK,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      rule: 'COMMITMENT.NOT_FOUND',
    });
  });

  it('flags overdue commitments: backdated business time, due date passed', async () => {
    const res = await make(SCHOOLS, {
      description: 'Tutor 200 pupils',
      resources: null,
      dueDate: '2024-06-30',
      occurredAt: '2024-01-15T09:00:00Z',
    });
    expectNoErrors(res);
    expect(res.data.makeCommitment.commitment).toMatchObject({ overdue: true, status: 'OPEN' });
    const overdue = await app.gql(COMMITMENTS, { filter: { initiativeId, overdue: true } });
    expectNoErrors(overdue);
    expect(overdue.data.commitments.edges.map((e: any) => e.node.description)).toEqual([
      'Tutor 200 pupils',
    ]);
    const notOverdue = await app.gql(COMMITMENTS, {
      filter: { initiativeId, overdue: false },
      first: 100,
    });
    expect(notOverdue.data.commitments.edges.every((e: any) => !e.node.overdue)).toBe(true);
  });

  it("filters by partner and status, pages with cursors, and lists each partner's commitments", async () => {
    const all = await app.gql(COMMITMENTS, { filter: { partnerId: 'food-bank' }, first: 100 });
    expectNoErrors(all);
    const total = all.data.commitments.totalCount;
    expect(total).toBeGreaterThanOrEqual(4);

    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await app.gql(COMMITMENTS, {
        filter: { partnerId: 'food-bank' },
        first: 2,
        after,
      });
      expectNoErrors(page);
      ids.push(...page.data.commitments.edges.map((e: any) => e.node.commitmentId));
      after = page.data.commitments.pageInfo.hasNextPage
        ? page.data.commitments.pageInfo.endCursor
        : null;
    } while (after);
    expect(ids).toEqual(all.data.commitments.edges.map((e: any) => e.node.commitmentId));

    const open = await app.gql(COMMITMENTS, {
      filter: { partnerId: 'food-bank', status: 'OPEN' },
      first: 100,
    });
    expect(open.data.commitments.edges.every((e: any) => e.node.status === 'OPEN')).toBe(true);
    expect(open.data.commitments.totalCount).toBeLessThan(total);

    const initiative = await app.gql(INITIATIVE, { id: initiativeId });
    expectNoErrors(initiative);
    const foodBank = initiative.data.initiative.partners.find(
      (p: any) => p.partnerId === 'food-bank',
    );
    expect(foodBank.commitments.totalCount).toBe(total);
  });

  it('a partner that left makes no new commitments', async () => {
    expectNoErrors(await app.gql(LEAVE, { input: { initiativeId, partnerId: 'school-district' } }));
    const before = await app.eventCount();
    const res = await make(SCHOOLS);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'COMMITMENT.PARTNER_LEFT',
    });
    expect(await app.eventCount()).toBe(before);
  });
});
