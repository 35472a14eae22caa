import * as inputs from './roster.inputs';
import { RosterQueries } from './queries/roster.queries';
import { RoleAssignmentPayload } from './role-assignment.model';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const assignment = entityMutationsOf(inputs, RoleAssignmentPayload, RosterQueries, 'assignment');

export const RosterMutations = mutationsResolver('RosterMutations', [
  assignment(
    'AssignRole',
    'Assign a person of a member partner to a role for a term. A single-seat role (CHAIR) never has two holders on one day.',
  ),
  assignment(
    'RelinquishRole',
    'The holder steps down from a role; out of office from the day recorded.',
  ),
  assignment(
    'RevokeRole',
    'Revoke a role from its holder, with the reason; out of office from the day recorded.',
  ),
]);
