import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { InitiativePayload } from '../../../initiatives/initiative.model';
import { InitiativeQueries } from '../../../initiatives/queries/initiative.queries';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { ApplyGovernanceRulesCommand } from './apply-governance-rules.handler';
import { ApplyGovernanceRulesInput } from './apply-governance-rules.input';

@Resolver()
export class ApplyGovernanceRulesResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description:
      'Put in force the governance rules an adopted decision proposed; each decision applies once.',
  })
  async applyGovernanceRules(
    @Args('input') input: ApplyGovernanceRulesInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const envelope = this.envelopes.create(input, context);
    const { initiativeId, decisionId } = input;
    const receipt = await this.commandBus.execute(
      new ApplyGovernanceRulesCommand({ initiativeId, decisionId }, envelope),
    );
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }
}
