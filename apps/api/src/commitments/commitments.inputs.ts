import { InputType, Float } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import { IsHours } from '../graphql/input-bounds';
import {
  day,
  entityId,
  field,
  inputOf,
  nested,
  optional,
  prose,
  whole,
} from '../graphql/input-type';

@InputType()
export class AcceptCommitmentInput extends entityCommandInput({ commitmentId: entityId() }) {}

@InputType()
export class FulfilCommitmentInput extends entityCommandInput({
  commitmentId: entityId(),
  note: optional(prose(5_000), 'How it was delivered, and the evidence.'),
}) {}

@InputType()
export class LinkCommitmentInput extends entityCommandInput({
  commitmentId: entityId(),
  indicatorId: optional(
    entityId('An indicator of the same initiative that this commitment serves.'),
  ),
  decisionId: optional(
    entityId('A decision of the same initiative that asked for this commitment.'),
  ),
}) {}

@InputType()
export class MoneyInput extends inputOf({
  amount: field<string>(
    () => String,
    'Non-negative decimal amount, e.g. "25000.50" (a string: money is never a float).',
    Matches(/^\d{1,18}(\.\d{1,4})?$/, {
      message: 'amount must be a non-negative decimal such as 1250.00',
    }),
  ),
  currency: field<string>(
    () => String,
    'ISO 4217 currency code, e.g. USD.',
    Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' }),
  ),
}) {}

@InputType()
export class ResourcesInput extends inputOf({
  money: optional(nested(MoneyInput)),
  inKind: optional(prose(2_000), 'What is given in kind, in words.'),
  hours: optional(field<number>(() => Float, 'Hours of work pledged.', IsHours())),
}) {}

@InputType()
export class MakeCommitmentInput extends commandInput({
  commitmentId: chosenId('commitment'),
  initiativeId: entityId(),
  partnerId: entityId('The partner that commits; the actor must act for it.'),
  description: prose(5_000),
  resources: optional(nested(ResourcesInput)),
  dueDate: day(),
}) {}

@InputType()
export class MissCommitmentInput extends entityCommandInput({
  commitmentId: entityId(),
  reason: prose(5_000, 'What happened: partners are owed an account of the miss.'),
}) {}

@InputType()
export class ReportProgressInput extends entityCommandInput({
  commitmentId: entityId(),
  percent: whole('Progress so far, 0 to 100.', IsInt(), Min(0), Max(100)),
  note: prose(5_000, 'What was done, and the evidence for it.'),
}) {}

@InputType()
export class ReviseCommitmentInput extends entityCommandInput({
  commitmentId: entityId(),
  dueDate: optional(day('The new due date, not before the day of the revision; omit to keep it.')),
  description: optional(prose(5_000), 'The new scope; omit to keep it.'),
  reason: prose(5_000, 'Why the commitment changes.'),
}) {}

@InputType()
export class WithdrawCommitmentInput extends entityCommandInput({
  commitmentId: entityId(),
  reason: prose(5_000, 'Why the partner withdraws: partners are owed an explanation.'),
}) {}
