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
import * as t from '../graphql/object-type';

export const RiskCategoryEnum = t.enumFrom(RISK_CATEGORIES, 'RiskCategory');

export const RiskStatus = t.enumFrom(['open', 'materialised', 'closed'], 'RiskStatus');

@ObjectType({
  description: 'One assessment of a risk: the first when identified, then each reassessment.',
})
export class RiskAssessment extends t.fieldsOf<RiskAssessmentView>()({
  likelihood: t.int(),
  impact: t.int(),
  exposure: t.int('likelihood x impact.'),
  reason: t.nullable(t.text('Null for the assessment made on identification.')),
  assessedAt: t.dateTime(),
}) {}

@ObjectType({ description: 'A planned mitigation, with the commitments that carry it out.' })
export class Mitigation extends t.fieldsOf<MitigationView>()({
  mitigationId: t.id(),
  description: t.text(),
  commitmentIds: t.list(t.id()),
  plannedAt: t.dateTime(),
}) {}

@ObjectType({ description: 'A risk the partnership carries: how likely, how bad, who owns it.' })
export class Risk extends t.fieldsOf<RiskView>()({
  riskId: t.id(),
  initiativeId: t.id(),
  title: t.text(),
  description: t.nullable(t.text(t.CONFIDENTIAL)),
  category: t.enumOf(RiskCategoryEnum),
  likelihood: t.int('1 (rare) to 5 (almost certain).'),
  impact: t.int('1 (minor) to 5 (severe).'),
  exposure: t.int('likelihood x impact, 1 to 25.'),
  ownerPartnerId: t.id(),
  status: t.enumOf(RiskStatus),
  shares: t.hidden(),
  ownershipShares: t.computed(
    t.list(
      PartnerSharePercent,
      'How ownership is shared among partners; empty until it is shared.',
    ),
    (risk: RiskSummaryView) => risk.shares,
  ),
  mitigations: t.nullable(t.list(Mitigation, t.CONFIDENTIAL)),
  assessments: t.list(RiskAssessment, 'Oldest first.'),
  identifiedAt: t.dateTime(),
  materialisedAt: t.nullable(t.dateTime()),
  materialisation: t.nullable(t.text(`What happened when it materialised. ${t.CONFIDENTIAL}`)),
  closedAt: t.nullable(t.dateTime()),
  closingReason: t.nullable(t.text()),
  revision: t.int(),
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
