import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { InitiativePayload } from '../../initiative.model';
import { InitiativeQueries } from '../../queries/initiative.queries';
import { LeaveInitiativeCommand } from './leave-initiative.handler';
import { LeaveInitiativeInput } from './leave-initiative.input';

@Resolver()
export class LeaveInitiativeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description: 'A partner leaves; its history and commitments stay.',
  })
  async leaveInitiative(
    @Args('input') input: LeaveInitiativeInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const envelope = this.envelopes.create(input, context);
    const { initiativeId, partnerId } = input;
    const receipt = await this.commandBus.execute(
      new LeaveInitiativeCommand(
        { initiativeId, partnerId, reason: input.reason ?? null },
        envelope,
      ),
    );
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }
}
