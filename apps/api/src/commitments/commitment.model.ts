import { connectionOf } from '../graphql/pagination';
import { IdField } from '../graphql/fields';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { type CommitmentStatus as DomainCommitmentStatus, formatMoney } from '@accord/domain';
import type { CommitmentRevisionView, CommitmentView } from '@accord/projections';
import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { PageArgs } from '../graphql/pagination';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

export enum CommitmentStatus {
  OPEN = 'open',
  FULFILLED = 'fulfilled',
  WITHDRAWN = 'withdrawn',
  MISSED = 'missed',
}
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus' });

@ObjectType({ description: 'An amount of money; never a float.' })
export class Money {
  @Field({ description: 'Decimal amount, e.g. "25000.50".' })
  amount!: string;

  @Field({ description: 'Integer amount in minor units (cents), as a string.' })
  amountMinor!: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;
}

@ObjectType({ description: 'What a partner pledges: money, in kind, hours.' })
export class Resources {
  @Field(() => Money, { nullable: true })
  money!: Money | null;

  @Field(() => String, { nullable: true })
  inKind!: string | null;

  @Field(() => Float, { nullable: true })
  hours!: number | null;
}

@ObjectType({ description: 'A change of due date and/or scope, with the reason.' })
export class CommitmentRevision implements CommitmentRevisionView {
  @Field(() => Int, { description: "The commitment's revision this change made." })
  revision!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The new due date, if it changed.' })
  dueDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The new description, if it changed.' })
  description!: string | null;

  @Field(() => LocalDateScalar)
  previousDueDate!: string;

  @Field()
  previousDescription!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  revisedAt!: string;
}

@ObjectType({
  description:
    "A partner's promise: what, with which resources, by when, and whether it was delivered.",
})
export class Commitment {
  @Field(() => ID)
  commitmentId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field()
  description!: string;

  @Field(() => Resources, {
    nullable: true,
    description:
      "What is pledged. Confidential: null, with the reason in extensions.redacted, unless a data-sharing agreement in force shares it with a role you hold, or it is your partner's.",
  })
  resources!: Resources;

  @Field(() => LocalDateScalar)
  dueDate!: string;

  @Field(() => CommitmentStatus)
  status!: CommitmentStatus;

  @Field(() => Int, { description: 'Latest reported progress, 0 to 100.' })
  percent!: number;

  @Field({ description: 'Open and past its due date.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true })
  lastProgressNote!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastProgressAt!: string | null;

  @Field(() => DateTimeScalar)
  madeAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was fulfilled, withdrawn or recorded as missed.',
  })
  closedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The fulfilment note, or the reason for withdrawal or for the miss.',
  })
  closingNote!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The steering member who accepted it for the initiative.',
  })
  acceptedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt!: string | null;

  @Field(() => ID, { nullable: true, description: 'The indicator this commitment serves.' })
  indicatorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The decision that asked for it.' })
  decisionId!: string | null;

  @Field(() => Int)
  revision!: number;
}

export function toCommitment(view: CommitmentView, today: string): Commitment {
  const { money, inKind, hours, ...rest } = view;
  return {
    ...rest,
    status: view.status as CommitmentStatus,
    resources: { money: money && { ...money, amount: formatMoney(money) }, inKind, hours },
    overdue: view.status === 'open' && view.dueDate < today,
  };
}

export const CommitmentConnection = connectionOf(Commitment, 'Commitment');
export type CommitmentConnection = InstanceType<typeof CommitmentConnection>;

@ObjectType()
export class CommitmentPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Commitment, { nullable: true, description: WITHHELD })
  commitment!: Commitment | null;
}

@InputType()
export class CommitmentFilter {
  @IdField({ nullable: true })
  initiativeId?: string;

  @IdField({ nullable: true })
  partnerId?: string;

  @Field(() => CommitmentStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CommitmentStatus))
  status?: DomainCommitmentStatus;

  @Field({
    nullable: true,
    description: 'true: only open commitments past their due date; false: all others.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class PartnerCommitmentsArgs extends PageArgs {
  @Field(() => CommitmentStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CommitmentStatus))
  status?: DomainCommitmentStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class CommitmentsArgs extends PageArgs {
  @Field(() => CommitmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitmentFilter)
  filter?: CommitmentFilter;
}
