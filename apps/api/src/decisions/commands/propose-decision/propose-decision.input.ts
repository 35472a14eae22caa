import { DECISION_METHODS, type DecisionMethod } from '@accord/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsDay } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { LocalDateScalar } from '../../../graphql/local-date.scalar';
import {
  DecisionMethodEnum,
  GovernanceRulesInput,
} from '../../../initiatives/governance-rules.model';

@InputType()
export class ProposeDecisionInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  decisionId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field()
  @IsText({ max: 200 })
  title!: string;

  @Field({ description: 'What is to be decided, in the words put to the vote.' })
  @IsText({ max: 10_000, multiline: true })
  motion!: string;

  @Field({ description: 'Why the motion is proposed.' })
  @IsText({ max: 10_000, multiline: true })
  rationale!: string;

  @Field(() => DecisionMethodEnum, {
    nullable: true,
    description: "The initiative's default method when absent.",
  })
  @IsOptional()
  @IsIn(DECISION_METHODS)
  method?: DecisionMethod;

  @Field(() => ID, { nullable: true, description: 'The meeting where it is proposed.' })
  @IsOptional()
  @IsEntityId()
  meetingId?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When to review the decision; not before the day it is proposed.',
  })
  @IsOptional()
  @IsDay()
  reviewDate?: string;

  @Field(() => GovernanceRulesInput, {
    nullable: true,
    description: 'A motion to change the governance rules: applied once the decision is adopted.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GovernanceRulesInput)
  proposedRules?: GovernanceRulesInput;
}
