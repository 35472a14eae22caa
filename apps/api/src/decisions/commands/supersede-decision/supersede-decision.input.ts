import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class SupersedeDecisionInput extends ExistingEntityCommandInput {
  @Field(() => ID, { description: 'The adopted decision that is superseded.' })
  @IsEntityId()
  decisionId!: string;

  @Field(() => ID, { description: 'The later adopted decision that supersedes it.' })
  @IsEntityId()
  byDecisionId!: string;
}
