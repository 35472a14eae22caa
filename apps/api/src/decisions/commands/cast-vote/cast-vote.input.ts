import { VOTE_CHOICES, type VoteChoice } from '@accord/domain';
import { VoteChoiceEnum } from '../../decision.model';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

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
