import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { LinkCommitmentCommand } from './link-commitment.handler';
import { LinkCommitmentInput } from './link-commitment.input';

@Resolver()
export class LinkCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description:
      'Link a commitment to the indicator it serves and/or the decision that asked for it.',
  })
  async linkCommitment(
    @Args('input') input: LinkCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new LinkCommitmentCommand(
        {
          commitmentId: input.commitmentId,
          indicatorId: input.indicatorId ?? null,
          decisionId: input.decisionId ?? null,
        },
        envelope,
      ),
    );
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
