import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import {
  ALLOCATE_SHARES,
  DEFINE_POOL,
  IDENTIFY_RISK,
  PLAN_MITIGATION,
  REALLOCATE_SHARES,
  REASSESS_RISK,
  RECORD_DISTRIBUTION,
  SHARE_RISK,
} from '../support/risks-benefits.operations';
import {
  ACCOUNTABILITY_DETAILS,
  PARTNER_LISTS,
  POOL_ALONE,
  RISK_ALONE,
} from '../support/accountability-details.operations';
import { byPartner } from '../support/accountability.operations';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

/**
 * The view reads the histories of its risks and pools (assessments, mitigations, allocations,
 * distributions) only when a query asks for them: asked for, they are those of the risk or
 * pool read on its own, confidential fields withheld alike.
 */
describe.each(FEATURE_STORES)('Risk and pool details in the accountability view on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
    const ok = async (query: string, input: Record<string, unknown>) =>
      expectNoErrors(await app.gql(query, { input }, CITY_HALL));
    const risk = (riskId: string, ownerPartnerId: string, likelihood: number) =>
      ok(IDENTIFY_RISK, {
        riskId,
        initiativeId,
        title: riskId,
        description: `${riskId}, in detail`,
        category: 'FINANCIAL',
        likelihood,
        impact: 4,
        ownerPartnerId,
      });
    await risk('grant-lapse', 'city-hall', 3);
    await risk('cold-chain', 'food-bank', 2);
    await ok(SHARE_RISK, {
      riskId: 'grant-lapse',
      shares: [
        { partnerId: 'city-hall', percent: '60' },
        { partnerId: 'food-bank', percent: '40' },
      ],
    });
    await ok(REASSESS_RISK, { riskId: 'grant-lapse', likelihood: 4, impact: 4, reason: 'cuts' });
    await ok(PLAN_MITIGATION, {
      riskId: 'grant-lapse',
      mitigationId: 'second-funder',
      description: 'Apply to a second funder',
      commitmentIds: [],
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
    await ok(REALLOCATE_SHARES, {
      poolId: 'grant',
      reason: 'the schools took on the tutoring',
      shares: [{ partnerId: 'school-district', percent: '100' }],
    });
    await ok(DEFINE_POOL, {
      poolId: 'data',
      initiativeId,
      name: 'Shared data',
      kind: 'DATA_ACCESS',
      description: 'Meal counts',
    });
    await ok(ALLOCATE_SHARES, {
      poolId: 'data',
      shares: [
        { partnerId: 'food-bank', percent: '50' },
        { partnerId: 'city-hall', percent: '50' },
      ],
    });
  });
  afterAll(() => app.stop());

  /** Partner id -> its node, with its risks and benefit shares read whole (two queries). */
  const details = async (variables: Record<string, unknown>, actor: typeof CITY_HALL) => {
    const [risks, shares] = await Promise.all(
      (['risks', 'benefitShares'] as const).map((list) =>
        app.gql(ACCOUNTABILITY_DETAILS(list), variables, actor),
      ),
    );
    expectNoErrors(risks!);
    expectNoErrors(shares!);
    const pools = byPartner(shares!.data.accountability);
    return new Map(
      [...byPartner(risks!.data.accountability)].map(([partnerId, node]) => [
        partnerId,
        { ...node, benefitShares: pools.get(partnerId).benefitShares },
      ]),
    );
  };

  const alone = async (query: string, id: string, actor: typeof CITY_HALL) => {
    const res = await app.gql(query, { id }, actor);
    expectNoErrors(res);
    return Object.values(res.data as Record<string, unknown>)[0];
  };

  it('gives each risk and pool whole, as read on its own', async () => {
    const view = await details({ initiativeId }, FOOD_BANK);
    const foodBank = view.get('food-bank');
    expect(foodBank.risks.map((r: any) => [r.risk.riskId, r.owner, r.sharePercent])).toEqual([
      ['grant-lapse', false, '40'],
      ['cold-chain', true, null],
    ]);
    const grantLapse = foodBank.risks[0].risk;
    expect(grantLapse).toEqual(await alone(RISK_ALONE, 'grant-lapse', FOOD_BANK));
    expect(grantLapse.assessments.map((a: any) => [a.exposure, a.reason])).toEqual([
      [12, null],
      [16, 'cuts'],
    ]);
    expect(grantLapse.mitigations.map((m: any) => m.mitigationId)).toEqual(['second-funder']);
    expect(foodBank.risks[1].risk).toEqual(await alone(RISK_ALONE, 'cold-chain', FOOD_BANK));

    // Reallocated away from the food bank, which keeps what it received.
    expect(
      foodBank.benefitShares.map((b: any) => [b.pool.poolId, b.sharePercent, b.distributed]),
    ).toEqual([
      ['grant', null, { amount: '300.00', amountMinor: '30000', currency: 'USD' }],
      ['data', '50', null],
    ]);
    const grant = foodBank.benefitShares[0].pool;
    expect(grant).toEqual(await alone(POOL_ALONE, 'grant', FOOD_BANK));
    expect(grant.allocationHistory.map((a: any) => [a.revision, a.current])).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(grant.distributions.map((d: any) => d.distributionId)).toEqual(['first']);
    expect(grant.remaining).toEqual({ amount: '600.00', amountMinor: '60000', currency: 'USD' });
    expect(foodBank.benefitShares[1].pool).toEqual(await alone(POOL_ALONE, 'data', FOOD_BANK));

    // A pool two partners of the page share is the same for both.
    const cityHall = view.get('city-hall');
    expect(cityHall.benefitShares.map((b: any) => b.pool)).toEqual([
      foodBank.benefitShares[1].pool,
    ]);
  });

  it("pages a partner's risks and benefit shares, each with how many in all", async () => {
    const page = async (after?: string, shareAfter?: string) => {
      const res = await app.gql(
        PARTNER_LISTS,
        { initiativeId, partnerId: 'food-bank', first: 1, after, shareAfter },
        FOOD_BANK,
      );
      expectNoErrors(res);
      return res.data.accountability.partners.edges[0].node;
    };
    const first = await page();
    expect(first.risks.totalCount).toBe(2);
    expect(first.risks.edges.map((e: any) => e.node.risk.riskId)).toEqual(['grant-lapse']);
    expect(first.risks.pageInfo.hasNextPage).toBe(true);
    expect(first.benefitShares.totalCount).toBe(2);
    expect(first.benefitShares.edges.map((e: any) => e.node.pool.poolId)).toEqual(['grant']);
    // Each list's cursors are its own sort keys (exposure and position; the pool's position).
    expect(first.benefitShares.pageInfo.endCursor).not.toBe(first.risks.pageInfo.endCursor);
    const second = await page(
      first.risks.pageInfo.endCursor,
      first.benefitShares.pageInfo.endCursor,
    );
    expect(second.risks.edges.map((e: any) => e.node.risk.riskId)).toEqual(['cold-chain']);
    expect(second.risks.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    expect(second.benefitShares.edges.map((e: any) => e.node.pool.poolId)).toEqual(['data']);
    expect(second.benefitShares.pageInfo.hasNextPage).toBe(false);
    const past = await page(
      second.risks.pageInfo.endCursor,
      second.benefitShares.pageInfo.endCursor,
    );
    expect(past.risks).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
    expect(past.benefitShares).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
    const bad = await app.gql(
      PARTNER_LISTS,
      { initiativeId, partnerId: 'food-bank', after: 'not-a-cursor' },
      FOOD_BANK,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after', rule: 'isCursor' })],
    });
  });

  it('withholds the mitigations of a risk not its reader’s, as the risk alone does', async () => {
    const res = await app.gql(
      ACCOUNTABILITY_DETAILS('risks'),
      { initiativeId, partnerId: 'city-hall' },
      SCHOOLS,
    );
    expectNoErrors(res);
    const [grantLapse] = byPartner(res.data.accountability).get('city-hall').risks;
    expect(grantLapse.risk.mitigations).toBeNull();
    expect(grantLapse.risk.description).toBeNull();
    expect(grantLapse.risk.assessments).toHaveLength(2);
    const riskAlone = await app.gql(RISK_ALONE, { id: 'grant-lapse' }, SCHOOLS);
    expect(grantLapse.risk).toEqual(riskAlone.data.risk);
    const reasons = (redacted: any[]) =>
      redacted.map((r) => [r.field, r.reason]).sort((a, b) => a[0].localeCompare(b[0]));
    expect(reasons(res.extensions?.redacted as any[])).toEqual(
      reasons(riskAlone.extensions?.redacted as any[]),
    );
  });
});
