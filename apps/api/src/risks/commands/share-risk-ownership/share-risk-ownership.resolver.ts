import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { RiskQueries } from '../../queries/risk.queries';
import { RiskPayload } from '../../risk.model';
import { ShareRiskOwnershipCommand } from './share-risk-ownership.handler';
import { ShareRiskOwnershipInput } from './share-risk-ownership.input';

@Resolver()
export class ShareRiskOwnershipResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description:
      'Share the ownership of a risk among member partners; shares add to exactly 100 %.',
  })
  async shareRiskOwnership(
    @Args('input') input: ShareRiskOwnershipInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.envelopes.create(input, context);
    const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
    const receipt = await this.commandBus.execute(
      new ShareRiskOwnershipCommand({ riskId: input.riskId, shares }, envelope),
    );
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }
}
