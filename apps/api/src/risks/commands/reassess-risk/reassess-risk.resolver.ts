import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { RiskQueries } from '../../queries/risk.queries';
import { RiskPayload } from '../../risk.model';
import { ReassessRiskCommand } from './reassess-risk.handler';
import { ReassessRiskInput } from './reassess-risk.input';

@Resolver()
export class ReassessRiskResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description:
      'Reassess a risk: new likelihood and impact, with the reason; the earlier assessments stay in its history.',
  })
  async reassessRisk(
    @Args('input') input: ReassessRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new ReassessRiskCommand(
        {
          riskId: input.riskId,
          likelihood: input.likelihood,
          impact: input.impact,
          reason: input.reason,
        },
        envelope,
      ),
    );
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }
}
