import {
  type GovernanceRules,
  type QuorumCheck as QuorumCheckView,
  type Tally as TallyView,
  VOTE_CHOICES,
  type VoteChoice,
} from '@accord/domain';
import type {
  DecisionView,
  RecusalView,
  VoteHistoryEntryView,
  VoteView,
} from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { entityId, field, inputOf, member, optional } from '../graphql/input-type';
import { connectionOf, PAGE_FIELDS, pageArgsOf } from '../graphql/pagination';
import { DecisionMethodEnum, Fraction } from '../initiatives/governance-rules.model';
import { payloadOf } from '../ledger/receipt.model';
import * as t from '../graphql/object-type';

export const VoteChoiceEnum = t.enumFrom(
  VOTE_CHOICES,
  'VoteChoice',
  'CONSENSUS offers FOR, ABSTAIN, BLOCK; CONSENT offers FOR, ABSTAIN, OBJECTION; the majority methods FOR, AGAINST, ABSTAIN. BLOCK and OBJECTION need a reason.',
);

const DECISION_STATUSES = ['open', 'adopted', 'rejected', 'superseded'] as const;
export const DecisionStatusEnum = t.enumFrom(
  DECISION_STATUSES,
  'DecisionStatus',
  'OPEN for votes; ADOPTED or REJECTED when closed; SUPERSEDED by a later decision.',
);

export const DecisionOutcome = t.enumFrom(['adopted', 'rejected'], 'DecisionOutcome');

const DISSENT: ReadonlySet<VoteChoice> = new Set<VoteChoice>(['against', 'block', 'objection']);

@ObjectType({ description: 'Counted votes by choice; a recused member’s vote is not counted.' })
export class Tally extends t.fieldsOf<TallyView>()({
  for: t.int(),
  against: t.int(),
  abstain: t.int(),
  block: t.int(),
  objection: t.int(),
}) {}

@ObjectType({ description: 'The quorum check made when the decision closed.' })
export class QuorumCheck extends t.fieldsOf<QuorumCheckView>()({
  votingMembers: t.int('Voting members (steering members) in office at the close.'),
  participants: t.int('Members who voted, abstentions included, recusals excluded.'),
  required: t.int('The fewest participants the quorum needed.'),
  reached: t.bool(),
}) {}

@ObjectType({ description: 'A choice a voter made, as first cast or as changed later.' })
export class VoteHistoryEntry extends t.fieldsOf<VoteHistoryEntryView>()({
  kind: t.text('cast or changed.'),
  choice: t.enumOf(VoteChoiceEnum),
  previousChoice: t.nullable(t.enumOf(VoteChoiceEnum)),
  reason: t.nullable(t.text()),
  occurredAt: t.dateTime(),
}) {}

@ObjectType({ description: "A voter's current choice, with every change they made." })
export class Vote extends t.fieldsOf<VoteView>()({
  personId: t.id(),
  partnerId: t.id(),
  choice: t.enumOf(VoteChoiceEnum),
  reason: t.nullable(t.text()),
  castAt: t.dateTime(),
  changedAt: t.nullable(t.dateTime()),
  counted: t.bool('False when the voter later declared a conflict of interest.'),
  history: t.list(VoteHistoryEntry, 'Oldest first: the cast, then each change.'),
}) {}

@ObjectType({ description: 'A member who declared a conflict of interest and cannot vote.' })
export class Recusal extends t.fieldsOf<RecusalView>()({
  personId: t.id(),
  partnerId: t.id(),
  reason: t.text(),
  declaredAt: t.dateTime(),
}) {}

@ObjectType({ description: 'Governance rules a motion proposes.' })
export class ProposedRules extends t.fieldsOf<GovernanceRules>()({
  quorum: t.of(Fraction),
  defaultMethod: t.enumOf(DecisionMethodEnum),
  supermajority: t.of(Fraction),
}) {}

@ObjectType({ description: 'A person and the partner they act for.' })
export class PersonOfPartner extends t.fieldsOf()({
  personId: t.id(),
  partnerId: t.id(),
}) {}

@ObjectType({
  description:
    'A motion put to the voting members: method, votes, recusals, dissent, quorum and the outcome computed at the close.',
})
export class Decision extends t.fieldsOf<DecisionView>()({
  decisionId: t.id(),
  initiativeId: t.id(),
  title: t.text(),
  motion: t.text(),
  rationale: t.text(),
  method: t.enumOf(DecisionMethodEnum),
  quorumFraction: t.of(Fraction, 'The quorum in force when the decision was proposed.'),
  supermajority: t.of(Fraction, 'The supermajority in force when it was proposed.'),
  meetingId: t.nullable(t.id('The meeting it was proposed at.')),
  reviewDate: t.nullable(t.localDate()),
  reviewDue: t.bool('Adopted, not superseded, and its review date reached.'),
  proposedRules: t.nullable(
    ProposedRules,
    'Governance rules the motion proposes; applyGovernanceRules puts them in force.',
  ),
  proposedBy: t.of(PersonOfPartner),
  proposedAt: t.dateTime(),
  status: t.enumOf(DecisionStatusEnum),
  outcome: t.nullable(t.enumOf(DecisionOutcome, 'Null while open.')),
  outcomeReason: t.nullable(t.text('Why it was rejected.')),
  closedAt: t.nullable(t.dateTime()),
  tally: t.of(Tally, 'As closed; so far while open.'),
  quorum: t.nullable(QuorumCheck, 'Null while open.'),
  votes: t.list(Vote),
  dissent: t.list(Vote, 'Counted votes against, blocks and objections, with reasons.'),
  recusals: t.list(Recusal),
  supersededBy: t.nullable(t.id()),
  supersededAt: t.nullable(t.dateTime()),
  supersedes: t.list(t.id(), 'Decisions this one superseded.'),
  revision: t.int('Revision of the decision stream: pass as expectedRevision.'),
  proposedPosition: t.hidden(),
}) {}

/** The view, with whether its review is due on `today` and its dissent. */
export const toDecision = (view: DecisionView, today: string): Decision => ({
  ...view,
  reviewDue: view.status === 'adopted' && view.reviewDate !== null && view.reviewDate <= today,
  dissent: view.votes.filter((v) => v.counted && DISSENT.has(v.choice)),
});

export const DecisionConnection = connectionOf(Decision);

@ObjectType()
export class DecisionPayload extends payloadOf({ decision: Decision }) {}

const DECISION_FILTERS = {
  status: optional(member(DecisionStatusEnum)),
  reviewDue: optional(
    field<boolean>(
      () => Boolean,
      'true: adopted decisions whose review date has come; false: all others.',
      IsBoolean(),
    ),
  ),
};

@ArgsType()
export class InitiativeDecisionsArgs extends pageArgsOf(DECISION_FILTERS) {}

/** As InitiativeDecisionsArgs inherited them, the page's arguments come before the filters. */
@ArgsType()
export class DecisionsArgs extends inputOf(
  { initiativeId: entityId(), ...PAGE_FIELDS, ...DECISION_FILTERS },
  true,
) {}
