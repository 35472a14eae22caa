import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { toDomainRules } from '../../governance-rules.model';
import { InitiativePayload } from '../../initiative.model';
import { InitiativeQueries } from '../../queries/initiative.queries';
import { LaunchInitiativeCommand } from './launch-initiative.handler';
import { LaunchInitiativeInput } from './launch-initiative.input';

@Resolver()
export class LaunchInitiativeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description: 'Launch an initiative with its problem statement and common agenda.',
  })
  async launchInitiative(
    @Args('input') input: LaunchInitiativeInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const envelope = this.envelopes.create(input, context);
    const initiativeId = input.initiativeId ?? deriveEntityId(envelope.commandId, 'initiative');
    const { name, problemStatement, commonAgenda, governanceRules } = input;
    const receipt = await this.commandBus.execute(
      new LaunchInitiativeCommand(
        {
          initiativeId,
          name,
          problemStatement,
          commonAgenda,
          ...(governanceRules ? { governanceRules: toDomainRules(governanceRules) } : {}),
        },
        envelope,
      ),
    );
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }
}
