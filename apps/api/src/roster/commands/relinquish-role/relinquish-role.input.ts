import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

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
  @IsNotEmpty()
  @MaxLength(5_000)
  reason?: string;
}
