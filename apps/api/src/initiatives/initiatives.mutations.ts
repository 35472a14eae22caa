import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { InitiativePayload } from './initiative.model';
import { InitiativeQueries } from './queries/initiative.queries';
import { AmendAgendaInput, JoinInitiativeInput, LaunchInitiativeInput, LeaveInitiativeInput } from './initiatives.inputs';
import { deriveEntityId } from '../ledger/streams';
import { toDomainRules } from './governance-rules.model';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class InitiativesMutations {
  constructor(
    private readonly commands: Commands,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Mutation(() => InitiativePayload, {
    description: 'Replace the common agenda; the earlier one stays in the history.',
  })
  async amendAgenda(
    @Args('input') input: AmendAgendaInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const { initiativeId, commonAgenda } = input;
    const receipt = await this.commands.send('AmendAgenda', input, context, {
      initiativeId,
      commonAgenda,
      reason: input.reason ?? null,
    });
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }

  @Mutation(() => InitiativePayload, {
    description: 'A partner organisation joins the initiative.',
  })
  async joinInitiative(
    @Args('input') input: JoinInitiativeInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const { initiativeId, partnerId, organisationName, sector } = input;
    const receipt = await this.commands.send('JoinInitiative', input, context, {
      initiativeId,
      partnerId,
      organisationName,
      sector,
    });
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }

  @Mutation(() => InitiativePayload, {
    description: 'Launch an initiative with its problem statement and common agenda.',
  })
  async launchInitiative(
    @Args('input') input: LaunchInitiativeInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const envelope = this.commands.envelope(input, context);
    const initiativeId = input.initiativeId ?? deriveEntityId(envelope.commandId, 'initiative');
    const { name, problemStatement, commonAgenda, governanceRules } = input;
    const receipt = await this.commands.run(
      'LaunchInitiative',
      {
        initiativeId,
        name,
        problemStatement,
        commonAgenda,
        ...(governanceRules ? { governanceRules: toDomainRules(governanceRules) } : {}),
      },
      envelope,
    );
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }

  @Mutation(() => InitiativePayload, {
    description: 'A partner leaves; its history and commitments stay.',
  })
  async leaveInitiative(
    @Args('input') input: LeaveInitiativeInput,
    @RequestContext() context: AccordContext,
  ): Promise<InitiativePayload> {
    const { initiativeId, partnerId } = input;
    const receipt = await this.commands.send('LeaveInitiative', input, context, {
      initiativeId,
      partnerId,
      reason: input.reason ?? null,
    });
    return { receipt, initiative: await this.initiatives.byId(initiativeId) };
  }
}
