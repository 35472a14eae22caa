import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsEntityId } from '../graphql/id';
import {
  VOTE_CHOICES,
  type VoteChoice,
  DECISION_METHODS,
  type DecisionMethod,
} from '@accord/domain';
import { VoteChoiceEnum } from './decision.model';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsText } from '../graphql/text';
import { Type } from 'class-transformer';
import { IsDay } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { DecisionMethodEnum, GovernanceRulesInput } from '../initiatives/governance-rules.model';

@InputType()
export class ApplyGovernanceRulesInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID, { description: 'The adopted decision whose proposed rules come into force.' })
  @IsEntityId()
  decisionId!: string;
}

@InputType()
export class CastVoteInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;

  @Field(() => VoteChoiceEnum)
  @IsIn(VOTE_CHOICES)
  choice!: VoteChoice;

  @Field({ nullable: true, description: 'Why; required for BLOCK and OBJECTION.' })
  @IsOptional()
  @IsText({ max: 5_000, multiline: true })
  reason?: string;
}

@InputType()
export class ChangeVoteInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;

  @Field(() => VoteChoiceEnum)
  @IsIn(VOTE_CHOICES)
  choice!: VoteChoice;

  @Field({ description: 'Why the vote changed.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}

@InputType()
export class CloseDecisionInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;
}

@InputType()
export class DeclareConflictOfInterestInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;

  @Field({ description: 'The interest that conflicts: recorded for everyone to see.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}

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

@InputType()
export class SupersedeDecisionInput extends ExistingEntityCommandInput {
  @Field(() => ID, { description: 'The adopted decision that is superseded.' })
  @IsEntityId()
  decisionId!: string;

  @Field(() => ID, { description: 'The later adopted decision that supersedes it.' })
  @IsEntityId()
  byDecisionId!: string;
}
