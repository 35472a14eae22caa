import { END_OF_TIME, previousDay, ROLES } from '@accord/domain';
import type { RoleAssignmentView } from '@accord/projections';
import { ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import {
  computed,
  hidden,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  id,
  localDate,
  nullable,
  text,
} from '../graphql/object-type';

export const RoleEnum = enumFrom(
  ROLES,
  'Role',
  'A role in an initiative. STEERING_MEMBER holders in office are the voting members; SIGNATORY holders sign agreements for their partner; CHAIR is a single seat.',
);

export const AssignmentStatus = enumFrom(
  ['assigned', 'relinquished', 'revoked'],
  'AssignmentStatus',
);

@ObjectType({ description: 'A person of a partner holding a role for a term.' })
export class RoleAssignment extends fieldsOf<RoleAssignmentView>()({
  assignmentId: id(),
  initiativeId: id(),
  personId: id(),
  partnerId: id(),
  role: enumOf(RoleEnum),
  customRole: nullable(text('The name of a CUSTOM role.')),
  termStart: localDate(),
  termEnd: nullable(localDate('Null: open-ended.')),
  status: enumOf(AssignmentStatus),
  assignedAt: dateTime(),
  endedAt: nullable(dateTime('When relinquished or revoked.')),
  endReason: nullable(text()),
  officeFrom: hidden(),
  officeUntil: hidden(),
  lastDayInOffice: computed(
    nullable(localDate('The last day in office, when it is known.')),
    ({ officeUntil }: RoleAssignmentView) =>
      officeUntil === END_OF_TIME ? null : previousDay(officeUntil),
  ),
}) {}

@ObjectType()
export class RoleAssignmentPayload extends payloadOf({ assignment: RoleAssignment }) {}
