import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class DeclareConflictOfInterestInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  decisionId!: string;

  @Field({ description: 'The interest that conflicts: recorded for everyone to see.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
