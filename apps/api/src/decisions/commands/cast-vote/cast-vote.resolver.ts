import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { DecisionPayload } from '../../decision.model';
import { DecisionQueries } from '../../queries/decision.queries';
import { CastVoteCommand } from './cast-vote.handler';
import { CastVoteInput } from './cast-vote.input';

@Resolver()
export class CastVoteResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => DecisionPayload, {
    description: 'The acting voting member votes, once; change a vote with changeVote.',
  })
  async castVote(
    @Args('input') input: CastVoteInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new CastVoteCommand(
        { decisionId: input.decisionId, choice: input.choice, reason: input.reason ?? null },
        envelope,
      ),
    );
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }
}
