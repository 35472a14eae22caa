import { IdField, NestedField, TextField } from '../graphql/fields';
import { Field, InputType, Float, Int } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsOptional, Matches, IsInt, Max, Min } from 'class-validator';
import { IsDay, IsHours } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';

@InputType()
export class AcceptCommitmentInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;
}

@InputType()
export class FulfilCommitmentInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;

  @TextField(
    { max: 5_000, multiline: true },
    { nullable: true, description: 'How it was delivered, and the evidence.' },
  )
  note?: string;
}

@InputType()
export class LinkCommitmentInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;

  @IdField({
    nullable: true,
    description: 'An indicator of the same initiative that this commitment serves.',
  })
  indicatorId?: string | null;

  @IdField({
    nullable: true,
    description: 'A decision of the same initiative that asked for this commitment.',
  })
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
  @NestedField(MoneyInput, { nullable: true })
  money?: MoneyInput;

  @TextField(
    { max: 2_000, multiline: true },
    { nullable: true, description: 'What is given in kind, in words.' },
  )
  inKind?: string;

  @Field(() => Float, { nullable: true, description: 'Hours of work pledged.' })
  @IsOptional()
  @IsHours()
  hours?: number;
}

@InputType()
export class MakeCommitmentInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  commitmentId?: string;

  @IdField()
  initiativeId!: string;

  @IdField({ description: 'The partner that commits; the actor must act for it.' })
  partnerId!: string;

  @TextField({ max: 5_000, multiline: true })
  description!: string;

  @NestedField(ResourcesInput, { nullable: true })
  resources?: ResourcesInput;

  @Field(() => LocalDateScalar)
  @IsDay()
  dueDate!: string;
}

@InputType()
export class MissCommitmentInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;

  @TextField(
    { max: 5_000, multiline: true },
    { description: 'What happened: partners are owed an account of the miss.' },
  )
  reason!: string;
}

@InputType()
export class ReportProgressInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;

  @Field(() => Int, { description: 'Progress so far, 0 to 100.' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @TextField(
    { max: 5_000, multiline: true },
    { description: 'What was done, and the evidence for it.' },
  )
  note!: string;
}

@InputType()
export class ReviseCommitmentInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The new due date, not before the day of the revision; omit to keep it.',
  })
  @IsOptional()
  @IsDay()
  dueDate?: string | null;

  @TextField(
    { max: 5_000, multiline: true },
    { nullable: true, description: 'The new scope; omit to keep it.' },
  )
  description?: string | null;

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the commitment changes.' })
  reason!: string;
}

@InputType()
export class WithdrawCommitmentInput extends ExistingEntityCommandInput {
  @IdField()
  commitmentId!: string;

  @TextField(
    { max: 5_000, multiline: true },
    { description: 'Why the partner withdraws: partners are owed an explanation.' },
  )
  reason!: string;
}
