import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { DecisionPayload } from '../../decision.model';
import { DecisionQueries } from '../../queries/decision.queries';
import { SupersedeDecisionCommand } from './supersede-decision.handler';
import { SupersedeDecisionInput } from './supersede-decision.input';

@Resolver()
export class SupersedeDecisionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => DecisionPayload, {
    description: 'Record that a later adopted decision supersedes an adopted one.',
  })
  async supersedeDecision(
    @Args('input') input: SupersedeDecisionInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.envelopes.create(input, context);
    const { decisionId, byDecisionId } = input;
    const receipt = await this.commandBus.execute(
      new SupersedeDecisionCommand({ decisionId, byDecisionId }, envelope),
    );
    return { receipt, decision: await this.decisions.byId(decisionId) };
  }
}
