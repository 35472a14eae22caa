import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
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
  @IsText({ max: 5_000, multiline: true })
  reason?: string;
}
