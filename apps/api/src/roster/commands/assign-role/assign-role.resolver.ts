import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../../auth/request-context.decorator';
import type { AccordContext } from '../../../graphql/accord-context';
import { EnvelopeFactory } from '../../../ledger/envelope.factory';
import { deriveEntityId } from '../../../ledger/streams';
import { RosterQueries } from '../../queries/roster.queries';
import { RoleAssignmentPayload } from '../../role-assignment.model';
import { AssignRoleCommand } from './assign-role.handler';
import { AssignRoleInput } from './assign-role.input';

@Resolver()
export class AssignRoleResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: EnvelopeFactory,
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
    const envelope = this.envelopes.create(input, context);
    const assignmentId = input.assignmentId ?? deriveEntityId(envelope.commandId, 'assignment');
    const receipt = await this.commandBus.execute(
      new AssignRoleCommand(
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
      ),
    );
    return { receipt, assignment: await this.roster.byId(assignmentId) };
  }
}
