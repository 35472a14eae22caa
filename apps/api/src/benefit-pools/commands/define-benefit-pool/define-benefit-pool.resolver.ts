import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { BenefitPoolPayload } from '../../benefit-pool.model';
import { toMoney } from '../../money-input';
import { BenefitPoolQueries } from '../../queries/benefit-pool.queries';
import { DefineBenefitPoolCommand } from './define-benefit-pool.handler';
import { DefineBenefitPoolInput } from './define-benefit-pool.input';

@Resolver()
export class DefineBenefitPoolResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly pools: BenefitPoolQueries,
  ) {}

  @Mutation(() => BenefitPoolPayload, {
    description:
      'Define a benefit the partners share: funding (with its amount), data access, attribution, other.',
  })
  async defineBenefitPool(
    @Args('input') input: DefineBenefitPoolInput,
    @RequestContext() context: AccordContext,
  ): Promise<BenefitPoolPayload> {
    const envelope = this.envelopes.create(input, context);
    const poolId = input.poolId ?? deriveEntityId(envelope.commandId, 'benefit-pool');
    const amount = input.amount ? toMoney(input.amount, 'amount') : null;
    const { initiativeId, name, kind, description } = input;
    const receipt = await this.commandBus.execute(
      new DefineBenefitPoolCommand(
        { poolId, initiativeId, name, kind, description, amount },
        envelope,
      ),
    );
    return { receipt, benefitPool: await this.pools.byId(poolId) };
  }
}
