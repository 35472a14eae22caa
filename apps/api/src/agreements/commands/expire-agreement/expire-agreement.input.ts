import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class ExpireAgreementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  agreementId!: string;
}
