import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { BenefitPoolPayload } from '../../benefit-pool.model';
import { BenefitPoolQueries } from '../../queries/benefit-pool.queries';
import { AllocateBenefitSharesCommand } from './allocate-benefit-shares.handler';
import { AllocateBenefitSharesInput } from './allocate-benefit-shares.input';

@Resolver()
export class AllocateBenefitSharesResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
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
    const envelope = this.envelopes.create(input, context);
    const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
    const receipt = await this.commandBus.execute(
      new AllocateBenefitSharesCommand({ poolId: input.poolId, shares }, envelope),
    );
    return { receipt, benefitPool: await this.pools.byId(input.poolId) };
  }
}
