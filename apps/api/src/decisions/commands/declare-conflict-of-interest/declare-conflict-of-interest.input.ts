import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class DeclareConflictOfInterestInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;

  @Field({ description: 'The interest that conflicts: recorded for everyone to see.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
