import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { InitiativePayload } from '../../initiative.model';
import { InitiativeQueries } from '../../queries/initiative.queries';
import { JoinInitiativeCommand } from './join-initiative.handler';
import { JoinInitiativeInput } from './join-initiative.input';

@Resolver()
export class JoinInitiativeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description: 'A partner organisation joins the initiative.',
  })
  async joinInitiative(
    @Args('input') input: JoinInitiativeInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const envelope = this.envelopes.create(input, context);
    const { initiativeId, partnerId, organisationName, sector } = input;
    const receipt = await this.commandBus.execute(
      new JoinInitiativeCommand({ initiativeId, partnerId, organisationName, sector }, envelope),
    );
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }
}
