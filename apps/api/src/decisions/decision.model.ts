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
import {
  bool,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  hidden,
  id,
  int,
  list,
  localDate,
  nullable,
  of,
  text,
} from '../graphql/object-type';

export const VoteChoiceEnum = enumFrom(
  VOTE_CHOICES,
  'VoteChoice',
  'CONSENSUS offers FOR, ABSTAIN, BLOCK; CONSENT offers FOR, ABSTAIN, OBJECTION; the majority methods FOR, AGAINST, ABSTAIN. BLOCK and OBJECTION need a reason.',
);

const DECISION_STATUSES = ['open', 'adopted', 'rejected', 'superseded'] as const;
export const DecisionStatusEnum = enumFrom(
  DECISION_STATUSES,
  'DecisionStatus',
  'OPEN for votes; ADOPTED or REJECTED when closed; SUPERSEDED by a later decision.',
);

export const DecisionOutcome = enumFrom(['adopted', 'rejected'], 'DecisionOutcome');

const DISSENT: ReadonlySet<VoteChoice> = new Set<VoteChoice>(['against', 'block', 'objection']);

@ObjectType({ description: 'Counted votes by choice; a recused member’s vote is not counted.' })
export class Tally extends fieldsOf<TallyView>()({
  for: int(),
  against: int(),
  abstain: int(),
  block: int(),
  objection: int(),
}) {}

@ObjectType({ description: 'The quorum check made when the decision closed.' })
export class QuorumCheck extends fieldsOf<QuorumCheckView>()({
  votingMembers: int('Voting members (steering members) in office at the close.'),
  participants: int('Members who voted, abstentions included, recusals excluded.'),
  required: int('The fewest participants the quorum needed.'),
  reached: bool(),
}) {}

@ObjectType({ description: 'A choice a voter made, as first cast or as changed later.' })
export class VoteHistoryEntry extends fieldsOf<VoteHistoryEntryView>()({
  kind: text('cast or changed.'),
  choice: enumOf(VoteChoiceEnum),
  previousChoice: nullable(enumOf(VoteChoiceEnum)),
  reason: nullable(text()),
  occurredAt: dateTime(),
}) {}

@ObjectType({ description: "A voter's current choice, with every change they made." })
export class Vote extends fieldsOf<VoteView>()({
  personId: id(),
  partnerId: id(),
  choice: enumOf(VoteChoiceEnum),
  reason: nullable(text()),
  castAt: dateTime(),
  changedAt: nullable(dateTime()),
  counted: bool('False when the voter later declared a conflict of interest.'),
  history: list(VoteHistoryEntry, 'Oldest first: the cast, then each change.'),
}) {}

@ObjectType({ description: 'A member who declared a conflict of interest and cannot vote.' })
export class Recusal extends fieldsOf<RecusalView>()({
  personId: id(),
  partnerId: id(),
  reason: text(),
  declaredAt: dateTime(),
}) {}

@ObjectType({ description: 'Governance rules a motion proposes.' })
export class ProposedRules extends fieldsOf<GovernanceRules>()({
  quorum: of(Fraction),
  defaultMethod: enumOf(DecisionMethodEnum),
  supermajority: of(Fraction),
}) {}

@ObjectType({ description: 'A person and the partner they act for.' })
export class PersonOfPartner extends fieldsOf()({
  personId: id(),
  partnerId: id(),
}) {}

@ObjectType({
  description:
    'A motion put to the voting members: method, votes, recusals, dissent, quorum and the outcome computed at the close.',
})
export class Decision extends fieldsOf<DecisionView>()({
  decisionId: id(),
  initiativeId: id(),
  title: text(),
  motion: text(),
  rationale: text(),
  method: enumOf(DecisionMethodEnum),
  quorumFraction: of(Fraction, 'The quorum in force when the decision was proposed.'),
  supermajority: of(Fraction, 'The supermajority in force when it was proposed.'),
  meetingId: nullable(id('The meeting it was proposed at.')),
  reviewDate: nullable(localDate()),
  reviewDue: bool('Adopted, not superseded, and its review date reached.'),
  proposedRules: nullable(
    ProposedRules,
    'Governance rules the motion proposes; applyGovernanceRules puts them in force.',
  ),
  proposedBy: of(PersonOfPartner),
  proposedAt: dateTime(),
  status: enumOf(DecisionStatusEnum),
  outcome: nullable(enumOf(DecisionOutcome, 'Null while open.')),
  outcomeReason: nullable(text('Why it was rejected.')),
  closedAt: nullable(dateTime()),
  tally: of(Tally, 'As closed; so far while open.'),
  quorum: nullable(QuorumCheck, 'Null while open.'),
  votes: list(Vote),
  dissent: list(Vote, 'Counted votes against, blocks and objections, with reasons.'),
  recusals: list(Recusal),
  supersededBy: nullable(id()),
  supersededAt: nullable(dateTime()),
  supersedes: list(id(), 'Decisions this one superseded.'),
  revision: int('Revision of the decision stream: pass as expectedRevision.'),
  proposedPosition: hidden(),
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
