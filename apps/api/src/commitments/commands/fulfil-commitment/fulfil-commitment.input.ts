import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class FulfilCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ nullable: true, description: 'How it was delivered, and the evidence.' })
  @IsOptional()
  @IsText({ max: 5_000, multiline: true })
  note?: string;
}
