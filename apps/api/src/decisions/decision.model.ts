import { connectionOf } from '../graphql/pagination';
import { IdField } from '../graphql/fields';
import { type DecisionMethod, VOTE_CHOICES, type VoteChoice } from '@accord/domain';
import type { DecisionView, DecisionViewStatus } from '@accord/projections';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { PageArgs } from '../graphql/pagination';
import { DecisionMethodEnum, Fraction } from '../initiatives/governance-rules.model';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

export const VoteChoiceEnum = Object.fromEntries(
  VOTE_CHOICES.map((c) => [c.toUpperCase(), c]),
) as Record<Uppercase<VoteChoice>, VoteChoice>;
registerEnumType(VoteChoiceEnum, {
  name: 'VoteChoice',
  description:
    'CONSENSUS offers FOR, ABSTAIN, BLOCK; CONSENT offers FOR, ABSTAIN, OBJECTION; the majority methods FOR, AGAINST, ABSTAIN. BLOCK and OBJECTION need a reason.',
});

const DECISION_STATUSES = ['open', 'adopted', 'rejected', 'superseded'] as const;
export const DecisionStatusEnum = Object.fromEntries(
  DECISION_STATUSES.map((s) => [s.toUpperCase(), s]),
) as Record<Uppercase<DecisionViewStatus>, DecisionViewStatus>;
registerEnumType(DecisionStatusEnum, {
  name: 'DecisionStatus',
  description: 'OPEN for votes; ADOPTED or REJECTED when closed; SUPERSEDED by a later decision.',
});

export enum DecisionOutcome {
  ADOPTED = 'adopted',
  REJECTED = 'rejected',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

const DISSENT: ReadonlySet<VoteChoice> = new Set<VoteChoice>(['against', 'block', 'objection']);

@ObjectType({ description: 'Counted votes by choice; a recused member’s vote is not counted.' })
export class Tally {
  @Field(() => Int)
  for!: number;

  @Field(() => Int)
  against!: number;

  @Field(() => Int)
  abstain!: number;

  @Field(() => Int)
  block!: number;

  @Field(() => Int)
  objection!: number;
}

@ObjectType({ description: 'The quorum check made when the decision closed.' })
export class QuorumCheck {
  @Field(() => Int, { description: 'Voting members (steering members) in office at the close.' })
  votingMembers!: number;

  @Field(() => Int, { description: 'Members who voted, abstentions included, recusals excluded.' })
  participants!: number;

  @Field(() => Int, { description: 'The fewest participants the quorum needed.' })
  required!: number;

  @Field()
  reached!: boolean;
}

@ObjectType({ description: 'A choice a voter made, as first cast or as changed later.' })
export class VoteHistoryEntry {
  @Field({ description: 'cast or changed.' })
  kind!: string;

  @Field(() => VoteChoiceEnum)
  choice!: VoteChoice;

  @Field(() => VoteChoiceEnum, { nullable: true })
  previousChoice!: VoteChoice | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: string;
}

@ObjectType({ description: "A voter's current choice, with every change they made." })
export class Vote {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => VoteChoiceEnum)
  choice!: VoteChoice;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  castAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  changedAt!: string | null;

  @Field({ description: 'False when the voter later declared a conflict of interest.' })
  counted!: boolean;

  @Field(() => [VoteHistoryEntry], { description: 'Oldest first: the cast, then each change.' })
  history!: VoteHistoryEntry[];
}

@ObjectType({ description: 'A member who declared a conflict of interest and cannot vote.' })
export class Recusal {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  declaredAt!: string;
}

@ObjectType({ description: 'Governance rules a motion proposes.' })
export class ProposedRules {
  @Field(() => Fraction)
  quorum!: Fraction;

  @Field(() => DecisionMethodEnum)
  defaultMethod!: DecisionMethod;

  @Field(() => Fraction)
  supermajority!: Fraction;
}

@ObjectType({ description: 'A person and the partner they act for.' })
export class PersonOfPartner {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  partnerId!: string;
}

@ObjectType({
  description:
    'A motion put to the voting members: method, votes, recusals, dissent, quorum and the outcome computed at the close.',
})
export class Decision {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field()
  title!: string;

  @Field()
  motion!: string;

  @Field()
  rationale!: string;

  @Field(() => DecisionMethodEnum)
  method!: DecisionMethod;

  @Field(() => Fraction, { description: 'The quorum in force when the decision was proposed.' })
  quorumFraction!: Fraction;

  @Field(() => Fraction, { description: 'The supermajority in force when it was proposed.' })
  supermajority!: Fraction;

  @Field(() => ID, { nullable: true, description: 'The meeting it was proposed at.' })
  meetingId!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  reviewDate!: string | null;

  @Field({ description: 'Adopted, not superseded, and its review date reached.' })
  reviewDue!: boolean;

  @Field(() => ProposedRules, {
    nullable: true,
    description: 'Governance rules the motion proposes; applyGovernanceRules puts them in force.',
  })
  proposedRules!: ProposedRules | null;

  @Field(() => PersonOfPartner)
  proposedBy!: PersonOfPartner;

  @Field(() => DateTimeScalar)
  proposedAt!: string;

  @Field(() => DecisionStatusEnum)
  status!: DecisionViewStatus;

  @Field(() => DecisionOutcome, { nullable: true, description: 'Null while open.' })
  outcome!: DecisionOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  outcomeReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => Tally, { description: 'As closed; so far while open.' })
  tally!: Tally;

  @Field(() => QuorumCheck, { nullable: true, description: 'Null while open.' })
  quorum!: QuorumCheck | null;

  @Field(() => [Vote])
  votes!: Vote[];

  @Field(() => [Vote], {
    description: 'Counted votes against, blocks and objections, with reasons.',
  })
  dissent!: Vote[];

  @Field(() => [Recusal])
  recusals!: Recusal[];

  @Field(() => ID, { nullable: true })
  supersededBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt!: string | null;

  @Field(() => [ID], { description: 'Decisions this one superseded.' })
  supersedes!: string[];

  @Field(() => Int, { description: 'Revision of the decision stream: pass as expectedRevision.' })
  revision!: number;
}

export function toDecision(view: DecisionView, today: string): Decision {
  const { proposedPosition: _position, ...rest } = view;
  return {
    ...rest,
    outcome: view.outcome as DecisionOutcome | null,
    reviewDue: view.status === 'adopted' && view.reviewDate !== null && view.reviewDate <= today,
    dissent: view.votes.filter((v) => v.counted && DISSENT.has(v.choice)),
  };
}

export const DecisionConnection = connectionOf(Decision, 'Decision');
export type DecisionConnection = InstanceType<typeof DecisionConnection>;

@ObjectType()
export class DecisionPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Decision, { nullable: true, description: WITHHELD })
  decision!: Decision | null;
}

@ArgsType()
export class InitiativeDecisionsArgs extends PageArgs {
  @Field(() => DecisionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(DECISION_STATUSES)
  status?: DecisionViewStatus;

  @Field({
    nullable: true,
    description: 'true: adopted decisions whose review date has come; false: all others.',
  })
  @IsOptional()
  @IsBoolean()
  reviewDue?: boolean;
}

@ArgsType()
export class DecisionsArgs extends InitiativeDecisionsArgs {
  @IdField()
  initiativeId!: string;
}
