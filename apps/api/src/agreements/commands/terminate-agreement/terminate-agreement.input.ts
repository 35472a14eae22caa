import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class TerminateAgreementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  agreementId!: string;

  @Field({ description: 'Why the party terminates: the other parties are owed an explanation.' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(5_000)
  reason!: string;
}
