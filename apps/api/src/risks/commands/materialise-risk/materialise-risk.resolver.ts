import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { RiskQueries } from '../../queries/risk.queries';
import { RiskPayload } from '../../risk.model';
import { MaterialiseRiskCommand } from './materialise-risk.handler';
import { MaterialiseRiskInput } from './materialise-risk.input';

@Resolver()
export class MaterialiseRiskResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description: 'Record that a risk happened, and what happened.',
  })
  async materialiseRisk(
    @Args('input') input: MaterialiseRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new MaterialiseRiskCommand(
        { riskId: input.riskId, description: input.description },
        envelope,
      ),
    );
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }
}
