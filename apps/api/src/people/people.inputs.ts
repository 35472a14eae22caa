import { IdField, TextField } from '../graphql/fields';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsContactEmail, IsPersonName, IsPhone } from './person-input.rules';

@InputType()
export class ForgetPersonInput extends ExistingEntityCommandInput {
  @IdField({ description: 'The person to forget: yourself, or someone else as staff.' })
  personId!: string;

  @IdField({
    nullable: true,
    description: 'The initiative whose backbone staff you are, to forget someone else.',
  })
  initiativeId?: string;

  @TextField(
    { max: 2_000, multiline: true },
    {
      description:
        'Why, kept in the ledger in plaintext (e.g. "asked to be forgotten"): do not put personal data in it.',
    },
  )
  reason!: string;
}

@InputType()
export class RegisterPersonInput extends CommandInput {
  @IdField({
    nullable: true,
    description:
      'The person registered; yourself (the person of your token) when omitted. Someone else needs initiativeId, of which you are backbone staff.',
  })
  personId?: string;

  @IdField({
    nullable: true,
    description: 'The initiative whose backbone staff you are, to register someone else.',
  })
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

@InputType()
export class UpdatePersonContactInput extends ExistingEntityCommandInput {
  @IdField({
    nullable: true,
    description: 'Yourself when omitted; someone else needs initiativeId (backbone staff).',
  })
  personId?: string;

  @IdField({ nullable: true })
  initiativeId?: string;

  @Field({ nullable: true, description: 'A new name; unchanged when omitted.' })
  @IsOptional()
  @IsPersonName()
  name?: string;

  @Field({ nullable: true, description: 'A new email; unchanged when omitted.' })
  @IsOptional()
  @IsContactEmail()
  email?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new phone; unchanged when omitted; null removes it.',
  })
  @IsOptional()
  @IsPhone()
  phone?: string | null;
}
