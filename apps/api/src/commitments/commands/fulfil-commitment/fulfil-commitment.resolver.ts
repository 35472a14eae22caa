import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { FulfilCommitmentCommand } from './fulfil-commitment.handler';
import { FulfilCommitmentInput } from './fulfil-commitment.input';

@Resolver()
export class FulfilCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, { description: 'Record that a commitment was delivered.' })
  async fulfilCommitment(
    @Args('input') input: FulfilCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new FulfilCommitmentCommand(
        { commitmentId: input.commitmentId, note: input.note ?? null },
        envelope,
      ),
    );
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
