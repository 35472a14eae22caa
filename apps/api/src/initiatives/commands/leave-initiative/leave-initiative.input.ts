import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class LeaveInitiativeInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsText({ max: 2_000, multiline: true })
  reason?: string;
}
