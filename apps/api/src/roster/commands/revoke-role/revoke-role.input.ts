import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class RevokeRoleInput extends CommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  assignmentId!: string;

  @Field({ description: 'Why the role is revoked: the roster keeps it.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
