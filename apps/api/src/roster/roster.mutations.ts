import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context.decorator';
import type { AccordContext } from '../graphql/accord-context';
import { deriveEntityId } from '../ledger/streams';
import { RosterQueries } from './queries/roster.queries';
import { RoleAssignmentPayload } from './role-assignment.model';
import { AssignRoleInput, RelinquishRoleInput, RevokeRoleInput } from './roster.inputs';
import { Commands } from '../ledger/ledger-command';

@Resolver()
export class RosterMutations {
  constructor(
    private readonly commands: Commands,
    private readonly roster: RosterQueries,
  ) {}

  @Mutation(() => RoleAssignmentPayload, {
    description:
      'Assign a person of a member partner to a role for a term. A single-seat role (CHAIR) never has two holders on one day.',
  })
  async assignRole(
    @Args('input') input: AssignRoleInput,
    @RequestContext() context: AccordContext,
  ): Promise<RoleAssignmentPayload> {
    const envelope = this.commands.envelope(input, context);
    const assignmentId = input.assignmentId ?? deriveEntityId(envelope.commandId, 'assignment');
    const receipt = await this.commands.run(
      'AssignRole',
      {
        assignmentId,
        initiativeId: input.initiativeId,
        personId: input.personId,
        partnerId: input.partnerId,
        role: input.role,
        customRole: input.customRole ?? null,
        termStart: input.termStart,
        termEnd: input.termEnd ?? null,
      },
      envelope,
    );
    return { receipt, assignment: await this.roster.byId(assignmentId) };
  }

  @Mutation(() => RoleAssignmentPayload, {
    description: 'The holder steps down from a role; out of office from the day recorded.',
  })
  async relinquishRole(
    @Args('input') input: RelinquishRoleInput,
    @RequestContext() context: AccordContext,
  ): Promise<RoleAssignmentPayload> {
    const { initiativeId, assignmentId } = input;
    const receipt = await this.commands.send('RelinquishRole', input, context, {
      initiativeId,
      assignmentId,
      reason: input.reason ?? null,
    });
    return { receipt, assignment: await this.roster.byId(assignmentId) };
  }

  @Mutation(() => RoleAssignmentPayload, {
    description:
      'Revoke a role from its holder, with the reason; out of office from the day recorded.',
  })
  async revokeRole(
    @Args('input') input: RevokeRoleInput,
    @RequestContext() context: AccordContext,
  ): Promise<RoleAssignmentPayload> {
    const { initiativeId, assignmentId } = input;
    const receipt = await this.commands.send('RevokeRole', input, context, {
      initiativeId,
      assignmentId,
      reason: input.reason,
    });
    return { receipt, assignment: await this.roster.byId(assignmentId) };
  }
}
