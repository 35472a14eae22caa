import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { InitiativePayload } from '../../initiative.model';
import { InitiativeQueries } from '../../queries/initiative.queries';
import { AmendAgendaCommand } from './amend-agenda.handler';
import { AmendAgendaInput } from './amend-agenda.input';

@Resolver()
export class AmendAgendaResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description: 'Replace the common agenda; the earlier one stays in the history.',
  })
  async amendAgenda(
    @Args('input') input: AmendAgendaInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const envelope = this.envelopes.create(input, context);
    const { initiativeId, commonAgenda } = input;
    const receipt = await this.commandBus.execute(
      new AmendAgendaCommand(
        { initiativeId, commonAgenda, reason: input.reason ?? null },
        envelope,
      ),
    );
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }
}
