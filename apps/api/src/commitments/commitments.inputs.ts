import { Field, ID, InputType, Float, Int } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsEntityId } from '../graphql/id';
import { IsOptional, Matches, ValidateNested, IsInt, Max, Min } from 'class-validator';
import { IsText } from '../graphql/text';
import { Type } from 'class-transformer';
import { IsDay, IsHours } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';

@InputType()
export class AcceptCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;
}

@InputType()
export class FulfilCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ nullable: true, description: 'How it was delivered, and the evidence.' })
  @IsOptional()
  @IsText({ max: 5_000, multiline: true })
  note?: string;
}

@InputType()
export class LinkCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An indicator of the same initiative that this commitment serves.',
  })
  @IsOptional()
  @IsEntityId()
  indicatorId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A decision of the same initiative that asked for this commitment.',
  })
  @IsOptional()
  @IsEntityId()
  decisionId?: string | null;
}

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

@InputType()
export class MissCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ description: 'What happened: partners are owed an account of the miss.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}

@InputType()
export class ReportProgressInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field(() => Int, { description: 'Progress so far, 0 to 100.' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @Field({ description: 'What was done, and the evidence for it.' })
  @IsText({ max: 5_000, multiline: true })
  note!: string;
}

@InputType()
export class ReviseCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The new due date, not before the day of the revision; omit to keep it.',
  })
  @IsOptional()
  @IsDay()
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The new scope; omit to keep it.' })
  @IsOptional()
  @IsText({ max: 5_000, multiline: true })
  description?: string | null;

  @Field({ description: 'Why the commitment changes.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}

@InputType()
export class WithdrawCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ description: 'Why the partner withdraws: partners are owed an explanation.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
