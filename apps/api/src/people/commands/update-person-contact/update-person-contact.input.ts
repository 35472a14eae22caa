import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';
import { IsContactEmail, IsPersonName, IsPhone } from '../person-input.rules';

@InputType()
export class UpdatePersonContactInput extends ExistingEntityCommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Yourself when omitted; someone else needs initiativeId (backbone staff).',
  })
  @IsOptional()
  @IsEntityId()
  personId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
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
