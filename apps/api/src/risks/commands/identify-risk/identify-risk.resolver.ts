import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { RiskQueries } from '../../queries/risk.queries';
import { RiskPayload } from '../../risk.model';
import { IdentifyRiskCommand } from './identify-risk.handler';
import { IdentifyRiskInput } from './identify-risk.input';

@Resolver()
export class IdentifyRiskResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description: 'Put a risk on the register: category, likelihood and impact (1-5), owner.',
  })
  async identifyRisk(
    @Args('input') input: IdentifyRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.envelopes.create(input, context);
    const riskId = input.riskId ?? deriveEntityId(envelope.commandId, 'risk');
    const { initiativeId, title, description, category, likelihood, impact, ownerPartnerId } =
      input;
    const receipt = await this.commandBus.execute(
      new IdentifyRiskCommand(
        { riskId, initiativeId, title, description, category, likelihood, impact, ownerPartnerId },
        envelope,
      ),
    );
    return { receipt, risk: await this.risks.byId(riskId) };
  }
}
