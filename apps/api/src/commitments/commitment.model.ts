import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { formatMoney, type Money as MoneyView } from '@accord/domain';
import type { CommitmentRevisionView, CommitmentView } from '@accord/projections';
import { ArgsType, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { entityId, field, inputOf, member, nested, optional } from '../graphql/input-type';
import * as t from '../graphql/object-type';
import { payloadOf } from '../ledger/receipt.model';

export const CommitmentStatus = t.enumFrom(
  ['open', 'fulfilled', 'withdrawn', 'missed'],
  'CommitmentStatus',
);

@ObjectType({ description: 'An amount of money; never a float.' })
export class Money extends t.fieldsOf<MoneyView>()({
  amount: t.computed(t.text('Decimal amount, e.g. "25000.50".'), formatMoney),
  amountMinor: t.text('Integer amount in minor units (cents), as a string.'),
  currency: t.text('ISO 4217 currency code.'),
}) {}

@ObjectType({ description: 'What a partner pledges: money, in kind, hours.' })
export class Resources extends t.fieldsOf<Pick<CommitmentView, 'money' | 'inKind' | 'hours'>>()({
  money: t.nullable(Money),
  inKind: t.nullable(t.text()),
  hours: t.nullable(t.float()),
}) {}

@ObjectType({ description: 'A change of due date and/or scope, with the reason.' })
export class CommitmentRevision extends t.fieldsOf<CommitmentRevisionView>()({
  revision: t.int("The commitment's revision this change made."),
  dueDate: t.nullable(t.localDate('The new due date, if it changed.')),
  description: t.nullable(t.text('The new description, if it changed.')),
  previousDueDate: t.localDate(),
  previousDescription: t.text(),
  reason: t.text(),
  revisedAt: t.dateTime(),
}) {}

@ObjectType({
  description:
    "A partner's promise: what, with which resources, by when, and whether it was delivered.",
})
export class Commitment extends t.fieldsOf<CommitmentView>()({
  commitmentId: t.id(),
  initiativeId: t.id(),
  partnerId: t.id(),
  description: t.text(),
  money: t.hidden(),
  inKind: t.hidden(),
  hours: t.hidden(),
  /** The view itself holds what is pledged. */
  resources: t.computed(
    t.nullable(Resources, `What is pledged. ${t.CONFIDENTIAL}`),
    (view: CommitmentView) => view,
  ),
  dueDate: t.localDate(),
  status: t.enumOf(CommitmentStatus),
  percent: t.int('Latest reported progress, 0 to 100.'),
  overdue: t.bool('Open and past its due date.'),
  lastProgressNote: t.nullable(t.text()),
  lastProgressAt: t.nullable(t.dateTime()),
  madeAt: t.dateTime(),
  closedAt: t.nullable(t.dateTime('When it was fulfilled, withdrawn or recorded as missed.')),
  closingNote: t.nullable(
    t.text('The fulfilment note, or the reason for withdrawal or for the miss.'),
  ),
  acceptedBy: t.nullable(t.id('The steering member who accepted it for the initiative.')),
  acceptedAt: t.nullable(t.dateTime()),
  indicatorId: t.nullable(t.id('The indicator this commitment serves.')),
  decisionId: t.nullable(t.id('The decision that asked for it.')),
  revision: t.int(),
  madePosition: t.hidden(),
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
