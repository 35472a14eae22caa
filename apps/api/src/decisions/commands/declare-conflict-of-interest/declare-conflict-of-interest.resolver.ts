import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { DecisionPayload } from '../../decision.model';
import { DecisionQueries } from '../../queries/decision.queries';
import { DeclareConflictOfInterestCommand } from './declare-conflict-of-interest.handler';
import { DeclareConflictOfInterestInput } from './declare-conflict-of-interest.input';

@Resolver()
export class DeclareConflictOfInterestResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => DecisionPayload, {
    description:
      'The acting voting member declares a conflict of interest: they are recused, and a vote they cast stops counting.',
  })
  async declareConflictOfInterest(
    @Args('input') input: DeclareConflictOfInterestInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new DeclareConflictOfInterestCommand(
        { decisionId: input.decisionId, reason: input.reason },
        envelope,
      ),
    );
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }
}
