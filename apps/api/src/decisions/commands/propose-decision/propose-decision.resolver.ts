import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { toDomainRules } from '../../../initiatives/governance-rules.model';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { DecisionPayload } from '../../decision.model';
import { DecisionQueries } from '../../queries/decision.queries';
import { ProposeDecisionCommand } from './propose-decision.handler';
import { ProposeDecisionInput } from './propose-decision.input';

@Resolver()
export class ProposeDecisionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => DecisionPayload, {
    description:
      'Put a motion to the voting members; the method, quorum and supermajority in force are kept with it.',
  })
  async proposeDecision(
    @Args('input') input: ProposeDecisionInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.envelopes.create(input, context);
    const decisionId = input.decisionId ?? deriveEntityId(envelope.commandId, 'decision');
    const { initiativeId, title, motion, rationale } = input;
    const receipt = await this.commandBus.execute(
      new ProposeDecisionCommand(
        {
          decisionId,
          initiativeId,
          title,
          motion,
          rationale,
          method: input.method ?? null,
          meetingId: input.meetingId ?? null,
          reviewDate: input.reviewDate ?? null,
          proposedRules: input.proposedRules ? toDomainRules(input.proposedRules) : null,
        },
        envelope,
      ),
    );
    return { receipt, decision: await this.decisions.byId(decisionId) };
  }
}
