import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { DecisionPayload } from '../../decision.model';
import { DecisionQueries } from '../../queries/decision.queries';
import { ChangeVoteCommand } from './change-vote.handler';
import { ChangeVoteInput } from './change-vote.input';

@Resolver()
export class ChangeVoteResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => DecisionPayload, {
    description:
      'The acting voting member changes their vote, saying why; the earlier choice stays in the history.',
  })
  async changeVote(
    @Args('input') input: ChangeVoteInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new ChangeVoteCommand(
        { decisionId: input.decisionId, choice: input.choice, reason: input.reason },
        envelope,
      ),
    );
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }
}
