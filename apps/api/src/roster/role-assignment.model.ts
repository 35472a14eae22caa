import { type Role, ROLES } from '@accord/domain';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r.toUpperCase(), r])) as Record<
  Uppercase<Role>,
  Role
>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'A role in an initiative. STEERING_MEMBER holders in office are the voting members; SIGNATORY holders sign agreements for their partner; CHAIR is a single seat.',
});

export enum AssignmentStatus {
  ASSIGNED = 'assigned',
  RELINQUISHED = 'relinquished',
  REVOKED = 'revoked',
}
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });

@ObjectType({ description: 'A person of a partner holding a role for a term.' })
export class RoleAssignment {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'The name of a CUSTOM role.' })
  customRole!: string | null;

  @Field(() => LocalDateScalar)
  termStart!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Null: open-ended.' })
  termEnd!: string | null;

  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Field(() => DateTimeScalar)
  assignedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When relinquished or revoked.' })
  endedAt!: string | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The last day in office, when it is known.',
  })
  lastDayInOffice!: string | null;
}

@ObjectType()
export class RoleAssignmentPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => RoleAssignment, { nullable: true, description: WITHHELD })
  assignment!: RoleAssignment | null;
}
