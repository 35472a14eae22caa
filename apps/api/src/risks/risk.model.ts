import { entityId, member, optional } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { RISK_CATEGORIES } from '@accord/domain';
import type {
  MitigationView,
  RiskAssessmentView,
  RiskSummaryView,
  RiskView,
} from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { payloadOf } from '../ledger/receipt.model';
import { PartnerSharePercent } from './partner-share';
import {
  computed,
  CONFIDENTIAL,
  dateTime,
  hidden,
  enumOf,
  enumFrom,
  fieldsOf,
  id,
  int,
  list,
  nullable,
  text,
} from '../graphql/object-type';

export const RiskCategoryEnum = enumFrom(RISK_CATEGORIES, 'RiskCategory');

export const RiskStatus = enumFrom(['open', 'materialised', 'closed'], 'RiskStatus');

@ObjectType({
  description: 'One assessment of a risk: the first when identified, then each reassessment.',
})
export class RiskAssessment extends fieldsOf<RiskAssessmentView>()({
  likelihood: int(),
  impact: int(),
  exposure: int('likelihood x impact.'),
  reason: nullable(text('Null for the assessment made on identification.')),
  assessedAt: dateTime(),
}) {}

@ObjectType({ description: 'A planned mitigation, with the commitments that carry it out.' })
export class Mitigation extends fieldsOf<MitigationView>()({
  mitigationId: id(),
  description: text(),
  commitmentIds: list(id()),
  plannedAt: dateTime(),
}) {}

@ObjectType({ description: 'A risk the partnership carries: how likely, how bad, who owns it.' })
export class Risk extends fieldsOf<RiskView>()({
  riskId: id(),
  initiativeId: id(),
  title: text(),
  description: nullable(text(CONFIDENTIAL)),
  category: enumOf(RiskCategoryEnum),
  likelihood: int('1 (rare) to 5 (almost certain).'),
  impact: int('1 (minor) to 5 (severe).'),
  exposure: int('likelihood x impact, 1 to 25.'),
  ownerPartnerId: id(),
  status: enumOf(RiskStatus),
  shares: hidden(),
  ownershipShares: computed(
    list(PartnerSharePercent, 'How ownership is shared among partners; empty until it is shared.'),
    (risk: RiskSummaryView) => risk.shares,
  ),
  mitigations: nullable(list(Mitigation, CONFIDENTIAL)),
  assessments: list(RiskAssessment, 'Oldest first.'),
  identifiedAt: dateTime(),
  materialisedAt: nullable(dateTime()),
  materialisation: nullable(text(`What happened when it materialised. ${CONFIDENTIAL}`)),
  closedAt: nullable(dateTime()),
  closingReason: nullable(text()),
  revision: int(),
}) {}

/** A Risk without its history: what a view listing many risks gives at first. */
export type RiskSummary = Omit<Risk, 'mitigations' | 'assessments'>;

export const RiskConnection = connectionOf(Risk);

@ArgsType()
export class RiskRegisterArgs extends pageArgsOf({
  initiativeId: entityId(),
  status: optional(member(RiskStatus)),
}) {}

@ObjectType()
export class RiskPayload extends payloadOf({ risk: Risk }) {}
