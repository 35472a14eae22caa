import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { AcceptCommitmentCommand } from './accept-commitment.handler';
import { AcceptCommitmentInput } from './accept-commitment.input';

@Resolver()
export class AcceptCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description: 'A steering member in office accepts an open commitment for the initiative, once.',
  })
  async acceptCommitment(
    @Args('input') input: AcceptCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new AcceptCommitmentCommand({ commitmentId: input.commitmentId }, envelope),
    );
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
