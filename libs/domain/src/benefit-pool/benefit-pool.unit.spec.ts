import { BusinessTimeRules } from '../shared/business-time';
import { initialInitiativeState } from '../initiative/initiative.state';
import type { PercentShare } from '../risk/percent-shares';
import { ShareRules } from '../shared/shares';
import { deciderSpecification } from '../testing/decider-specification';
import {
  initiativeAfter,
  initiativeId,
  initiativeWith,
  joined,
  launched,
  left,
  now,
} from '../testing/initiative-fixtures';
import {
  benefitPoolDecider,
  BenefitPoolRules,
  type BenefitPoolCommand,
  type DefineBenefitPool,
} from './benefit-pool.decider';
import type { BenefitPoolEvent, PartnerAmount } from './benefit-pool.events';

const spec = deciderSpecification(benefitPoolDecider);
const poolId = 'p1';
const actor = { personId: 'ana', partnerId: 'city-hall' };
const outsider = { personId: 'eve', partnerId: 'stranger' };

const initiative = initiativeWith('city-hall', 'food-bank', 'schools');
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });

const defineData: DefineBenefitPool['data'] = {
  poolId,
  initiativeId,
  name: 'Shared grant',
  kind: 'funding',
  description: 'The foundation grant shared by the partners',
  amount: usd('10000000'),
};
const define = (
  data: Partial<DefineBenefitPool['data']> = {},
  over = initiative,
): DefineBenefitPool => ({
  type: 'DefineBenefitPool',
  actor,
  now,
  data: { ...defineData, ...data },
  initiative: over,
});
const ids = { poolId, initiativeId };
const defined: BenefitPoolEvent = {
  type: 'BenefitPoolDefined.v1',
  data: { ...defineData, definedAt: now },
};
const dataPool: BenefitPoolEvent = {
  type: 'BenefitPoolDefined.v1',
  data: { ...defineData, kind: 'data_access', amount: null, definedAt: now },
};
const THIRDS: PercentShare[] = [
  { partnerId: 'food-bank', percent: '33.34' },
  { partnerId: 'city-hall', percent: '33.33' },
  { partnerId: 'schools', percent: '33.33' },
];
const thirdsInBasisPoints = [
  { partnerId: 'food-bank', basisPoints: 3334 },
  { partnerId: 'city-hall', basisPoints: 3333 },
  { partnerId: 'schools', basisPoints: 3333 },
];
const allocated: BenefitPoolEvent = {
  type: 'BenefitSharesAllocated.v1',
  data: { ...ids, shares: thirdsInBasisPoints, allocatedAt: now },
};
const allocate = (shares: PercentShare[] = THIRDS, over = initiative): BenefitPoolCommand => ({
  type: 'AllocateBenefitShares',
  actor,
  now,
  data: { poolId, shares },
  initiative: over,
});
const reallocate = (shares: PercentShare[], over = initiative): BenefitPoolCommand => ({
  type: 'ReallocateBenefitShares',
  actor,
  now,
  data: { poolId, shares, reason: 'schools took on more work' },
  initiative: over,
});
const amounts = (foodBank: string, cityHall: string, schools: string): PartnerAmount[] => [
  { partnerId: 'food-bank', amount: usd(foodBank) },
  { partnerId: 'city-hall', amount: usd(cityHall) },
  { partnerId: 'schools', amount: usd(schools) },
];
const distribute = (list: PartnerAmount[], distributionId = 'd1'): BenefitPoolCommand => ({
  type: 'RecordDistribution',
  actor,
  now,
  data: { poolId, distributionId, amounts: list, note: 'first tranche' },
  initiative,
});
const distributed = (list: PartnerAmount[], total: string, distributionId = 'd1') =>
  ({
    type: 'DistributionRecorded.v1',
    data: {
      ...ids,
      distributionId,
      amounts: list,
      total: usd(total),
      note: 'first tranche',
      recordedAt: now,
    },
  }) satisfies BenefitPoolEvent;

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Benefit pool decider', () => {
  describe('when no pool was defined', () => {
    it('defines a funding pool with its amount in minor units', () => {
      spec.given([]).when(define()).then([defined]);
    });
    it.each(['data_access', 'attribution', 'other'] as const)(
      'defines a %s pool without an amount',
      (kind) => {
        spec
          .given([])
          .when(define({ kind, amount: null }))
          .then([
            {
              type: 'BenefitPoolDefined.v1',
              data: { ...defineData, kind, amount: null, definedAt: now },
            },
          ]);
      },
    );
    it('rejects an initiative that does not exist', () => {
      spec
        .given([])
        .when(define({}, initialInitiativeState()))
        .thenThrows(BenefitPoolRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a person acting for a partner outside the initiative', () => {
      spec
        .given([])
        .when({ ...define(), actor: outsider })
        .thenThrows(BenefitPoolRules.ACTOR_NOT_MEMBER, 'actor.partnerId');
    });
    it('rejects an unknown kind', () => {
      spec
        .given([])
        .when(define({ kind: 'favours' as never, amount: null }))
        .thenThrows(BenefitPoolRules.INVALID_KIND, 'kind');
    });
    it('rejects a funding pool without an amount', () => {
      spec
        .given([])
        .when(define({ amount: null }))
        .thenThrows(BenefitPoolRules.AMOUNT_REQUIRED, 'amount');
    });
    it('rejects a funding pool of zero', () => {
      spec
        .given([])
        .when(define({ amount: usd('0') }))
        .thenThrows(BenefitPoolRules.AMOUNT_REQUIRED, 'amount.amount');
    });
    it('rejects a negative funding amount', () => {
      spec
        .given([])
        .when(define({ amount: usd('-500') }))
        .thenThrows(BenefitPoolRules.NEGATIVE_AMOUNT, 'amount.amount');
    });
    it('rejects an amount on a pool that is not funding', () => {
      spec
        .given([])
        .when(define({ kind: 'attribution' }))
        .thenThrows(BenefitPoolRules.AMOUNT_NOT_ALLOWED, 'amount');
    });
    it.each([allocate(), reallocate(THIRDS), distribute(amounts('3334', '3333', '3333'))])(
      'rejects $type: the pool does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(BenefitPoolRules.NOT_FOUND, 'poolId');
      },
    );
  });

  describe('when the pool is defined but not allocated', () => {
    it('cannot be defined twice', () => {
      spec.given([defined]).when(define()).thenThrows(BenefitPoolRules.ALREADY_DEFINED, 'poolId');
    });
    it('allocates shares that add to exactly 100 %', () => {
      spec.given([defined]).when(allocate()).then([allocated]);
    });
    it.each([
      ['99.99', '33.32'],
      ['100.01', '33.34'],
    ])('rejects shares adding to %s %%', (_total, last) => {
      spec
        .given([defined])
        .when(
          allocate([
            { partnerId: 'food-bank', percent: '33.34' },
            { partnerId: 'city-hall', percent: '33.33' },
            { partnerId: 'schools', percent: last },
          ]),
        )
        .thenThrows(ShareRules.NOT_HUNDRED_PERCENT, 'shares');
    });
    it('rejects a partner named twice', () => {
      spec
        .given([defined])
        .when(
          allocate([
            { partnerId: 'schools', percent: '40' },
            { partnerId: 'schools', percent: '60' },
          ]),
        )
        .thenThrows(ShareRules.DUPLICATE_PARTNER, 'shares[1].partnerId');
    });
    it('rejects a zero share', () => {
      spec
        .given([defined])
        .when(
          allocate([
            { partnerId: 'schools', percent: '100' },
            { partnerId: 'food-bank', percent: '0' },
          ]),
        )
        .thenThrows(ShareRules.INVALID_PERCENT, 'shares[1].percent');
    });
    it('rejects a partner outside the initiative', () => {
      spec
        .given([defined])
        .when(
          allocate([
            { partnerId: 'schools', percent: '50' },
            { partnerId: 'stranger', percent: '50' },
          ]),
        )
        .thenThrows(BenefitPoolRules.PARTNER_NOT_MEMBER, 'shares[1].partnerId');
    });
    it('rejects a partner that left the initiative', () => {
      spec
        .given([defined])
        .when(
          allocate(
            THIRDS,
            initiativeAfter(launched, joined('city-hall'), joined('food-bank'), left('food-bank')),
          ),
        )
        .thenThrows(BenefitPoolRules.PARTNER_NOT_MEMBER, 'shares[0].partnerId');
    });
    it('cannot be reallocated before a first allocation', () => {
      spec
        .given([defined])
        .when(reallocate(THIRDS))
        .thenThrows(BenefitPoolRules.NOT_ALLOCATED, 'poolId');
    });
    it('cannot be distributed without an allocation', () => {
      spec
        .given([defined])
        .when(distribute(amounts('3334', '3333', '3333')))
        .thenThrows(BenefitPoolRules.NOT_ALLOCATED, 'poolId');
    });
  });

  describe('when the pool is allocated', () => {
    it('cannot be allocated again: it is reallocated, with a reason', () => {
      spec
        .given([defined, allocated])
        .when(allocate())
        .thenThrows(BenefitPoolRules.ALREADY_ALLOCATED, 'poolId');
    });
    it('is reallocated as a new event', () => {
      spec
        .given([defined, allocated])
        .when(
          reallocate([
            { partnerId: 'schools', percent: '50' },
            { partnerId: 'food-bank', percent: '50' },
          ]),
        )
        .then([
          {
            type: 'BenefitSharesReallocated.v1',
            data: {
              ...ids,
              shares: [
                { partnerId: 'schools', basisPoints: 5000 },
                { partnerId: 'food-bank', basisPoints: 5000 },
              ],
              reason: 'schools took on more work',
              reallocatedAt: now,
            },
          },
        ]);
    });
    it('rejects a reallocation that does not add to 100 %', () => {
      spec
        .given([defined, allocated])
        .when(
          reallocate([
            { partnerId: 'schools', percent: '50' },
            { partnerId: 'food-bank', percent: '49.99' },
          ]),
        )
        .thenThrows(ShareRules.NOT_HUNDRED_PERCENT, 'shares');
    });
    it('rejects a reallocation to a partner outside the initiative', () => {
      spec
        .given([defined, allocated])
        .when(reallocate([{ partnerId: 'stranger', percent: '100' }]))
        .thenThrows(BenefitPoolRules.PARTNER_NOT_MEMBER, 'shares[0].partnerId');
    });

    it('records a distribution that follows the allocation exactly', () => {
      const list = amounts('1000200', '999900', '999900');
      spec
        .given([defined, allocated])
        .when(distribute(list))
        .then([distributed(list, '3000000')]);
    });
    it('accepts rounding of one minor unit', () => {
      // 100 cents by 33.34 / 33.33 / 33.33 % is 33.34 / 33.33 / 33.33 cents.
      const list = amounts('34', '33', '33');
      spec
        .given([defined, allocated])
        .when(distribute(list))
        .then([distributed(list, '100')]);
    });
    it('rejects an amount two minor units off the share', () => {
      spec
        .given([defined, allocated])
        .when(distribute(amounts('35', '32', '33')))
        .thenThrows(BenefitPoolRules.AMOUNT_NOT_SHARE, 'amounts[0].amount.amount');
    });
    it('rejects amounts that do not follow the allocation', () => {
      spec
        .given([defined, allocated])
        .when(distribute(amounts('500000', '250000', '250000')))
        .thenThrows(BenefitPoolRules.AMOUNT_NOT_SHARE, 'amounts[0].amount.amount');
    });
    it('rejects a negative amount', () => {
      spec
        .given([defined, allocated])
        .when(distribute(amounts('3334', '-3333', '3333')))
        .thenThrows(BenefitPoolRules.NEGATIVE_AMOUNT, 'amounts[1].amount.amount');
    });
    it('rejects another currency', () => {
      spec
        .given([defined, allocated])
        .when(
          distribute([
            ...amounts('3334', '3333', '3333').slice(0, 2),
            { partnerId: 'schools', amount: { amountMinor: '3333', currency: 'EUR' } },
          ]),
        )
        .thenThrows(BenefitPoolRules.CURRENCY_MISMATCH, 'amounts[2].amount.currency');
    });
    it('rejects a partner named twice', () => {
      spec
        .given([defined, allocated])
        .when(
          distribute([
            ...amounts('3334', '3333', '3333'),
            { partnerId: 'schools', amount: usd('1') },
          ]),
        )
        .thenThrows(BenefitPoolRules.DUPLICATE_PARTNER, 'amounts[3].partnerId');
    });
    it('rejects a partner without a share', () => {
      spec
        .given([defined, allocated])
        .when(
          distribute([
            ...amounts('3334', '3333', '3333'),
            { partnerId: 'stranger', amount: usd('1') },
          ]),
        )
        .thenThrows(BenefitPoolRules.PARTNER_NOT_ALLOCATED, 'amounts[3].partnerId');
    });
    it('rejects a distribution that leaves out a partner with a share', () => {
      spec
        .given([defined, allocated])
        .when(distribute(amounts('3334', '3333', '3333').slice(0, 2)))
        .thenThrows(BenefitPoolRules.PARTNER_MISSING, 'amounts');
    });
    it('rejects an empty distribution', () => {
      spec
        .given([defined, allocated])
        .when(distribute(amounts('0', '0', '0')))
        .thenThrows(BenefitPoolRules.NOTHING_TO_DISTRIBUTE, 'amounts');
    });
    it('rejects a distribution beyond the pool', () => {
      spec
        .given([defined, allocated])
        .when(distribute(amounts('3334000', '3333000', '3333001')))
        .thenThrows(BenefitPoolRules.EXCEEDS_POOL, 'amounts');
    });
    it('distributes exactly what is left, and no more after that', () => {
      const first = amounts('1667000', '1666500', '1666500');
      const rest = amounts('1667000', '1666500', '1666500');
      spec
        .given([defined, allocated, distributed(first, '5000000')])
        .when(distribute(rest, 'd2'))
        .then([distributed(rest, '5000000', 'd2')]);
      spec
        .given([
          defined,
          allocated,
          distributed(first, '5000000'),
          distributed(rest, '5000000', 'd2'),
        ])
        .when(distribute(amounts('34', '33', '33'), 'd3'))
        .thenThrows(BenefitPoolRules.EXCEEDS_POOL, 'amounts');
    });
    it('rejects a distribution id used before', () => {
      const list = amounts('34', '33', '33');
      spec
        .given([defined, allocated, distributed(list, '100')])
        .when(distribute(list))
        .thenThrows(BenefitPoolRules.DISTRIBUTION_EXISTS, 'distributionId');
    });
    it('distributes by the current allocation after a reallocation', () => {
      const halves: BenefitPoolEvent = {
        type: 'BenefitSharesReallocated.v1',
        data: {
          ...ids,
          shares: [
            { partnerId: 'schools', basisPoints: 5000 },
            { partnerId: 'food-bank', basisPoints: 5000 },
          ],
          reason: 'r',
          reallocatedAt: now,
        },
      };
      const list = [
        { partnerId: 'schools', amount: usd('500') },
        { partnerId: 'food-bank', amount: usd('500') },
      ];
      spec
        .given([defined, allocated, halves])
        .when(distribute(list))
        .then([distributed(list, '1000')]);
      spec
        .given([defined, allocated, halves])
        .when(distribute(amounts('334', '333', '333')))
        .thenThrows(BenefitPoolRules.PARTNER_NOT_ALLOCATED, 'amounts[1].partnerId');
    });
  });

  describe('when the actor is not a member of the initiative', () => {
    it.each([allocate(), reallocate(THIRDS), distribute(amounts('34', '33', '33'))])(
      'rejects $type by a person of an outside partner',
      (command) => {
        spec
          .given([defined, allocated])
          .when({ ...command, actor: outsider })
          .thenThrows(BenefitPoolRules.ACTOR_NOT_MEMBER, 'actor.partnerId');
      },
    );
    it('rejects a person of a partner that left', () => {
      const cityHallLeft = initiativeAfter(
        launched,
        joined('city-hall'),
        joined('food-bank'),
        left('city-hall'),
      );
      spec
        .given([defined, allocated])
        .when({ ...distribute(amounts('34', '33', '33')), initiative: cityHallLeft })
        .thenThrows(BenefitPoolRules.ACTOR_NOT_MEMBER, 'actor.partnerId');
    });
  });

  describe('when the pool is not a funding pool', () => {
    it('cannot be distributed', () => {
      spec
        .given([dataPool, allocated])
        .when(distribute(amounts('34', '33', '33')))
        .thenThrows(BenefitPoolRules.NOT_FUNDING, 'poolId');
    });
    it('is still allocated', () => {
      spec.given([dataPool]).when(allocate()).then([allocated]);
    });
  });
});

describe('Benefit pool decider: business time', () => {
  it('refuses a pool defined before the initiative was launched', () => {
    spec
      .given([])
      .when({ ...define(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
  it('refuses an allocation dated before the pool was defined', () => {
    spec
      .given([defined])
      .when({ ...allocate(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
});
