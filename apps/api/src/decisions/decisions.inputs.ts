import { InputType } from '@nestjs/graphql';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import { day, entityId, line, member, nested, optional, prose } from '../graphql/input-type';
import { DecisionMethodEnum, GovernanceRulesInput } from '../initiatives/governance-rules.model';
import { VoteChoiceEnum } from './decision.model';

@InputType()
export class ApplyGovernanceRulesInput extends entityCommandInput({
  initiativeId: entityId(),
  decisionId: entityId('The adopted decision whose proposed rules come into force.'),
}) {}

@InputType()
export class CastVoteInput extends entityCommandInput({
  decisionId: entityId(),
  choice: member(VoteChoiceEnum),
  reason: optional(prose(5_000), 'Why; required for BLOCK and OBJECTION.'),
}) {}

@InputType()
export class ChangeVoteInput extends entityCommandInput({
  decisionId: entityId(),
  choice: member(VoteChoiceEnum),
  reason: prose(5_000, 'Why the vote changed.'),
}) {}

@InputType()
export class CloseDecisionInput extends entityCommandInput({ decisionId: entityId() }) {}

@InputType()
export class DeclareConflictOfInterestInput extends entityCommandInput({
  decisionId: entityId(),
  reason: prose(5_000, 'The interest that conflicts: recorded for everyone to see.'),
}) {}

@InputType()
export class ProposeDecisionInput extends commandInput({
  decisionId: chosenId('decision'),
  initiativeId: entityId(),
  title: line(200),
  motion: prose(10_000, 'What is to be decided, in the words put to the vote.'),
  rationale: prose(10_000, 'Why the motion is proposed.'),
  method: optional(member(DecisionMethodEnum, "The initiative's default method when absent.")),
  meetingId: optional(entityId('The meeting where it is proposed.')),
  reviewDate: optional(day('When to review the decision; not before the day it is proposed.')),
  proposedRules: optional(
    nested(
      GovernanceRulesInput,
      'A motion to change the governance rules: applied once the decision is adopted.',
    ),
  ),
}) {}

@InputType()
export class SupersedeDecisionInput extends entityCommandInput({
  decisionId: entityId('The adopted decision that is superseded.'),
  byDecisionId: entityId('The later adopted decision that supersedes it.'),
}) {}
