import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { BenefitPoolPayload } from '../../benefit-pool.model';
import { BenefitPoolQueries } from '../../queries/benefit-pool.queries';
import { ReallocateBenefitSharesCommand } from './reallocate-benefit-shares.handler';
import { ReallocateBenefitSharesInput } from './reallocate-benefit-shares.input';

@Resolver()
export class ReallocateBenefitSharesResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly pools: BenefitPoolQueries,
  ) {}

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Allocate a pool anew, with the reason; the earlier allocation stays in its history.',
  })
  async reallocateBenefitShares(
    @Args('input') input: ReallocateBenefitSharesInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const envelope = this.envelopes.create(input, context);
    const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
    const receipt = await this.commandBus.execute(
      new ReallocateBenefitSharesCommand(
        { poolId: input.poolId, shares, reason: input.reason },
        envelope,
      ),
    );
    return { receipt, benefitPool: await this.pools.byId(input.poolId) };
  }
}
