import { InputType } from '@nestjs/graphql';
import { chosenId, commandInput } from '../graphql/command-input';
import { day, entityId, line, member, optional, prose } from '../graphql/input-type';
import { RoleEnum } from './role-assignment.model';

@InputType()
export class AssignRoleInput extends commandInput({
  assignmentId: chosenId('assignment'),
  initiativeId: entityId(),
  personId: entityId('The person who takes the role.'),
  partnerId: entityId('The member partner the person acts for in this role.'),
  role: member(RoleEnum),
  customRole: optional(line(200), 'The name of the role, for role CUSTOM only.'),
  termStart: day('First day of the term.'),
  termEnd: optional(day('Last day of the term; none: open-ended.')),
}) {}

@InputType()
export class RelinquishRoleInput extends commandInput({
  initiativeId: entityId(),
  assignmentId: entityId(),
  reason: optional(prose(5_000)),
}) {}

@InputType()
export class RevokeRoleInput extends commandInput({
  initiativeId: entityId(),
  assignmentId: entityId(),
  reason: prose(5_000, 'Why the role is revoked: the roster keeps it.'),
}) {}
