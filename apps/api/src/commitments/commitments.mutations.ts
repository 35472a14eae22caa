import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { CommitmentPayload } from './commitment.model';
import { CommitmentQueries } from './queries/commitment.queries';
import { AcceptCommitmentInput, FulfilCommitmentInput, LinkCommitmentInput, MakeCommitmentInput, type MoneyInput, MissCommitmentInput, ReportProgressInput, ReviseCommitmentInput, WithdrawCommitmentInput } from './commitments.inputs';
import { DomainError, type Money, parseMoney } from '@accord/domain';
import { InputValidationError } from '../graphql/input-validation';
import { deriveEntityId } from '../ledger/streams';
import { Commands } from '../ledger/ledger-command';

function toMoney(input: MoneyInput | undefined | null): Money | null {
  if (!input) return null;
  try {
    return parseMoney(input.amount, input.currency, 'resources.money');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new InputValidationError([
      { field: error.field ?? 'resources.money', rule: error.code, message: error.message },
    ]);
  }
}

@Resolver()
export class CommitmentsMutations {
  constructor(
    private readonly commands: Commands,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description: 'A steering member in office accepts an open commitment for the initiative, once.',
  })
  async acceptCommitment(
    @Args('input') input: AcceptCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('AcceptCommitment', input, context, {
      commitmentId: input.commitmentId,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }

  @Mutation(() => CommitmentPayload, { description: 'Record that a commitment was delivered.' })
  async fulfilCommitment(
    @Args('input') input: FulfilCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('FulfilCommitment', input, context, {
      commitmentId: input.commitmentId,
      note: input.note ?? null,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }

  @Mutation(() => CommitmentPayload, {
    description:
      'Link a commitment to the indicator it serves and/or the decision that asked for it.',
  })
  async linkCommitment(
    @Args('input') input: LinkCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('LinkCommitment', input, context, {
      commitmentId: input.commitmentId,
      indicatorId: input.indicatorId ?? null,
      decisionId: input.decisionId ?? null,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }

  @Mutation(() => CommitmentPayload, {
    description: 'A partner commits to do something, with resources, by a due date.',
  })
  async makeCommitment(
    @Args('input') input: MakeCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.commands.envelope(input, context);
    const commitmentId = input.commitmentId ?? deriveEntityId(envelope.commandId, 'commitment');
    const resources = {
      money: toMoney(input.resources?.money),
      inKind: input.resources?.inKind ?? null,
      hours: input.resources?.hours ?? null,
    };
    const { initiativeId, partnerId, description, dueDate } = input;
    const receipt = await this.commands.run(
      'MakeCommitment',
      { commitmentId, initiativeId, partnerId, description, resources, dueDate },
      envelope,
    );
    return { receipt, commitment: await this.commitments.byId(commitmentId) };
  }

  @Mutation(() => CommitmentPayload, {
    description:
      'Backbone staff record that an open commitment was missed, once past its due date.',
  })
  async missCommitment(
    @Args('input') input: MissCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('MissCommitment', input, context, {
      commitmentId: input.commitmentId,
      reason: input.reason,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }

  @Mutation(() => CommitmentPayload, {
    description: 'Report progress on an open commitment, with evidence.',
  })
  async reportProgress(
    @Args('input') input: ReportProgressInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('ReportProgress', input, context, {
      commitmentId: input.commitmentId,
      percent: input.percent,
      note: input.note,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }

  @Mutation(() => CommitmentPayload, {
    description:
      "The partner's people change the due date and/or scope of an open commitment, with a reason.",
  })
  async reviseCommitment(
    @Args('input') input: ReviseCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('ReviseCommitment', input, context, {
      commitmentId: input.commitmentId,
      dueDate: input.dueDate ?? null,
      description: input.description ?? null,
      reason: input.reason,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }

  @Mutation(() => CommitmentPayload, {
    description: 'Withdraw an open commitment, with the reason.',
  })
  async withdrawCommitment(
    @Args('input') input: WithdrawCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const receipt = await this.commands.send('WithdrawCommitment', input, context, {
      commitmentId: input.commitmentId,
      reason: input.reason,
    });
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
