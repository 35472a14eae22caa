import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class FulfilCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ nullable: true, description: 'How it was delivered, and the evidence.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5_000)
  note?: string;
}
