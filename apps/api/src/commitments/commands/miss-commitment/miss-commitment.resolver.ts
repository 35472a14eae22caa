import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { MissCommitmentCommand } from './miss-commitment.handler';
import { MissCommitmentInput } from './miss-commitment.input';

@Resolver()
export class MissCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description:
      'Backbone staff record that an open commitment was missed, once past its due date.',
  })
  async missCommitment(
    @Args('input') input: MissCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new MissCommitmentCommand(
        { commitmentId: input.commitmentId, reason: input.reason },
        envelope,
      ),
    );
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
