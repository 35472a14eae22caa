import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { DecisionPayload } from '../../decision.model';
import { DecisionQueries } from '../../queries/decision.queries';
import { CloseDecisionCommand } from './close-decision.handler';
import { CloseDecisionInput } from './close-decision.input';

@Resolver()
export class CloseDecisionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => DecisionPayload, {
    description:
      'Close the vote: the outcome is computed from the method, the quorum and the counted votes.',
  })
  async closeDecision(
    @Args('input') input: CloseDecisionInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new CloseDecisionCommand({ decisionId: input.decisionId }, envelope),
    );
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }
}
