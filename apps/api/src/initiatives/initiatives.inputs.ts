import { InputType } from '@nestjs/graphql';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import { entityId, line, member, nested, optional, prose } from '../graphql/input-type';
import { GovernanceRulesInput } from './governance-rules.model';
import { SectorEnum } from './initiative.model';

@InputType()
export class AmendAgendaInput extends entityCommandInput({
  initiativeId: entityId(),
  commonAgenda: prose(20_000, 'The new common agenda, in full.'),
  reason: optional(prose(2_000), 'Why the agenda changed.'),
}) {}

@InputType()
export class JoinInitiativeInput extends entityCommandInput({
  initiativeId: entityId(),
  partnerId: entityId("The partner organisation id, as it appears in its people's tokens."),
  organisationName: line(200),
  sector: member(SectorEnum),
}) {}

@InputType()
export class LaunchInitiativeInput extends commandInput({
  initiativeId: chosenId('initiative'),
  name: line(200),
  problemStatement: prose(10_000, 'The social problem the partners take on together.'),
  commonAgenda: prose(
    20_000,
    'The common agenda: a shared vision of change and the joint approach.',
  ),
  governanceRules: optional(
    nested(
      GovernanceRulesInput,
      'The initial governance rules; defaults to a quorum of 1/2, SIMPLE_MAJORITY and a 2/3 supermajority. Later changes need an adopted decision.',
    ),
  ),
}) {}

@InputType()
export class LeaveInitiativeInput extends entityCommandInput({
  initiativeId: entityId(),
  partnerId: entityId(),
  reason: optional(prose(2_000)),
}) {}
