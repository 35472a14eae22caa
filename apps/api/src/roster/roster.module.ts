import { Module } from '@nestjs/common';
import { AssignRoleHandler } from './commands/assign-role/assign-role.handler';
import { AssignRoleResolver } from './commands/assign-role/assign-role.resolver';
import { RelinquishRoleHandler } from './commands/relinquish-role/relinquish-role.handler';
import { RelinquishRoleResolver } from './commands/relinquish-role/relinquish-role.resolver';
import { RevokeRoleHandler } from './commands/revoke-role/revoke-role.handler';
import { RevokeRoleResolver } from './commands/revoke-role/revoke-role.resolver';
import { RosterQueries } from './queries/roster.queries';
import {
  InitiativeRosterResolver,
  PartnerRolesResolver,
  RosterResolver,
} from './queries/roster.resolver';

@Module({
  providers: [
    RosterQueries,
    RosterResolver,
    InitiativeRosterResolver,
    PartnerRolesResolver,
    AssignRoleHandler,
    AssignRoleResolver,
    RelinquishRoleHandler,
    RelinquishRoleResolver,
    RevokeRoleHandler,
    RevokeRoleResolver,
  ],
  exports: [RosterQueries],
})
export class RosterModule {}
