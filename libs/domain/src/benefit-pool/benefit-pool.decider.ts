import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { memberShares, type PercentShare, requireActorMember } from '../risk/percent-shares';
import type { CommandContext, Decider } from '../shared/decider';
import { requireOccurredNotBefore } from '../shared/business-time';
import { rule } from '../shared/domain-error';
import type { Money } from '../shared/money';
import { WHOLE } from '../shared/shares';
import {
  BENEFIT_POOL_KINDS,
  type BenefitPoolEvent,
  type BenefitPoolKind,
  type PartnerAmount,
} from './benefit-pool.events';
import {
  evolveBenefitPool,
  initialBenefitPoolState,
  type BenefitPoolState,
} from './benefit-pool.state';
import { asInSchema, withArticle } from '../shared/wording';

export type DefineBenefitPool = CommandContext & {
  type: 'DefineBenefitPool';
  data: {
    poolId: string;
    initiativeId: string;
    name: string;
    kind: BenefitPoolKind;
    description: string;
    amount: Money | null;
  };
  /** The initiative as it stands, folded by the handler: it must exist. */
  initiative: InitiativeState;
};

export type AllocateBenefitShares = CommandContext & {
  type: 'AllocateBenefitShares';
  data: { poolId: string; shares: PercentShare[] };
  /** The pool's initiative as it stands: the actor and every partner must be members. */
  initiative: InitiativeState;
};

export type ReallocateBenefitShares = CommandContext & {
  type: 'ReallocateBenefitShares';
  data: { poolId: string; shares: PercentShare[]; reason: string };
  /** The pool's initiative as it stands: the actor and every partner must be members. */
  initiative: InitiativeState;
};

export type RecordDistribution = CommandContext & {
  type: 'RecordDistribution';
  data: { poolId: string; distributionId: string; amounts: PartnerAmount[]; note: string };
  /** The pool's initiative as it stands: the actor must act for a member partner. */
  initiative: InitiativeState;
};

export type BenefitPoolCommand =
  DefineBenefitPool | AllocateBenefitShares | ReallocateBenefitShares | RecordDistribution;

export const BenefitPoolRules = {
  ALREADY_DEFINED: 'BENEFIT_POOL.ALREADY_DEFINED',
  NOT_FOUND: 'BENEFIT_POOL.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'BENEFIT_POOL.INITIATIVE_NOT_FOUND',
  INVALID_KIND: 'BENEFIT_POOL.INVALID_KIND',
  AMOUNT_REQUIRED: 'BENEFIT_POOL.AMOUNT_REQUIRED',
  AMOUNT_NOT_ALLOWED: 'BENEFIT_POOL.AMOUNT_NOT_ALLOWED',
  PARTNER_NOT_MEMBER: 'BENEFIT_POOL.PARTNER_NOT_MEMBER',
  ACTOR_NOT_MEMBER: 'BENEFIT_POOL.ACTOR_NOT_MEMBER',
  ALREADY_ALLOCATED: 'BENEFIT_POOL.ALREADY_ALLOCATED',
  NOT_ALLOCATED: 'BENEFIT_POOL.NOT_ALLOCATED',
  NOT_FUNDING: 'BENEFIT_POOL.NOT_FUNDING',
  DISTRIBUTION_EXISTS: 'BENEFIT_POOL.DISTRIBUTION_EXISTS',
  NEGATIVE_AMOUNT: 'BENEFIT_POOL.NEGATIVE_AMOUNT',
  CURRENCY_MISMATCH: 'BENEFIT_POOL.CURRENCY_MISMATCH',
  DUPLICATE_PARTNER: 'BENEFIT_POOL.DUPLICATE_PARTNER',
  PARTNER_NOT_ALLOCATED: 'BENEFIT_POOL.PARTNER_NOT_ALLOCATED',
  PARTNER_MISSING: 'BENEFIT_POOL.PARTNER_MISSING',
  NOTHING_TO_DISTRIBUTE: 'BENEFIT_POOL.NOTHING_TO_DISTRIBUTE',
  AMOUNT_NOT_SHARE: 'BENEFIT_POOL.AMOUNT_NOT_SHARE',
  EXCEEDS_POOL: 'BENEFIT_POOL.EXCEEDS_POOL',
} as const;

type DefinedPool = Exclude<BenefitPoolState, { status: 'absent' }>;

/** Integer minor units written as digits only: no sign, no decimals. */
const WHOLE_MINOR = /^\d{1,20}$/;

function decideDefine(command: DefineBenefitPool, state: BenefitPoolState): BenefitPoolEvent[] {
  const { data, initiative, actor, now } = command;
  rule(
    state.status === 'absent',
    BenefitPoolRules.ALREADY_DEFINED,
    `benefit pool ${data.poolId} already exists`,
    'poolId',
  );
  rule(
    initiative.status === 'launched',
    BenefitPoolRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  requireActorMember(initiative, actor, BenefitPoolRules.ACTOR_NOT_MEMBER);
  rule(
    BENEFIT_POOL_KINDS.includes(data.kind),
    BenefitPoolRules.INVALID_KIND,
    `kind must be one of ${BENEFIT_POOL_KINDS.map(asInSchema).join(', ')}, got ${data.kind}`,
    'kind',
  );
  if (data.kind === 'funding') {
    rule(
      data.amount !== null,
      BenefitPoolRules.AMOUNT_REQUIRED,
      'a funding pool needs the amount to share out',
      'amount',
    );
    rule(
      WHOLE_MINOR.test(data.amount.amountMinor),
      BenefitPoolRules.NEGATIVE_AMOUNT,
      `the pool amount must be a non-negative number of minor units, got ${data.amount.amountMinor}`,
      'amount.amount',
    );
    rule(
      BigInt(data.amount.amountMinor) > 0n,
      BenefitPoolRules.AMOUNT_REQUIRED,
      'a funding pool needs an amount above zero',
      'amount.amount',
    );
  } else {
    rule(
      data.amount === null,
      BenefitPoolRules.AMOUNT_NOT_ALLOWED,
      `only a FUNDING pool has an amount; ${withArticle(asInSchema(data.kind))} pool has none`,
      'amount',
    );
  }
  return [{ type: 'BenefitPoolDefined.v1', data: { ...data, definedAt: now } }];
}

/** amount / total is the partner's share within one minor unit: |amount * WHOLE - total * bp| <= WHOLE. */
function withinOneMinorUnit(amount: bigint, total: bigint, basisPoints: number): boolean {
  const whole = BigInt(WHOLE);
  const difference = amount * whole - total * BigInt(basisPoints);
  return (difference < 0n ? -difference : difference) <= whole;
}

function decideDistribution(command: RecordDistribution, pool: DefinedPool): BenefitPoolEvent[] {
  const { data, now } = command;
  const { amount: poolAmount, shares } = pool;
  rule(
    pool.kind === 'funding' && poolAmount !== null,
    BenefitPoolRules.NOT_FUNDING,
    `only a funding pool is distributed; ${pool.poolId} is a ${pool.kind} pool`,
    'poolId',
  );
  rule(
    shares !== null,
    BenefitPoolRules.NOT_ALLOCATED,
    `benefit pool ${pool.poolId} has no allocation to distribute by`,
    'poolId',
  );
  rule(
    !pool.distributionIds.includes(data.distributionId),
    BenefitPoolRules.DISTRIBUTION_EXISTS,
    `distribution ${data.distributionId} was already recorded`,
    'distributionId',
  );
  const seen = new Set<string>();
  data.amounts.forEach(({ partnerId, amount }, index) => {
    const field = `amounts[${index}]`;
    rule(
      WHOLE_MINOR.test(amount.amountMinor),
      BenefitPoolRules.NEGATIVE_AMOUNT,
      `amounts cannot be negative, got ${amount.amountMinor} minor units`,
      `${field}.amount.amount`,
    );
    rule(
      amount.currency === poolAmount.currency,
      BenefitPoolRules.CURRENCY_MISMATCH,
      `the pool is in ${poolAmount.currency}, not ${amount.currency}`,
      `${field}.amount.currency`,
    );
    rule(
      !seen.has(partnerId),
      BenefitPoolRules.DUPLICATE_PARTNER,
      `partner ${partnerId} appears more than once in amounts`,
      `${field}.partnerId`,
    );
    seen.add(partnerId);
    rule(
      shares.some((share) => share.partnerId === partnerId),
      BenefitPoolRules.PARTNER_NOT_ALLOCATED,
      `partner ${partnerId} has no share in the current allocation`,
      `${field}.partnerId`,
    );
  });
  const missing = shares.filter((share) => !seen.has(share.partnerId)).map((s) => s.partnerId);
  rule(
    missing.length === 0,
    BenefitPoolRules.PARTNER_MISSING,
    `the distribution leaves out partners of the current allocation: ${missing.join(', ')}`,
    'amounts',
  );
  const total = data.amounts.reduce((sum, { amount }) => sum + BigInt(amount.amountMinor), 0n);
  rule(total > 0n, BenefitPoolRules.NOTHING_TO_DISTRIBUTE, 'the distribution is empty', 'amounts');
  data.amounts.forEach(({ partnerId, amount }, index) => {
    const share = shares.find((s) => s.partnerId === partnerId)!;
    rule(
      withinOneMinorUnit(BigInt(amount.amountMinor), total, share.basisPoints),
      BenefitPoolRules.AMOUNT_NOT_SHARE,
      `partner ${partnerId} holds ${share.basisPoints / 100} % of the pool, but gets ${amount.amountMinor} of ${total} minor units`,
      `amounts[${index}].amount.amount`,
    );
  });
  const remaining = BigInt(poolAmount.amountMinor) - BigInt(pool.distributedMinor);
  rule(
    total <= remaining,
    BenefitPoolRules.EXCEEDS_POOL,
    `the distribution of ${total} minor units exceeds the ${remaining} left in the pool`,
    'amounts',
  );
  return [
    {
      type: 'DistributionRecorded.v1',
      data: {
        poolId: pool.poolId,
        initiativeId: pool.initiativeId,
        distributionId: data.distributionId,
        amounts: data.amounts,
        total: { amountMinor: total.toString(), currency: poolAmount.currency },
        note: data.note,
        recordedAt: now,
      },
    },
  ];
}

export function decideBenefitPool(
  command: BenefitPoolCommand,
  state: BenefitPoolState,
): BenefitPoolEvent[] {
  if (command.type === 'DefineBenefitPool') return decideDefine(command, state);

  const { now, data } = command;
  rule(
    state.status !== 'absent',
    BenefitPoolRules.NOT_FOUND,
    `benefit pool ${data.poolId} does not exist`,
    'poolId',
  );
  requireOccurredNotBefore(now, {
    what: `benefit pool ${state.poolId} was defined`,
    at: state.definedAt,
  });
  requireActorMember(command.initiative, command.actor, BenefitPoolRules.ACTOR_NOT_MEMBER);
  const ids = { poolId: state.poolId, initiativeId: state.initiativeId };

  switch (command.type) {
    case 'AllocateBenefitShares': {
      rule(
        state.shares === null,
        BenefitPoolRules.ALREADY_ALLOCATED,
        `benefit pool ${state.poolId} is already allocated; reallocate it, with a reason`,
        'poolId',
      );
      const shares = memberShares(
        command.data.shares,
        command.initiative,
        BenefitPoolRules.PARTNER_NOT_MEMBER,
      );
      return [{ type: 'BenefitSharesAllocated.v1', data: { ...ids, shares, allocatedAt: now } }];
    }
    case 'ReallocateBenefitShares': {
      rule(
        state.shares !== null,
        BenefitPoolRules.NOT_ALLOCATED,
        `benefit pool ${state.poolId} was never allocated; allocate it first`,
        'poolId',
      );
      const shares = memberShares(
        command.data.shares,
        command.initiative,
        BenefitPoolRules.PARTNER_NOT_MEMBER,
      );
      return [
        {
          type: 'BenefitSharesReallocated.v1',
          data: { ...ids, shares, reason: command.data.reason, reallocatedAt: now },
        },
      ];
    }
    case 'RecordDistribution':
      return decideDistribution(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const benefitPoolDecider: Decider<BenefitPoolCommand, BenefitPoolState, BenefitPoolEvent> = {
  decide: decideBenefitPool,
  evolve: evolveBenefitPool,
  initialState: initialBenefitPoolState,
};
