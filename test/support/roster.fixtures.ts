import type { Role } from '@accord/domain';
import { expectNoErrors } from './fixtures';
import { RECEIPT } from './operations';
import { CITY_HALL, type TestApp } from './test-app';
import type { Actor } from '@accord/domain';

const ASSIGNMENT_FIELDS = `assignmentId initiativeId personId partnerId role customRole termStart termEnd
  status endedAt endReason lastDayInOffice`;

export const ASSIGN_ROLE = `mutation Assign($input: AssignRoleInput!) {
  assignRole(input: $input) { ${RECEIPT} assignment { ${ASSIGNMENT_FIELDS} } }
}`;

export const RELINQUISH_ROLE = `mutation Relinquish($input: RelinquishRoleInput!) {
  relinquishRole(input: $input) { ${RECEIPT} assignment { ${ASSIGNMENT_FIELDS} } }
}`;

export const REVOKE_ROLE = `mutation Revoke($input: RevokeRoleInput!) {
  revokeRole(input: $input) { ${RECEIPT} assignment { ${ASSIGNMENT_FIELDS} } }
}`;

export const ROSTER = `query Roster($initiativeId: ID!, $on: LocalDate) {
  roster(initiativeId: $initiativeId, on: $on) { ${ASSIGNMENT_FIELDS} }
}`;

export const ROLE_ASSIGNMENTS = `query Assignments($initiativeId: ID!) {
  roleAssignments(initiativeId: $initiativeId) { ${ASSIGNMENT_FIELDS} }
}`;

/** Assigns a role (GraphQL enum name, e.g. 'STEERING_MEMBER') and returns the assignment id. */
export async function assignRole(
  app: TestApp,
  assignment: {
    initiativeId: string;
    personId: string;
    partnerId: string;
    role: Uppercase<Role>;
    customRole?: string;
    termStart?: string;
    termEnd?: string;
  },
  actor: Actor = CITY_HALL,
): Promise<string> {
  const res = await app.gql(
    ASSIGN_ROLE,
    { input: { termStart: '2020-01-01', ...assignment } },
    actor,
  );
  expectNoErrors(res);
  return res.data.assignRole.assignment.assignmentId as string;
}
