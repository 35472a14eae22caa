import type { Role } from '@accord/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { CommandInput } from '../graphql/command-input';
import { IsDay } from '../graphql/input-bounds';
import { IsText } from '../graphql/text';
import { IsEntityId } from '../graphql/id';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { RoleEnum } from './role-assignment.model';

@InputType()
export class AssignRoleInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  assignmentId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID, { description: 'The person who takes the role.' })
  @IsEntityId()
  personId!: string;

  @Field(() => ID, { description: 'The member partner the person acts for in this role.' })
  @IsEntityId()
  partnerId!: string;

  @Field(() => RoleEnum)
  @IsIn(Object.values(RoleEnum))
  role!: Role;

  @Field({ nullable: true, description: 'The name of the role, for role CUSTOM only.' })
  @IsOptional()
  @IsText({ max: 200 })
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
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  assignmentId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsText({ max: 5_000, multiline: true })
  reason?: string;
}

@InputType()
export class RevokeRoleInput extends CommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  assignmentId!: string;

  @Field({ description: 'Why the role is revoked: the roster keeps it.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
