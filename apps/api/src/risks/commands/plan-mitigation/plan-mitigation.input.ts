import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { ENTITY_ID, IsEntityId } from '../../../graphql/id';

@InputType()
export class PlanMitigationInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  mitigationId?: string;

  @Field()
  @IsText({ max: 5_000, multiline: true })
  description!: string;

  @Field(() => [ID], {
    description: 'Commitments of the same initiative that carry the mitigation out.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ENTITY_ID, { each: true, message: 'each commitment id must be a valid id' })
  commitmentIds!: string[];
}
