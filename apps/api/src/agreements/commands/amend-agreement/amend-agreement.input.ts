import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class AmendAgreementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  agreementId!: string;

  @Field({ description: 'The full new text; it becomes the next version, awaiting signatures.' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(50_000)
  text!: string;

  @Field({ description: 'Why the text changes.' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(5_000)
  reason!: string;
}
