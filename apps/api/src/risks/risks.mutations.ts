import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { RiskQueries } from './queries/risk.queries';
import { RiskPayload } from './risk.model';
import { CloseRiskInput, IdentifyRiskInput, MaterialiseRiskInput, PlanMitigationInput, ReassessRiskInput, ShareRiskOwnershipInput } from './risks.inputs';
import { deriveEntityId } from '../ledger/streams';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class RisksMutations {
  constructor(
    private readonly commands: Commands,
    private readonly risks: RiskQueries,
  ) {}

  @Mutation(() => RiskPayload, {
    description: 'Close a risk, with the reason; a closed risk takes no further change.',
  })
  async closeRisk(
    @Args('input') input: CloseRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const receipt = await this.commands.send('CloseRisk', input, context, {
      riskId: input.riskId,
      reason: input.reason,
    });
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }

  @Mutation(() => RiskPayload, {
    description: 'Put a risk on the register: category, likelihood and impact (1-5), owner.',
  })
  async identifyRisk(
    @Args('input') input: IdentifyRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.commands.envelope(input, context);
    const riskId = input.riskId ?? deriveEntityId(envelope.commandId, 'risk');
    const { initiativeId, title, description, category, likelihood, impact, ownerPartnerId } =
      input;
    const receipt = await this.commands.run(
      'IdentifyRisk',
      { riskId, initiativeId, title, description, category, likelihood, impact, ownerPartnerId },
      envelope,
    );
    return { receipt, risk: await this.risks.byId(riskId) };
  }

  @Mutation(() => RiskPayload, {
    description: 'Record that a risk happened, and what happened.',
  })
  async materialiseRisk(
    @Args('input') input: MaterialiseRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const receipt = await this.commands.send('MaterialiseRisk', input, context, {
      riskId: input.riskId,
      description: input.description,
    });
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }

  @Mutation(() => RiskPayload, {
    description: 'Plan how to mitigate a risk, linked to commitments of the same initiative.',
  })
  async planMitigation(
    @Args('input') input: PlanMitigationInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const envelope = this.commands.envelope(input, context);
    const mitigationId = input.mitigationId ?? deriveEntityId(envelope.commandId, 'mitigation');
    const { riskId, description, commitmentIds } = input;
    const receipt = await this.commands.run(
      'PlanMitigation',
      { riskId, mitigationId, description, commitmentIds },
      envelope,
    );
    return { receipt, risk: await this.risks.byId(riskId) };
  }

  @Mutation(() => RiskPayload, {
    description:
      'Reassess a risk: new likelihood and impact, with the reason; the earlier assessments stay in its history.',
  })
  async reassessRisk(
    @Args('input') input: ReassessRiskInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const receipt = await this.commands.send('ReassessRisk', input, context, {
      riskId: input.riskId,
      likelihood: input.likelihood,
      impact: input.impact,
      reason: input.reason,
    });
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }

  @Mutation(() => RiskPayload, {
    description:
      'Share the ownership of a risk among member partners; shares add to exactly 100 %.',
  })
  async shareRiskOwnership(
    @Args('input') input: ShareRiskOwnershipInput,
    @RequestContext() context: AccordContext,
  ): Promise<RiskPayload> {
    const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
    const receipt = await this.commands.send('ShareRiskOwnership', input, context, {
      riskId: input.riskId,
      shares,
    });
    return { receipt, risk: await this.risks.byId(input.riskId) };
  }
}
