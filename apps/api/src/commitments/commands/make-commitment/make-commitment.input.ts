import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsDay, IsHours } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { LocalDateScalar } from '../../../graphql/local-date.scalar';

@InputType()
export class MoneyInput {
  @Field({
    description: 'Non-negative decimal amount, e.g. "25000.50" (a string: money is never a float).',
  })
  @Matches(/^\d{1,18}(\.\d{1,4})?$/, {
    message: 'amount must be a non-negative decimal such as 1250.00',
  })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. USD.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency!: string;
}

@InputType()
export class ResourcesInput {
  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  money?: MoneyInput;

  @Field({ nullable: true, description: 'What is given in kind, in words.' })
  @IsOptional()
  @IsText({ max: 2_000, multiline: true })
  inKind?: string;

  @Field(() => Float, { nullable: true, description: 'Hours of work pledged.' })
  @IsOptional()
  @IsHours()
  hours?: number;
}

@InputType()
export class MakeCommitmentInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  commitmentId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID, { description: 'The partner that commits; the actor must act for it.' })
  @IsEntityId()
  partnerId!: string;

  @Field()
  @IsText({ max: 5_000, multiline: true })
  description!: string;

  @Field(() => ResourcesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourcesInput)
  resources?: ResourcesInput;

  @Field(() => LocalDateScalar)
  @IsDay()
  dueDate!: string;
}
