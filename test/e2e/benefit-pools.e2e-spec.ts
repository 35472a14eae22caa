import { expectAnsweredAsMissing } from '../support/forbidden';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import {
  ALLOCATE_SHARES,
  BENEFIT_POOL,
  BENEFIT_POOLS,
  DEFINE_POOL,
  REALLOCATE_SHARES,
  RECORD_DISTRIBUTION,
} from '../support/risks-benefits.operations';
import { CITY_HALL, type GraphqlResponse, FEATURE_STORES, TestApp } from '../support/test-app';

type Share = { partnerId: string; percent: string };
const THIRDS: Share[] = [
  { partnerId: 'food-bank', percent: '33.34' },
  { partnerId: 'city-hall', percent: '33.33' },
  { partnerId: 'school-district', percent: '33.33' },
];
const usd = (amount: string) => ({ amount, currency: 'USD' });
const paid = (foodBank: string, cityHall: string, schools: string) => [
  { partnerId: 'food-bank', amount: usd(foodBank) },
  { partnerId: 'city-hall', amount: usd(cityHall) },
  { partnerId: 'school-district', amount: usd(schools) },
];

describe.each(FEATURE_STORES)('Benefit pools over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  const define = (input: Record<string, unknown> = {}) =>
    app.gql(
      DEFINE_POOL,
      {
        input: {
          initiativeId,
          name: 'Foundation grant',
          kind: 'FUNDING',
          description: 'The literacy grant shared by the partners',
          amount: usd('30000.00'),
          ...input,
        },
      },
      CITY_HALL,
    );
  const defined = async (input: Record<string, unknown> = {}): Promise<string> => {
    const res = await define(input);
    expectNoErrors(res);
    return res.data.defineBenefitPool.benefitPool.poolId as string;
  };
  const allocate = (poolId: string, shares: Share[] = THIRDS) =>
    app.gql(ALLOCATE_SHARES, { input: { poolId, shares } }, CITY_HALL);
  const allocated = async (input: Record<string, unknown> = {}): Promise<string> => {
    const poolId = await defined(input);
    expectNoErrors(await allocate(poolId));
    return poolId;
  };
  const distribute = (poolId: string, amounts: unknown[], distributionId?: string) =>
    app.gql(
      RECORD_DISTRIBUTION,
      { input: { poolId, distributionId, amounts, note: 'first tranche' } },
      CITY_HALL,
    );

  async function expectRefused(
    attempt: () => Promise<GraphqlResponse>,
    expected: { code: string; rule: string; field: string },
  ): Promise<void> {
    const before = await app.eventCount();
    const res = await attempt();
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject(expected);
    expect(await app.eventCount()).toBe(before);
  }
  const refused = (rule: string, field: string) => ({
    code: 'DOMAIN_RULE_VIOLATED',
    rule,
    field,
  });
  async function expectBadInput(
    attempt: () => Promise<GraphqlResponse>,
    field: string,
    rule: string,
  ): Promise<void> {
    const before = await app.eventCount();
    const res = await attempt();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field, rule })]),
    });
    expect(await app.eventCount()).toBe(before);
  }

  it('defines a funding pool with its amount in minor units, nothing paid out yet', async () => {
    const res = await define({ poolId: 'grant' });
    expectNoErrors(res);
    expect(res.data.defineBenefitPool.receipt).toMatchObject({
      stream: 'benefit-pool-grant',
      revision: 0,
    });
    expect(res.data.defineBenefitPool.benefitPool).toMatchObject({
      poolId: 'grant',
      initiativeId,
      kind: 'FUNDING',
      amount: { amount: '30000.00', amountMinor: '3000000', currency: 'USD' },
      allocation: [],
      allocationHistory: [],
      distributions: [],
      distributedByPartner: [],
      distributed: { amount: '0.00', amountMinor: '0', currency: 'USD' },
      remaining: { amount: '30000.00', amountMinor: '3000000', currency: 'USD' },
    });
    const stored = (await app.rawEvents()).find((e) => e.stream === 'benefit-pool-grant');
    expect(stored?.data.amount).toEqual({ amountMinor: '3000000', currency: 'USD' });
  });

  it('defines a data access pool without an amount', async () => {
    const res = await define({ kind: 'DATA_ACCESS', amount: null, name: 'Shared dataset' });
    expectNoErrors(res);
    expect(res.data.defineBenefitPool.benefitPool).toMatchObject({
      kind: 'DATA_ACCESS',
      amount: null,
      distributed: null,
      remaining: null,
    });
  });

  it('allocates, distributes by the allocation, and keeps totals per partner exact', async () => {
    const poolId = await defined();
    const allocation = await allocate(poolId);
    expectNoErrors(allocation);
    expect(allocation.data.allocateBenefitShares.benefitPool.allocation).toEqual(THIRDS);

    const first = await distribute(poolId, paid('3334.00', '3333.00', '3333.00'), 'tranche-1');
    expectNoErrors(first);
    const second = await distribute(poolId, paid('0.34', '0.33', '0.33'), 'tranche-2');
    expectNoErrors(second);
    const pool = second.data.recordDistribution.benefitPool;
    expect(pool.distributions).toEqual([
      {
        distributionId: 'tranche-1',
        note: 'first tranche',
        recordedAt: expect.any(String),
        total: { amount: '10000.00', amountMinor: '1000000', currency: 'USD' },
        amounts: [
          {
            partnerId: 'food-bank',
            amount: { amount: '3334.00', amountMinor: '333400', currency: 'USD' },
          },
          {
            partnerId: 'city-hall',
            amount: { amount: '3333.00', amountMinor: '333300', currency: 'USD' },
          },
          {
            partnerId: 'school-district',
            amount: { amount: '3333.00', amountMinor: '333300', currency: 'USD' },
          },
        ],
      },
      expect.objectContaining({
        distributionId: 'tranche-2',
        total: { amount: '1.00', amountMinor: '100', currency: 'USD' },
      }),
    ]);
    expect(pool.distributedByPartner).toEqual([
      {
        partnerId: 'food-bank',
        amount: { amount: '3334.34', amountMinor: '333434', currency: 'USD' },
      },
      {
        partnerId: 'city-hall',
        amount: { amount: '3333.33', amountMinor: '333333', currency: 'USD' },
      },
      {
        partnerId: 'school-district',
        amount: { amount: '3333.33', amountMinor: '333333', currency: 'USD' },
      },
    ]);
    expect(pool.distributed).toEqual({
      amount: '10001.00',
      amountMinor: '1000100',
      currency: 'USD',
    });
    expect(pool.remaining).toEqual({ amount: '19999.00', amountMinor: '1999900', currency: 'USD' });
    const stored = (await app.rawEvents()).filter((e) => e.type === 'DistributionRecorded.v1');
    expect(stored.at(-1)?.data).toMatchObject({
      distributionId: 'tranche-2',
      total: { amountMinor: '100', currency: 'USD' },
      amounts: [
        { partnerId: 'food-bank', amount: { amountMinor: '34', currency: 'USD' } },
        { partnerId: 'city-hall', amount: { amountMinor: '33', currency: 'USD' } },
        { partnerId: 'school-district', amount: { amountMinor: '33', currency: 'USD' } },
      ],
    });
  });

  it('reallocates as a new event, keeping the old allocation in the history', async () => {
    const own = await launchWithPartners(app, 'reallocation');
    const poolId = await defined({ initiativeId: own });
    expectNoErrors(await allocate(poolId));
    expectNoErrors(await distribute(poolId, paid('3334.00', '3333.00', '3333.00')));
    const res = await app.gql(REALLOCATE_SHARES, {
      input: {
        poolId,
        reason: 'the schools took on the tutoring',
        shares: [
          { partnerId: 'school-district', percent: '50' },
          { partnerId: 'food-bank', percent: '50' },
        ],
      },
    });
    expectNoErrors(res);
    const pool = res.data.reallocateBenefitShares.benefitPool;
    expect(pool.allocation).toEqual([
      { partnerId: 'school-district', percent: '50' },
      { partnerId: 'food-bank', percent: '50' },
    ]);
    expect(pool.allocationHistory).toEqual([
      {
        revision: 1,
        reason: null,
        allocatedAt: expect.any(String),
        current: false,
        shares: THIRDS,
      },
      {
        revision: 3,
        reason: 'the schools took on the tutoring',
        allocatedAt: expect.any(String),
        current: true,
        shares: [
          { partnerId: 'school-district', percent: '50' },
          { partnerId: 'food-bank', percent: '50' },
        ],
      },
    ]);
    const types = (await app.rawEvents())
      .filter((e) => e.stream === `benefit-pool-${poolId}`)
      .map((e) => e.type);
    expect(types).toEqual([
      'BenefitPoolDefined.v1',
      'BenefitSharesAllocated.v1',
      'DistributionRecorded.v1',
      'BenefitSharesReallocated.v1',
    ]);

    const next = await distribute(poolId, [
      { partnerId: 'school-district', amount: usd('500.00') },
      { partnerId: 'food-bank', amount: usd('500.00') },
    ]);
    expectNoErrors(next);
    expect(next.data.recordDistribution.benefitPool.distributedByPartner).toEqual([
      {
        partnerId: 'school-district',
        amount: { amount: '3833.00', amountMinor: '383300', currency: 'USD' },
      },
      {
        partnerId: 'food-bank',
        amount: { amount: '3834.00', amountMinor: '383400', currency: 'USD' },
      },
      {
        partnerId: 'city-hall',
        amount: { amount: '3333.00', amountMinor: '333300', currency: 'USD' },
      },
    ]);

    const pools = await app.gql(BENEFIT_POOLS, { initiativeId: own });
    expectNoErrors(pools);
    expect(pools.data.benefitPools.edges.map((e: any) => e.node.poolId)).toEqual([poolId]);
    expect(pools.data.benefitPools.totalCount).toBe(1);
    expect(pools.data.benefitPools.pageInfo.hasNextPage).toBe(false);
    // The pool on the page comes whole: its distributions as benefitPool gives them.
    const whole = await app.gql(BENEFIT_POOL, { id: poolId });
    expect(pools.data.benefitPools.edges[0].node).toEqual(whole.data.benefitPool);
    const read = await app.gql(BENEFIT_POOL, { id: poolId });
    expect(read.data.benefitPool.remaining.amount).toBe('19000.00');
  });

  it('a retried distribution (same commandId) is recorded once', async () => {
    const poolId = await allocated();
    const input = {
      poolId,
      commandId: `pay-${poolId}`,
      amounts: paid('0.34', '0.33', '0.33'),
      note: 'n',
    };
    const first = await app.gql(RECORD_DISTRIBUTION, { input }, CITY_HALL);
    expectNoErrors(first);
    const count = await app.eventCount();
    const retry = await app.gql(RECORD_DISTRIBUTION, { input }, CITY_HALL);
    expectNoErrors(retry);
    expect(retry.data.recordDistribution.receipt).toEqual({
      ...first.data.recordDistribution.receipt,
      duplicate: true,
    });
    expect(retry.data.recordDistribution.benefitPool.distributions).toHaveLength(1);
    expect(retry.data.recordDistribution.benefitPool.distributed.amount).toBe('1.00');
    expect(await app.eventCount()).toBe(count);
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/benefit-pool/benefit-pool.unit.spec.ts.
  describe('bad input is refused with the field and the rule, and nothing is written', () => {
    it('an unknown initiative', async () => {
      await expectRefused(
        () => define({ initiativeId: 'no-such-initiative' }),
        refused('BENEFIT_POOL.INITIATIVE_NOT_FOUND', 'initiativeId'),
      );
    });

    it('a person acting for a partner outside the initiative', async () => {
      const poolId = await allocated();
      await expectAnsweredAsMissing(
        app,
        () =>
          app.gql(
            RECORD_DISTRIBUTION,
            { input: { poolId, amounts: paid('0.34', '0.33', '0.33'), note: 'n' } },
            { personId: 'eve', partnerId: 'stranger-org' },
          ),
        { code: 'NOT_FOUND', rule: 'BENEFIT_POOL.NOT_FOUND' },
      );
    });

    it('a negative pool amount', async () => {
      await expectBadInput(() => define({ amount: usd('-30000') }), 'amount.amount', 'matches');
    });

    it('a pool amount with more decimals than the currency has', async () => {
      await expectBadInput(
        () => define({ amount: usd('10.001') }),
        'amount.amount',
        'MONEY.TOO_MANY_DECIMALS',
      );
    });

    it.each([
      ['allocateBenefitShares', ALLOCATE_SHARES, { shares: THIRDS }],
      ['reallocateBenefitShares', REALLOCATE_SHARES, { shares: THIRDS, reason: 'r' }],
      ['recordDistribution', RECORD_DISTRIBUTION, { amounts: paid('1', '1', '1'), note: 'n' }],
    ])('%s on an unknown pool', async (_name, mutation, input) => {
      await expectRefused(
        () => app.gql(mutation, { input: { poolId: 'no-such-pool', ...input } }),
        { code: 'NOT_FOUND', rule: 'BENEFIT_POOL.NOT_FOUND', field: 'poolId' },
      );
    });

    it('reading an unknown pool', async () => {
      const res = await app.gql(BENEFIT_POOL, { id: 'no-such-pool' });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        entity: 'benefit pool',
      });
    });

    it('a reallocation of a pool never allocated', async () => {
      const poolId = await defined();
      await expectRefused(
        () => app.gql(REALLOCATE_SHARES, { input: { poolId, shares: THIRDS, reason: 'r' } }),
        refused('BENEFIT_POOL.NOT_ALLOCATED', 'poolId'),
      );
    });

    it('a negative distribution amount', async () => {
      const poolId = await allocated();
      await expectBadInput(
        () => distribute(poolId, paid('3334', '-3333', '3333')),
        'amounts.1.amount.amount',
        'matches',
      );
    });

    it('a distribution beyond the pool', async () => {
      const poolId = await allocated();
      expectNoErrors(await distribute(poolId, paid('10002.00', '9999.00', '9999.00')));
      await expectRefused(
        () => distribute(poolId, paid('0.34', '0.33', '0.33')),
        refused('BENEFIT_POOL.EXCEEDS_POOL', 'amounts'),
      );
    });
  });
});
