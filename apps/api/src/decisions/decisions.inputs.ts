import { IdField, NestedField, TextField } from '../graphql/fields';
import { Field, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import {
  VOTE_CHOICES,
  type VoteChoice,
  DECISION_METHODS,
  type DecisionMethod,
} from '@accord/domain';
import { VoteChoiceEnum } from './decision.model';
import { IsIn, IsOptional } from 'class-validator';
import { IsDay } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { DecisionMethodEnum, GovernanceRulesInput } from '../initiatives/governance-rules.model';

@InputType()
export class ApplyGovernanceRulesInput extends ExistingEntityCommandInput {
  @IdField()
  initiativeId!: string;

  @IdField({ description: 'The adopted decision whose proposed rules come into force.' })
  decisionId!: string;
}

@InputType()
export class CastVoteInput extends ExistingEntityCommandInput {
  @IdField()
  decisionId!: string;

  @Field(() => VoteChoiceEnum)
  @IsIn(VOTE_CHOICES)
  choice!: VoteChoice;

  @TextField(
    { max: 5_000, multiline: true },
    { nullable: true, description: 'Why; required for BLOCK and OBJECTION.' },
  )
  reason?: string;
}

@InputType()
export class ChangeVoteInput extends ExistingEntityCommandInput {
  @IdField()
  decisionId!: string;

  @Field(() => VoteChoiceEnum)
  @IsIn(VOTE_CHOICES)
  choice!: VoteChoice;

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the vote changed.' })
  reason!: string;
}

@InputType()
export class CloseDecisionInput extends ExistingEntityCommandInput {
  @IdField()
  decisionId!: string;
}

@InputType()
export class DeclareConflictOfInterestInput extends ExistingEntityCommandInput {
  @IdField()
  decisionId!: string;

  @TextField(
    { max: 5_000, multiline: true },
    { description: 'The interest that conflicts: recorded for everyone to see.' },
  )
  reason!: string;
}

@InputType()
export class ProposeDecisionInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  decisionId?: string;

  @IdField()
  initiativeId!: string;

  @TextField({ max: 200 })
  title!: string;

  @TextField(
    { max: 10_000, multiline: true },
    { description: 'What is to be decided, in the words put to the vote.' },
  )
  motion!: string;

  @TextField({ max: 10_000, multiline: true }, { description: 'Why the motion is proposed.' })
  rationale!: string;

  @Field(() => DecisionMethodEnum, {
    nullable: true,
    description: "The initiative's default method when absent.",
  })
  @IsOptional()
  @IsIn(DECISION_METHODS)
  method?: DecisionMethod;

  @IdField({ nullable: true, description: 'The meeting where it is proposed.' })
  meetingId?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When to review the decision; not before the day it is proposed.',
  })
  @IsOptional()
  @IsDay()
  reviewDate?: string;

  @NestedField(GovernanceRulesInput, {
    nullable: true,
    description: 'A motion to change the governance rules: applied once the decision is adopted.',
  })
  proposedRules?: GovernanceRulesInput;
}

@InputType()
export class SupersedeDecisionInput extends ExistingEntityCommandInput {
  @IdField({ description: 'The adopted decision that is superseded.' })
  decisionId!: string;

  @IdField({ description: 'The later adopted decision that supersedes it.' })
  byDecisionId!: string;
}
