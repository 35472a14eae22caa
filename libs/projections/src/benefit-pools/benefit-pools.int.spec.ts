import { decodeCursor } from '../runtime/cursor';
import type { BenefitPoolEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { benefitPoolsProjection } from './benefit-pools.projection';
import { BenefitPoolsReader } from './benefit-pools.reader';

const at = '2026-03-01T10:00:00.000Z';
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
const pool = (poolId: string, event: BenefitPoolEvent) => ({
  stream: `benefit-pool-${poolId}`,
  event,
});
const defined = (poolId: string, funding: boolean) =>
  pool(poolId, {
    type: 'BenefitPoolDefined.v1',
    data: {
      poolId,
      initiativeId: 'i1',
      name: poolId,
      kind: funding ? 'funding' : 'data_access',
      description: 'd',
      amount: funding ? usd('9000000000000000') : null,
      definedAt: at,
    },
  });
const allocated = (poolId: string, shares: [string, number][]) =>
  pool(poolId, {
    type: 'BenefitSharesAllocated.v1',
    data: {
      poolId,
      initiativeId: 'i1',
      shares: shares.map(([partnerId, basisPoints]) => ({ partnerId, basisPoints })),
      allocatedAt: at,
    },
  });

describe.each(READ_MODEL_BACKENDS)('Benefit pools reader on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: BenefitPoolsReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new BenefitPoolsReader(db);
    await project(
      db,
      benefitPoolsProjection,
      storedEvents([
        defined('grant', true),
        allocated('grant', [
          ['food-bank', 5000],
          ['city-hall', 5000],
        ]),
        pool('grant', {
          type: 'DistributionRecorded.v1',
          data: {
            poolId: 'grant',
            initiativeId: 'i1',
            distributionId: 'd1',
            amounts: [
              { partnerId: 'food-bank', amount: usd('900719925474099') },
              { partnerId: 'city-hall', amount: usd('900719925474099') },
            ],
            total: usd('1801439850948198'),
            note: 'n',
            recordedAt: at,
          },
        }),
        pool('grant', {
          type: 'BenefitSharesReallocated.v1',
          data: {
            poolId: 'grant',
            initiativeId: 'i1',
            shares: [{ partnerId: 'city-hall', basisPoints: 10000 }],
            reason: 'r',
            reallocatedAt: at,
          },
        }),
        defined('data', false),
        allocated('data', [['food-bank', 10000]]),
        defined('not-ours', false),
        allocated('not-ours', [['city-hall', 10000]]),
      ]),
    );
  });
  afterAll(() => cleanup());

  it("lists a partner's benefit shares: its share now and what it received so far", async () => {
    const shares = await reader.benefitSharesOf('i1', 'food-bank');
    expect(
      shares.map(({ pool: p, basisPoints, distributed }) => [p.poolId, basisPoints, distributed]),
    ).toEqual([
      // Reallocated away from the food bank, which keeps what it received (beyond 2^53, exact).
      ['grant', null, usd('900719925474099')],
      ['data', 10000, null],
    ]);
  });

  it('groups the whole initiative by partner in one read', async () => {
    const byPartner = await reader.benefitSharesByPartner('i1');
    expect(
      byPartner
        .get('city-hall')
        ?.map(({ pool: p, basisPoints, distributed }) => [p.poolId, basisPoints, distributed]),
    ).toEqual([
      ['grant', 10000, usd('900719925474099')],
      ['not-ours', 10000, null],
    ]);
    expect([...byPartner.keys()].sort()).toEqual(['city-hall', 'food-bank']);
  });

  it('pages each partner of a list in SQL as the whole read gives it, counts by partner', async () => {
    const whole = await reader.benefitSharesByPartner('i1');
    for (const partnerId of ['city-hall', 'food-bank', 'stranger']) {
      const seen = [];
      let after: number | undefined;
      for (;;) {
        const page = (
          await reader.benefitSharePagesByPartner('i1', [partnerId, 'city-hall'], {
            first: 1,
            after,
          })
        ).get(partnerId)!;
        expect(page.totalCount).toBe(whole.get(partnerId)?.length ?? 0);
        seen.push(...page.edges.map(({ node }) => node));
        if (!page.pageInfo.hasNextPage) break;
        after = decodeCursor(page.pageInfo.endCursor!);
      }
      expect(seen).toEqual(whole.get(partnerId) ?? []);
    }
  });

  it('keeps every allocation in the history, the current one last', async () => {
    const grant = await reader.get('grant');
    expect(grant?.allocationHistory.map((a) => [a.revision, a.current, a.reason])).toEqual([
      [1, false, null],
      [3, true, 'r'],
    ]);
    expect(grant?.allocation).toEqual([{ partnerId: 'city-hall', basisPoints: 10000 }]);
    expect(grant?.distributed).toEqual(usd('1801439850948198'));
    expect(grant?.remaining).toEqual(usd('7198560149051802'));
  });

  it('lists nothing for a partner with no benefit shares', async () => {
    expect(await reader.benefitSharesOf('i1', 'stranger')).toEqual([]);
  });
});
