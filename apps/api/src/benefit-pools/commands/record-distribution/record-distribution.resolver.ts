import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { BenefitPoolPayload } from '../../benefit-pool.model';
import { toMoney } from '../../money-input';
import { BenefitPoolQueries } from '../../queries/benefit-pool.queries';
import { RecordDistributionCommand } from './record-distribution.handler';
import { RecordDistributionInput } from './record-distribution.input';

@Resolver()
export class RecordDistributionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly pools: BenefitPoolQueries,
  ) {}

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Record money paid out of a funding pool, partner by partner, following the allocation in force.',
  })
  async recordDistribution(
    @Args('input') input: RecordDistributionInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const envelope = this.envelopes.create(input, context);
    const distributionId =
      input.distributionId ?? deriveEntityId(envelope.commandId, 'distribution');
    const amounts = input.amounts.map(({ partnerId, amount }, index) => ({
      partnerId,
      amount: toMoney(amount, `amounts[${index}].amount`),
    }));
    const receipt = await this.commandBus.execute(
      new RecordDistributionCommand(
        { poolId: input.poolId, distributionId, amounts, note: input.note },
        envelope,
      ),
    );
    return { receipt, benefitPool: await this.pools.byId(input.poolId) };
  }
}
