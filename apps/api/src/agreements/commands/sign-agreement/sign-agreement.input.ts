import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class SignAgreementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  agreementId!: string;

  @Field(() => ID, {
    description: 'The party signing; the actor must act for it and hold its SIGNATORY role.',
  })
  @IsEntityId()
  partnerId!: string;

  @Field(() => Int, {
    description: 'The version of the text being signed: it must be the current one.',
  })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  version!: number;
}
