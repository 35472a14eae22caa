import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { ReviseCommitmentCommand } from './revise-commitment.handler';
import { ReviseCommitmentInput } from './revise-commitment.input';

@Resolver()
export class ReviseCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description:
      "The partner's people change the due date and/or scope of an open commitment, with a reason.",
  })
  async reviseCommitment(
    @Args('input') input: ReviseCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new ReviseCommitmentCommand(
        {
          commitmentId: input.commitmentId,
          dueDate: input.dueDate ?? null,
          description: input.description ?? null,
          reason: input.reason,
        },
        envelope,
      ),
    );
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
