import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { formatMoney, type Money as MoneyView } from '@accord/domain';
import type { CommitmentRevisionView, CommitmentView } from '@accord/projections';
import { ArgsType, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { entityId, field, inputOf, member, nested, optional } from '../graphql/input-type';
import {
  bool,
  computed,
  CONFIDENTIAL,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  float,
  hidden,
  id,
  int,
  localDate,
  nullable,
  text,
} from '../graphql/object-type';
import { payloadOf } from '../ledger/receipt.model';

export const CommitmentStatus = enumFrom(
  ['open', 'fulfilled', 'withdrawn', 'missed'],
  'CommitmentStatus',
);

@ObjectType({ description: 'An amount of money; never a float.' })
export class Money extends fieldsOf<MoneyView>()({
  amount: computed(text('Decimal amount, e.g. "25000.50".'), formatMoney),
  amountMinor: text('Integer amount in minor units (cents), as a string.'),
  currency: text('ISO 4217 currency code.'),
}) {}

@ObjectType({ description: 'What a partner pledges: money, in kind, hours.' })
export class Resources extends fieldsOf<Pick<CommitmentView, 'money' | 'inKind' | 'hours'>>()({
  money: nullable(Money),
  inKind: nullable(text()),
  hours: nullable(float()),
}) {}

@ObjectType({ description: 'A change of due date and/or scope, with the reason.' })
export class CommitmentRevision extends fieldsOf<CommitmentRevisionView>()({
  revision: int("The commitment's revision this change made."),
  dueDate: nullable(localDate('The new due date, if it changed.')),
  description: nullable(text('The new description, if it changed.')),
  previousDueDate: localDate(),
  previousDescription: text(),
  reason: text(),
  revisedAt: dateTime(),
}) {}

@ObjectType({
  description:
    "A partner's promise: what, with which resources, by when, and whether it was delivered.",
})
export class Commitment extends fieldsOf<CommitmentView>()({
  commitmentId: id(),
  initiativeId: id(),
  partnerId: id(),
  description: text(),
  money: hidden(),
  inKind: hidden(),
  hours: hidden(),
  /** The view itself holds what is pledged. */
  resources: computed(
    nullable(Resources, `What is pledged. ${CONFIDENTIAL}`),
    (view: CommitmentView) => view,
  ),
  dueDate: localDate(),
  status: enumOf(CommitmentStatus),
  percent: int('Latest reported progress, 0 to 100.'),
  overdue: bool('Open and past its due date.'),
  lastProgressNote: nullable(text()),
  lastProgressAt: nullable(dateTime()),
  madeAt: dateTime(),
  closedAt: nullable(dateTime('When it was fulfilled, withdrawn or recorded as missed.')),
  closingNote: nullable(text('The fulfilment note, or the reason for withdrawal or for the miss.')),
  acceptedBy: nullable(id('The steering member who accepted it for the initiative.')),
  acceptedAt: nullable(dateTime()),
  indicatorId: nullable(id('The indicator this commitment serves.')),
  decisionId: nullable(id('The decision that asked for it.')),
  revision: int(),
  madePosition: hidden(),
}) {}

/** The view, with whether it is overdue on `today`. */
export const toCommitment = (view: CommitmentView, today: string): Commitment => ({
  ...view,
  overdue: view.status === 'open' && view.dueDate < today,
});

export const CommitmentConnection = connectionOf(Commitment);

@ObjectType()
export class CommitmentPayload extends payloadOf({ commitment: Commitment }) {}

const status = optional(member(CommitmentStatus));
const overdue = (description?: string) =>
  optional(field<boolean>(() => Boolean, description, IsBoolean()));

@InputType()
export class CommitmentFilter extends inputOf({
  initiativeId: optional(entityId()),
  partnerId: optional(entityId()),
  status,
  overdue: overdue('true: only open commitments past their due date; false: all others.'),
}) {}

@ArgsType()
export class PartnerCommitmentsArgs extends pageArgsOf({ status, overdue: overdue() }) {}

@ArgsType()
export class CommitmentsArgs extends pageArgsOf({ filter: optional(nested(CommitmentFilter)) }) {}
