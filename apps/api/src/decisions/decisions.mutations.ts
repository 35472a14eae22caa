import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { InitiativePayload } from '../initiatives/initiative.model';
import { InitiativeQueries } from '../initiatives/queries/initiative.queries';
import { ApplyGovernanceRulesInput, CastVoteInput, ChangeVoteInput, CloseDecisionInput, DeclareConflictOfInterestInput, ProposeDecisionInput, SupersedeDecisionInput } from './decisions.inputs';
import { DecisionPayload } from './decision.model';
import { DecisionQueries } from './queries/decision.queries';
import { toDomainRules } from '../initiatives/governance-rules.model';
import { deriveEntityId } from '../ledger/streams';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class DecisionsMutations {
  constructor(
    private readonly commands: Commands,
    private readonly initiatives: InitiativeQueries,
    private readonly decisions: DecisionQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description:
      'Put in force the governance rules an adopted decision proposed; each decision applies once.',
  })
  async applyGovernanceRules(
    @Args('input') input: ApplyGovernanceRulesInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const { initiativeId, decisionId } = input;
    const receipt = await this.commands.send('ApplyGovernanceRules', input, context, {
      initiativeId,
      decisionId,
    });
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }

  @Mutation(() => DecisionPayload, {
    description: 'The acting voting member votes, once; change a vote with changeVote.',
  })
  async castVote(
    @Args('input') input: CastVoteInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const receipt = await this.commands.send('CastVote', input, context, {
      decisionId: input.decisionId,
      choice: input.choice,
      reason: input.reason ?? null,
    });
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }

  @Mutation(() => DecisionPayload, {
    description:
      'The acting voting member changes their vote, saying why; the earlier choice stays in the history.',
  })
  async changeVote(
    @Args('input') input: ChangeVoteInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const receipt = await this.commands.send('ChangeVote', input, context, {
      decisionId: input.decisionId,
      choice: input.choice,
      reason: input.reason,
    });
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }

  @Mutation(() => DecisionPayload, {
    description:
      'Close the vote: the outcome is computed from the method, the quorum and the counted votes.',
  })
  async closeDecision(
    @Args('input') input: CloseDecisionInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const receipt = await this.commands.send('CloseDecision', input, context, {
      decisionId: input.decisionId,
    });
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }

  @Mutation(() => DecisionPayload, {
    description:
      'The acting voting member declares a conflict of interest: they are recused, and a vote they cast stops counting.',
  })
  async declareConflictOfInterest(
    @Args('input') input: DeclareConflictOfInterestInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const receipt = await this.commands.send('DeclareConflictOfInterest', input, context, {
      decisionId: input.decisionId,
      reason: input.reason,
    });
    return { receipt, decision: await this.decisions.byId(input.decisionId) };
  }

  @Mutation(() => DecisionPayload, {
    description:
      'Put a motion to the voting members; the method, quorum and supermajority in force are kept with it.',
  })
  async proposeDecision(
    @Args('input') input: ProposeDecisionInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const envelope = this.commands.envelope(input, context);
    const decisionId = input.decisionId ?? deriveEntityId(envelope.commandId, 'decision');
    const { initiativeId, title, motion, rationale } = input;
    const receipt = await this.commands.run(
      'ProposeDecision',
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
    );
    return { receipt, decision: await this.decisions.byId(decisionId) };
  }

  @Mutation(() => DecisionPayload, {
    description: 'Record that a later adopted decision supersedes an adopted one.',
  })
  async supersedeDecision(
    @Args('input') input: SupersedeDecisionInput,
    @RequestContext() context: AccordContext,
  ): Promise<DecisionPayload> {
    const { decisionId, byDecisionId } = input;
    const receipt = await this.commands.send('SupersedeDecision', input, context, {
      decisionId,
      byDecisionId,
    });
    return { receipt, decision: await this.decisions.byId(decisionId) };
  }
}
