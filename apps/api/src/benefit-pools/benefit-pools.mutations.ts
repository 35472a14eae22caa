import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { BenefitPoolPayload } from './benefit-pool.model';
import { BenefitPoolQueries } from './queries/benefit-pool.queries';
import { AllocateBenefitSharesInput, DefineBenefitPoolInput, ReallocateBenefitSharesInput, RecordDistributionInput } from './benefit-pools.inputs';
import { deriveEntityId } from '../ledger/streams';
import { toMoney } from './money-input';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class BenefitPoolsMutations {
  constructor(
    private readonly commands: Commands,
    private readonly pools: BenefitPoolQueries,
  ) {}

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Allocate a pool among member partners for the first time; shares add to exactly 100 %.',
  })
  async allocateBenefitShares(
    @Args('input') input: AllocateBenefitSharesInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
    const receipt = await this.commands.send('AllocateBenefitShares', input, context, {
      poolId: input.poolId,
      shares,
    });
    return { receipt, benefitPool: await this.pools.byId(input.poolId) };
  }

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Define a benefit the partners share: funding (with its amount), data access, attribution, other.',
  })
  async defineBenefitPool(
    @Args('input') input: DefineBenefitPoolInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const envelope = this.commands.envelope(input, context);
    const poolId = input.poolId ?? deriveEntityId(envelope.commandId, 'benefit-pool');
    const amount = input.amount ? toMoney(input.amount, 'amount') : null;
    const { initiativeId, name, kind, description } = input;
    const receipt = await this.commands.run(
      'DefineBenefitPool',
      { poolId, initiativeId, name, kind, description, amount },
      envelope,
    );
    return { receipt, benefitPool: await this.pools.byId(poolId) };
  }

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Allocate a pool anew, with the reason; the earlier allocation stays in its history.',
  })
  async reallocateBenefitShares(
    @Args('input') input: ReallocateBenefitSharesInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
    const receipt = await this.commands.send('ReallocateBenefitShares', input, context, {
      poolId: input.poolId,
      shares,
      reason: input.reason,
    });
    return { receipt, benefitPool: await this.pools.byId(input.poolId) };
  }

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Record money paid out of a funding pool, partner by partner, following the allocation in force.',
  })
  async recordDistribution(
    @Args('input') input: RecordDistributionInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const envelope = this.commands.envelope(input, context);
    const distributionId =
      input.distributionId ?? deriveEntityId(envelope.commandId, 'distribution');
    const amounts = input.amounts.map(({ partnerId, amount }, index) => ({
      partnerId,
      amount: toMoney(amount, `amounts[${index}].amount`),
    }));
    const receipt = await this.commands.run(
      'RecordDistribution',
      { poolId: input.poolId, distributionId, amounts, note: input.note },
      envelope,
    );
    return { receipt, benefitPool: await this.pools.byId(input.poolId) };
  }
}
