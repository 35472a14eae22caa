import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { RosterQueries } from '../../queries/roster.queries';
import { RoleAssignmentPayload } from '../../role-assignment.model';
import { RevokeRoleCommand } from './revoke-role.handler';
import { RevokeRoleInput } from './revoke-role.input';

@Resolver()
export class RevokeRoleResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
    private readonly roster: RosterQueries,
  ) {}

  @Mutation(() => RoleAssignmentPayload, {
    description:
      'Revoke a role from its holder, with the reason; out of office from the day recorded.',
  })
  async revokeRole(
    @Args('input') input: RevokeRoleInput,
    @RequestContext() context: AccordContext,
  ): Promise<RoleAssignmentPayload> {
    const envelope = this.envelopes.create(input, context);
    const { initiativeId, assignmentId } = input;
    const receipt = await this.commandBus.execute(
      new RevokeRoleCommand({ initiativeId, assignmentId, reason: input.reason }, envelope),
    );
    return { receipt, assignment: await this.roster.byId(assignmentId) };
  }
}
