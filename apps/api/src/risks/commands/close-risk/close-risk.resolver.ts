import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { RiskQueries } from '../../queries/risk.queries';
import { RiskPayload } from '../../risk.model';
import { CloseRiskCommand } from './close-risk.handler';
import { CloseRiskInput } from './close-risk.input';

@Resolver()
export class CloseRiskResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description: 'Close a risk, with the reason; a closed risk takes no further change.',
  })
  async closeRisk(
    @Args('input') input: CloseRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new CloseRiskCommand({ riskId: input.riskId, reason: input.reason }, envelope),
    );
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }
}
