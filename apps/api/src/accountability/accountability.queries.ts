import { basisPointsToPercent } from '@accord/domain';
import {
  AgreementsRegisterReader,
  BenefitPoolsReader,
  CommitmentsRegisterReader,
  InitiativeOverviewReader,
  RiskRegisterReader,
  RosterReader,
} from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { toPartnerAgreements } from '../agreements/agreement.model';
import { toBenefitPool, toMoneyModel } from '../benefit-pools/benefit-pool.model';
import { type Commitment, toCommitment } from '../commitments/commitment.model';
import { type PartnerStatus } from '../initiatives/initiative.model';
import { NotFoundError } from '../ledger/ledger.errors';
import { toRisk } from '../risks/risk.model';
import { toRoleAssignment } from '../roster/queries/roster.queries';
import { type Accountability, type CommitmentsByStatus } from './accountability.model';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function byStatus(commitments: readonly Commitment[]): CommitmentsByStatus {
  const open = commitments.filter((c) => (c.status as string) === 'open');
  return {
    onTrack: open.filter((c) => !c.overdue),
    overdue: open.filter((c) => c.overdue),
    fulfilled: commitments.filter((c) => (c.status as string) === 'fulfilled'),
    withdrawn: commitments.filter((c) => (c.status as string) === 'withdrawn'),
    missed: commitments.filter((c) => (c.status as string) === 'missed'),
    total: commitments.length,
  };
}

/** One read of each read model for the whole initiative, grouped by partner in memory. */
@Injectable()
export class AccountabilityQueries {
  constructor(
    private readonly initiatives: InitiativeOverviewReader,
    private readonly commitments: CommitmentsRegisterReader,
    private readonly roster: RosterReader,
    private readonly agreements: AgreementsRegisterReader,
    private readonly risks: RiskRegisterReader,
    private readonly benefits: BenefitPoolsReader,
  ) {}

  async forInitiative(initiativeId: string, on: string): Promise<Accountability> {
    if (!(await this.initiatives.get(initiativeId))) {
      throw new NotFoundError('initiative', initiativeId);
    }
    const [partners, commitments, roles, signatures, risksOf, benefitsOf] = await Promise.all([
      this.initiatives.partners(initiativeId),
      this.commitments.forInitiative(initiativeId),
      this.roster.inOffice(initiativeId, on),
      this.agreements.signaturesByPartner(initiativeId),
      this.risks.risksByPartner(initiativeId),
      this.benefits.benefitSharesByPartner(initiativeId),
    ]);
    const percent = (basisPoints: number | null) =>
      basisPoints === null ? null : basisPointsToPercent(basisPoints);
    const agreementsOf = new Map(signatures.map((s) => [s.partnerId, toPartnerAgreements(s)]));
    const commitmentsOf = groupBy(
      commitments.map((view) => toCommitment(view, on)),
      (c) => c.partnerId,
    );
    const rolesOf = groupBy(roles.map(toRoleAssignment), (r) => r.partnerId);
    return {
      initiativeId,
      on,
      partners: partners.map((partner) => ({
        partner: { ...partner, status: partner.status as PartnerStatus },
        commitments: byStatus(commitmentsOf.get(partner.partnerId) ?? []),
        roles: rolesOf.get(partner.partnerId) ?? [],
        risks: (risksOf.get(partner.partnerId) ?? []).map((r) => ({
          risk: toRisk(r.risk),
          owner: r.owner,
          sharePercent: percent(r.basisPoints),
        })),
        benefitShares: (benefitsOf.get(partner.partnerId) ?? []).map((b) => ({
          pool: toBenefitPool(b.pool),
          sharePercent: percent(b.basisPoints),
          distributed: b.distributed && toMoneyModel(b.distributed),
        })),
        agreements: agreementsOf.get(partner.partnerId) ?? {
          partnerId: partner.partnerId,
          signed: [],
          pending: [],
        },
      })),
    };
  }
}
