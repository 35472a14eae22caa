import { END_OF_TIME, previousDay, ROLES } from '@accord/domain';
import type { RoleAssignmentView } from '@accord/projections';
import { ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import * as t from '../graphql/object-type';

export const RoleEnum = t.enumFrom(
  ROLES,
  'Role',
  'A role in an initiative. STEERING_MEMBER holders in office are the voting members; SIGNATORY holders sign agreements for their partner; CHAIR is a single seat.',
);

export const AssignmentStatus = t.enumFrom(
  ['assigned', 'relinquished', 'revoked'],
  'AssignmentStatus',
);

@ObjectType({ description: 'A person of a partner holding a role for a term.' })
export class RoleAssignment extends t.fieldsOf<RoleAssignmentView>()({
  assignmentId: t.id(),
  initiativeId: t.id(),
  personId: t.id(),
  partnerId: t.id(),
  role: t.enumOf(RoleEnum),
  customRole: t.nullable(t.text('The name of a CUSTOM role.')),
  termStart: t.localDate(),
  termEnd: t.nullable(t.localDate('Null: open-ended.')),
  status: t.enumOf(AssignmentStatus),
  assignedAt: t.dateTime(),
  endedAt: t.nullable(t.dateTime('When relinquished or revoked.')),
  endReason: t.nullable(t.text()),
  officeFrom: t.hidden(),
  officeUntil: t.hidden(),
  lastDayInOffice: t.computed(
    t.nullable(t.localDate('The last day in office, when it is known.')),
    ({ officeUntil }: RoleAssignmentView) =>
      officeUntil === END_OF_TIME ? null : previousDay(officeUntil),
  ),
}) {}

@ObjectType()
export class RoleAssignmentPayload extends payloadOf({ assignment: RoleAssignment }) {}
