import type { RiskCategory } from '@accord/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsScore } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { RiskCategoryEnum } from '../../risk.model';

@InputType()
export class IdentifyRiskInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  riskId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field()
  @IsText({ max: 300 })
  title!: string;

  @Field()
  @IsText({ max: 5_000, multiline: true })
  description!: string;

  @Field(() => RiskCategoryEnum)
  @IsIn(Object.values(RiskCategoryEnum))
  category!: RiskCategory;

  @Field(() => Int, { description: 'Whole number from 1 (rare) to 5 (almost certain).' })
  @IsScore()
  likelihood!: number;

  @Field(() => Int, { description: 'Whole number from 1 (minor) to 5 (severe).' })
  @IsScore()
  impact!: number;

  @Field(() => ID, { description: 'The member partner that owns the risk.' })
  @IsEntityId()
  ownerPartnerId!: string;
}
