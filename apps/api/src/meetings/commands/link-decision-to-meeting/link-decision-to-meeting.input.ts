import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class LinkDecisionToMeetingInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  meetingId!: string;

  @Field(() => ID, { description: 'A decision of the same initiative, taken at the meeting.' })
  @IsEntityId()
  decisionId!: string;
}
