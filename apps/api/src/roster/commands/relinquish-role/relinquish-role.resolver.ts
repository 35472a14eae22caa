import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { RosterQueries } from '../../queries/roster.queries';
import { RoleAssignmentPayload } from '../../role-assignment.model';
import { RelinquishRoleCommand } from './relinquish-role.handler';
import { RelinquishRoleInput } from './relinquish-role.input';

@Resolver()
export class RelinquishRoleResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly roster: RosterQueries,
  ) {}

  @Mutation(() => RoleAssignmentPayload, {
    description: 'The holder steps down from a role; out of office from the day recorded.',
  })
  async relinquishRole(
    @Args('input') input: RelinquishRoleInput,
    @RequestContext() context: AccordContext,
  ): Promise<RoleAssignmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const { initiativeId, assignmentId } = input;
    const receipt = await this.commandBus.execute(
      new RelinquishRoleCommand(
        { initiativeId, assignmentId, reason: input.reason ?? null },
        envelope,
      ),
    );
    return { receipt, assignment: await this.roster.byId(assignmentId) };
  }
}
