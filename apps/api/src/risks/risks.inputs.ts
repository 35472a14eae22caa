import { ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import { ENTITY_ID } from '@accord/domain';
import { IsScore } from '../graphql/input-bounds';
import { entityId, field, line, member, nestedList, prose, whole } from '../graphql/input-type';
import { RiskCategoryEnum } from './risk.model';
import { PartnerShareInput } from './partner-share';

const likelihood = () => whole('Whole number from 1 (rare) to 5 (almost certain).', IsScore());
const impact = () => whole('Whole number from 1 (minor) to 5 (severe).', IsScore());

@InputType()
export class CloseRiskInput extends entityCommandInput({
  riskId: entityId(),
  reason: prose(5_000, 'Why the risk is closed.'),
}) {}

@InputType()
export class IdentifyRiskInput extends commandInput({
  riskId: chosenId('risk'),
  initiativeId: entityId(),
  title: line(300),
  description: prose(5_000),
  category: member(RiskCategoryEnum),
  likelihood: likelihood(),
  impact: impact(),
  ownerPartnerId: entityId('The member partner that owns the risk.'),
}) {}

@InputType()
export class MaterialiseRiskInput extends entityCommandInput({
  riskId: entityId(),
  description: prose(5_000, 'What happened.'),
}) {}

@InputType()
export class PlanMitigationInput extends entityCommandInput({
  riskId: entityId(),
  mitigationId: chosenId('mitigation'),
  description: prose(5_000),
  commitmentIds: field<string[]>(
    () => [ID],
    'Commitments of the same initiative that carry the mitigation out.',
    IsArray(),
    ArrayMaxSize(100),
    Matches(ENTITY_ID, { each: true, message: 'each commitment id must be a valid id' }),
  ),
}) {}

@InputType()
export class ReassessRiskInput extends entityCommandInput({
  riskId: entityId(),
  likelihood: likelihood(),
  impact: impact(),
  reason: prose(5_000, 'Why the assessment changed.'),
}) {}

@InputType()
export class ShareRiskOwnershipInput extends entityCommandInput({
  riskId: entityId(),
  shares: nestedList(
    PartnerShareInput,
    200,
    'Member partners and their shares, adding to exactly 100 %; replaces any earlier sharing.',
  ),
}) {}
