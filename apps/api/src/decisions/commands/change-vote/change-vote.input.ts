import { VOTE_CHOICES, type VoteChoice } from '@accord/domain';
import { VoteChoiceEnum } from '../../decision.model';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

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
