import { DomainError, type Money, parseMoney } from '@accord/domain';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { InputValidationError } from '../../../graphql/input-validation';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { CommitmentPayload } from '../../commitment.model';
import { CommitmentQueries } from '../../queries/commitment.queries';
import { MakeCommitmentCommand } from './make-commitment.handler';
import { MakeCommitmentInput, type MoneyInput } from './make-commitment.input';

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
export class MakeCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly commitments: CommitmentQueries,
  ) {}

  @Mutation(() => CommitmentPayload, {
    description: 'A partner commits to do something, with resources, by a due date.',
  })
  async makeCommitment(
    @Args('input') input: MakeCommitmentInput,
    @RequestContext() context: AccordContext,
  ): Promise<CommitmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const commitmentId = input.commitmentId ?? deriveEntityId(envelope.commandId, 'commitment');
    const resources = {
      money: toMoney(input.resources?.money),
      inKind: input.resources?.inKind ?? null,
      hours: input.resources?.hours ?? null,
    };
    const { initiativeId, partnerId, description, dueDate } = input;
    const receipt = await this.commandBus.execute(
      new MakeCommitmentCommand(
        { commitmentId, initiativeId, partnerId, description, resources, dueDate },
        envelope,
      ),
    );
    return { receipt, commitment: await this.commitments.byId(commitmentId) };
  }
}
