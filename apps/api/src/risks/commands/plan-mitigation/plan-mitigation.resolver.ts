import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { RiskQueries } from '../../queries/risk.queries';
import { RiskPayload } from '../../risk.model';
import { PlanMitigationCommand } from './plan-mitigation.handler';
import { PlanMitigationInput } from './plan-mitigation.input';

@Resolver()
export class PlanMitigationResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description: 'Plan how to mitigate a risk, linked to commitments of the same initiative.',
  })
  async planMitigation(
    @Args('input') input: PlanMitigationInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.envelopes.create(input, context);
    const mitigationId = input.mitigationId ?? deriveEntityId(envelope.commandId, 'mitigation');
    const { riskId, description, commitmentIds } = input;
    const receipt = await this.commandBus.execute(
      new PlanMitigationCommand({ riskId, mitigationId, description, commitmentIds }, envelope),
    );
    return { receipt, risk: await this.risks.byId(riskId) };
  }
}
