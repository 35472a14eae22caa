import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { ReportProgressCommand } from './report-progress.handler';
import { ReportProgressInput } from './report-progress.input';

@Resolver()
export class ReportProgressResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description: 'Report progress on an open commitment, with evidence.',
  })
  async reportProgress(
    @Args('input') input: ReportProgressInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const receipt = await this.commandBus.execute(
      new ReportProgressCommand(
        { commitmentId: input.commitmentId, percent: input.percent, note: input.note },
        envelope,
      ),
    );
    return { receipt, commitment: await this.commitments.byId(input.commitmentId) };
  }
}
