import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';
import { IsContactEmail, IsPersonName, IsPhone } from '../person-input.rules';

@InputType()
export class RegisterPersonInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The person registered; yourself (the person of your token) when omitted. Someone else needs initiativeId, of which you are backbone staff.',
  })
  @IsOptional()
  @IsEntityId()
  personId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The initiative whose backbone staff you are, to register someone else.',
  })
  @IsOptional()
  @IsEntityId()
  initiativeId?: string;

  @Field({ description: 'Personal data: sealed in the ledger with the person’s own key.' })
  @IsPersonName()
  name!: string;

  @Field({ description: 'Personal data, sealed like the name.' })
  @IsContactEmail()
  email!: string;

  @Field(() => String, { nullable: true, description: 'Personal data, sealed like the name.' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;
}
