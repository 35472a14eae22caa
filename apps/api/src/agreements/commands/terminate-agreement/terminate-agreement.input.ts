import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class TerminateAgreementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  agreementId!: string;

  @Field({ description: 'Why the party terminates: the other parties are owed an explanation.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
