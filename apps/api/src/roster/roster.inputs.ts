import { IdField, TextField } from '../graphql/fields';
import type { Role } from '@accord/domain';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { CommandInput } from '../graphql/command-input';
import { IsDay } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { RoleEnum } from './role-assignment.model';

@InputType()
export class AssignRoleInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  assignmentId?: string;

  @IdField()
  initiativeId!: string;

  @IdField({ description: 'The person who takes the role.' })
  personId!: string;

  @IdField({ description: 'The member partner the person acts for in this role.' })
  partnerId!: string;

  @Field(() => RoleEnum)
  @IsIn(Object.values(RoleEnum))
  role!: Role;

  @TextField(
    { max: 200 },
    { nullable: true, description: 'The name of the role, for role CUSTOM only.' },
  )
  customRole?: string;

  @Field(() => LocalDateScalar, { description: 'First day of the term.' })
  @IsDay()
  termStart!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day of the term; none: open-ended.',
  })
  @IsOptional()
  @IsDay()
  termEnd?: string;
}

@InputType()
export class RelinquishRoleInput extends CommandInput {
  @IdField()
  initiativeId!: string;

  @IdField()
  assignmentId!: string;

  @TextField({ max: 5_000, multiline: true }, { nullable: true })
  reason?: string;
}

@InputType()
export class RevokeRoleInput extends CommandInput {
  @IdField()
  initiativeId!: string;

  @IdField()
  assignmentId!: string;

  @TextField(
    { max: 5_000, multiline: true },
    { description: 'Why the role is revoked: the roster keeps it.' },
  )
  reason!: string;
}
