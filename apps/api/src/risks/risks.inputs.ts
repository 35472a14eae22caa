import { IdField, NestedListField, TextField } from '../graphql/fields';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { ENTITY_ID } from '../graphql/id';
import type { RiskCategory } from '@accord/domain';
import { IsIn, ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { IsScore } from '../graphql/input-bounds';
import { RiskCategoryEnum } from './risk.model';
import { PartnerShareInput } from './partner-share';

@InputType()
export class CloseRiskInput extends ExistingEntityCommandInput {
  @IdField()
  riskId!: string;

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the risk is closed.' })
  reason!: string;
}

@InputType()
export class IdentifyRiskInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  riskId?: string;

  @IdField()
  initiativeId!: string;

  @TextField({ max: 300 })
  title!: string;

  @TextField({ max: 5_000, multiline: true })
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

  @IdField({ description: 'The member partner that owns the risk.' })
  ownerPartnerId!: string;
}

@InputType()
export class MaterialiseRiskInput extends ExistingEntityCommandInput {
  @IdField()
  riskId!: string;

  @TextField({ max: 5_000, multiline: true }, { description: 'What happened.' })
  description!: string;
}

@InputType()
export class PlanMitigationInput extends ExistingEntityCommandInput {
  @IdField()
  riskId!: string;

  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  mitigationId?: string;

  @TextField({ max: 5_000, multiline: true })
  description!: string;

  @Field(() => [ID], {
    description: 'Commitments of the same initiative that carry the mitigation out.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ENTITY_ID, { each: true, message: 'each commitment id must be a valid id' })
  commitmentIds!: string[];
}

@InputType()
export class ReassessRiskInput extends ExistingEntityCommandInput {
  @IdField()
  riskId!: string;

  @Field(() => Int, { description: 'Whole number from 1 (rare) to 5 (almost certain).' })
  @IsScore()
  likelihood!: number;

  @Field(() => Int, { description: 'Whole number from 1 (minor) to 5 (severe).' })
  @IsScore()
  impact!: number;

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the assessment changed.' })
  reason!: string;
}

@InputType()
export class ShareRiskOwnershipInput extends ExistingEntityCommandInput {
  @IdField()
  riskId!: string;

  @NestedListField(PartnerShareInput, 200, {
    description:
      'Member partners and their shares, adding to exactly 100 %; replaces any earlier sharing.',
  })
  shares!: PartnerShareInput[];
}
