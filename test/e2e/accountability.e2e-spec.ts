import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { FULFIL, MAKE } from '../support/operations';
import { DRAFT_AGREEMENT, SIGN_AGREEMENT } from '../support/agreements.operations';
import {
  ALLOCATE_SHARES,
  DEFINE_POOL,
  IDENTIFY_RISK,
  RECORD_DISTRIBUTION,
  SHARE_RISK,
} from '../support/risks-benefits.operations';
import { ACCOUNTABILITY, byPartner, idsOf } from '../support/accountability.operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('The accountability view on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  const make = async (commitmentId: string, dueDate: string, occurredAt?: string) => {
    const res = await app.gql(
      MAKE,
      {
        input: {
          commitmentId,
          initiativeId,
          partnerId: 'food-bank',
          description: commitmentId,
          dueDate,
          ...(occurredAt ? { occurredAt } : {}),
        },
      },
      FOOD_BANK,
    );
    expectNoErrors(res);
  };

  it("groups each partner's commitments by status, flags the overdue ones, and lists roles", async () => {
    await make('late-pack', '2025-06-30', '2025-01-10T10:00:00.000Z');
    await make('future-pack', ONE_YEAR_AHEAD);
    await make('done-pack', ONE_YEAR_AHEAD);
    expectNoErrors(
      await app.gql(FULFIL, { input: { commitmentId: 'done-pack', note: 'done' } }, FOOD_BANK),
    );
    await assignRole(app, {
      initiativeId,
      personId: 'chen',
      partnerId: 'school-district',
      role: 'STEERING_MEMBER',
    });

    const res = await app.gql(ACCOUNTABILITY, { initiativeId });
    expectNoErrors(res);
    const partners = byPartner(res.data.accountability);
    expect([...partners.keys()]).toEqual(['city-hall', 'food-bank', 'school-district']);
    expect(res.data.accountability.partners).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: false },
    });
    const foodBank = partners.get('food-bank').commitments;
    expect(foodBank.total).toBe(3);
    expect(idsOf(foodBank.onTrack)).toEqual(['future-pack']);
    expect(foodBank.overdue.edges.map((e: any) => e.node)).toEqual([
      { commitmentId: 'late-pack', dueDate: '2025-06-30', overdue: true },
    ]);
    expect(idsOf(foodBank.fulfilled)).toEqual(['done-pack']);
    expect(idsOf(foodBank.withdrawn)).toEqual([]);
    expect(
      Object.fromEntries(
        (['onTrack', 'overdue', 'fulfilled', 'withdrawn', 'missed'] as const).map((group) => [
          group,
          foodBank[group].totalCount,
        ]),
      ),
    ).toEqual({ onTrack: 1, overdue: 1, fulfilled: 1, withdrawn: 0, missed: 0 });
    expect(partners.get('school-district').roles).toEqual([
      { role: 'PARTNER_REPRESENTATIVE', personId: 'chen' },
      { role: 'STEERING_MEMBER', personId: 'chen' },
    ]);
    expect(partners.get('city-hall').commitments.total).toBe(0);

    const earlier = await app.gql(ACCOUNTABILITY, { initiativeId, on: '2025-06-30' }, SCHOOLS);
    expectNoErrors(earlier);
    const then = byPartner(earlier.data.accountability).get('food-bank').commitments;
    expect(idsOf(then.overdue)).toEqual([]);
    expect(then.overdue.totalCount).toBe(0);
    expect(idsOf(then.onTrack)).toEqual(['late-pack', 'future-pack']);
  });

  it('lists the agreements each partner signed and those awaiting its signature', async () => {
    await assignRole(app, {
      initiativeId,
      personId: 'bo',
      partnerId: 'food-bank',
      role: 'SIGNATORY',
    });
    const drafted = await app.gql(DRAFT_AGREEMENT, {
      input: {
        agreementId: 'meals-mou',
        initiativeId,
        kind: 'MOU',
        title: 'Weekend meals MOU',
        parties: ['food-bank', 'school-district'],
        text: 'The food bank packs; the schools hand out.',
      },
    });
    expectNoErrors(drafted);
    expectNoErrors(
      await app.gql(
        SIGN_AGREEMENT,
        { input: { agreementId: 'meals-mou', partnerId: 'food-bank', version: 1 } },
        FOOD_BANK,
      ),
    );
    const res = await app.gql(ACCOUNTABILITY, { initiativeId });
    expectNoErrors(res);
    const agreements = Object.fromEntries(
      [...byPartner(res.data.accountability)].map(([id, p]) => [id, p.agreements]),
    );
    expect(agreements).toEqual({
      'city-hall': { signed: [], pending: [] },
      'food-bank': { signed: [{ agreementId: 'meals-mou' }], pending: [] },
      'school-district': { signed: [], pending: [{ agreementId: 'meals-mou' }] },
    });
    // The same, a page at a time with how many in all (what the grid's cell shows).
    const paged = await app.gql(
      `query($initiativeId: ID!) { accountability(initiativeId: $initiativeId) {
        partners(partnerId: "school-district") { edges { node { agreements {
          signedPage(first: 1) { totalCount edges { node { agreementId } } }
          pendingPage(first: 1) { totalCount pageInfo { hasNextPage } edges { node { agreementId } } }
        } } } }
      } }`,
      { initiativeId },
    );
    expectNoErrors(paged);
    expect(paged.data.accountability.partners.edges[0].node.agreements).toEqual({
      signedPage: { totalCount: 0, edges: [] },
      pendingPage: {
        totalCount: 1,
        pageInfo: { hasNextPage: false },
        edges: [{ node: { agreementId: 'meals-mou' } }],
      },
    });
  });

  it('lists the risks each partner owns or shares and its benefit shares', async () => {
    const ok = async (query: string, input: Record<string, unknown>) => {
      const res = await app.gql(query, { input }, CITY_HALL);
      expectNoErrors(res);
      return res.data;
    };
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    await ok(IDENTIFY_RISK, {
      riskId: 'grant-lapse',
      initiativeId,
      title: 'Grant lapses',
      description: 'The state grant may not be renewed',
      category: 'FINANCIAL',
      likelihood: 3,
      impact: 4,
      ownerPartnerId: 'city-hall',
    });
    await ok(SHARE_RISK, {
      riskId: 'grant-lapse',
      shares: [
        { partnerId: 'city-hall', percent: '60' },
        { partnerId: 'food-bank', percent: '40' },
      ],
    });
    await ok(DEFINE_POOL, {
      poolId: 'grant',
      initiativeId,
      name: 'Foundation grant',
      kind: 'FUNDING',
      description: 'Shared grant',
      amount: usd('1000.00'),
    });
    await ok(ALLOCATE_SHARES, {
      poolId: 'grant',
      shares: [
        { partnerId: 'food-bank', percent: '75' },
        { partnerId: 'school-district', percent: '25' },
      ],
    });
    await ok(RECORD_DISTRIBUTION, {
      poolId: 'grant',
      distributionId: 'first',
      amounts: [
        { partnerId: 'food-bank', amount: usd('300.00') },
        { partnerId: 'school-district', amount: usd('100.00') },
      ],
      note: 'first tranche',
    });

    const res = await app.gql(ACCOUNTABILITY, { initiativeId });
    expectNoErrors(res);
    const of = (partnerId: string) => byPartner(res.data.accountability).get(partnerId);
    expect(of('city-hall').risks).toEqual([
      { risk: { riskId: 'grant-lapse', exposure: 12 }, owner: true, sharePercent: '60' },
    ]);
    expect(of('food-bank').risks).toEqual([
      { risk: { riskId: 'grant-lapse', exposure: 12 }, owner: false, sharePercent: '40' },
    ]);
    expect(of('school-district').risks).toEqual([]);
    expect(of('food-bank').benefitShares).toEqual([
      {
        pool: { poolId: 'grant', name: 'Foundation grant' },
        sharePercent: '75',
        distributed: { amount: '300.00', currency: 'USD' },
      },
    ]);
    expect(of('city-hall').benefitShares).toEqual([]);

    // A page without city hall still shows the food bank's share of the risk city hall owns.
    const alone = await app.gql(ACCOUNTABILITY, { initiativeId, partnerId: 'food-bank' });
    expectNoErrors(alone);
    expect([...byPartner(alone.data.accountability).keys()]).toEqual(['food-bank']);
    const foodBank = byPartner(alone.data.accountability).get('food-bank');
    expect(foodBank.risks).toEqual(of('food-bank').risks);
    expect(foodBank.benefitShares).toEqual(of('food-bank').benefitShares);
    expect(foodBank.agreements).toEqual(of('food-bank').agreements);
    expect(foodBank.roles).toEqual(of('food-bank').roles);
  });

  it('answers NOT_FOUND for an initiative that does not exist', async () => {
    const res = await app.gql(ACCOUNTABILITY, { initiativeId: 'nowhere' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
