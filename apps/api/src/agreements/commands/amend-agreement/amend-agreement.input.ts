import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class AmendAgreementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  agreementId!: string;

  @Field({ description: 'The full new text; it becomes the next version, awaiting signatures.' })
  @IsText({ max: 50_000, multiline: true })
  text!: string;

  @Field({ description: 'Why the text changes.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
