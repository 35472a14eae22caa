import { connectionOf } from '../graphql/pagination';
import { IdField } from '../graphql/fields';
import { RISK_CATEGORIES, type RiskCategory as DomainRiskCategory } from '@accord/domain';
import type { RiskSummaryView, RiskView } from '@accord/projections';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { PageArgs } from '../graphql/pagination';
import { Receipt, WITHHELD } from '../ledger/receipt.model';
import { PartnerSharePercent, toPercentShares } from './partner-share';

export const RiskCategoryEnum = Object.fromEntries(
  RISK_CATEGORIES.map((c) => [c.toUpperCase(), c]),
) as Record<Uppercase<DomainRiskCategory>, DomainRiskCategory>;
registerEnumType(RiskCategoryEnum, { name: 'RiskCategory' });

export enum RiskStatus {
  OPEN = 'open',
  MATERIALISED = 'materialised',
  CLOSED = 'closed',
}
registerEnumType(RiskStatus, { name: 'RiskStatus' });

@ObjectType({
  description: 'One assessment of a risk: the first when identified, then each reassessment.',
})
export class RiskAssessment {
  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => Int, { description: 'likelihood x impact.' })
  exposure!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Null for the assessment made on identification.',
  })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  assessedAt!: string;
}

@ObjectType({ description: 'A planned mitigation, with the commitments that carry it out.' })
export class Mitigation {
  @Field(() => ID)
  mitigationId!: string;

  @Field()
  description!: string;

  @Field(() => [ID])
  commitmentIds!: string[];

  @Field(() => DateTimeScalar)
  plannedAt!: string;
}

@ObjectType({ description: 'A risk the partnership carries: how likely, how bad, who owns it.' })
export class Risk {
  @Field(() => ID)
  riskId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field()
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Confidential: null, with the reason in extensions.redacted, unless a data-sharing agreement in force shares it with a role you hold, or it is your partner's.",
  })
  description!: string;

  @Field(() => RiskCategoryEnum)
  category!: DomainRiskCategory;

  @Field(() => Int, { description: '1 (rare) to 5 (almost certain).' })
  likelihood!: number;

  @Field(() => Int, { description: '1 (minor) to 5 (severe).' })
  impact!: number;

  @Field(() => Int, { description: 'likelihood x impact, 1 to 25.' })
  exposure!: number;

  @Field(() => ID)
  ownerPartnerId!: string;

  @Field(() => RiskStatus)
  status!: RiskStatus;

  @Field(() => [PartnerSharePercent], {
    description: 'How ownership is shared among partners; empty until it is shared.',
  })
  ownershipShares!: PartnerSharePercent[];

  @Field(() => [Mitigation], {
    nullable: true,
    description:
      "Confidential: null, with the reason in extensions.redacted, unless a data-sharing agreement in force shares it with a role you hold, or it is your partner's.",
  })
  mitigations!: Mitigation[];

  @Field(() => [RiskAssessment], { description: 'Oldest first.' })
  assessments!: RiskAssessment[];

  @Field(() => DateTimeScalar)
  identifiedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  materialisedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "What happened when it materialised. Confidential: null, with the reason in extensions.redacted, unless a data-sharing agreement in force shares it with a role you hold, or it is your partner's.",
  })
  materialisation!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => String, { nullable: true })
  closingReason!: string | null;

  @Field(() => Int)
  revision!: number;
}

/** A Risk without its history: what a view listing many risks gives at first. */
export type RiskSummary = Omit<Risk, 'mitigations' | 'assessments'>;

export function toRiskSummary(view: RiskSummaryView): RiskSummary {
  const { shares, status, ...rest } = view;
  return { ...rest, status: status as RiskStatus, ownershipShares: toPercentShares(shares) };
}

export function toRisk(view: RiskView): Risk {
  const { mitigations, assessments, ...summary } = view;
  return { ...toRiskSummary(summary), mitigations, assessments };
}

export const RiskConnection = connectionOf(Risk, 'Risk');
export type RiskConnection = InstanceType<typeof RiskConnection>;

@ArgsType()
export class RiskRegisterArgs extends PageArgs {
  @IdField()
  initiativeId!: string;

  @Field(() => RiskStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(RiskStatus))
  status?: RiskStatus | null;
}

@ObjectType()
export class RiskPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Risk, { nullable: true, description: WITHHELD })
  risk!: Risk | null;
}
