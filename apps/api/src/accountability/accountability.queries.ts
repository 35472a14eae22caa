import {
  AgreementsRegisterReader,
  CommitmentsRegisterReader,
  InitiativeOverviewReader,
  RosterReader,
} from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { toPartnerAgreements } from '../agreements/agreement.model';
import { type Commitment, toCommitment } from '../commitments/commitment.model';
import { type PartnerStatus } from '../initiatives/initiative.model';
import { NotFoundError } from '../ledger/ledger.errors';
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
  ) {}

  async forInitiative(initiativeId: string, on: string): Promise<Accountability> {
    if (!(await this.initiatives.get(initiativeId))) {
      throw new NotFoundError('initiative', initiativeId);
    }
    const [partners, commitments, roles, signatures] = await Promise.all([
      this.initiatives.partners(initiativeId),
      this.commitments.forInitiative(initiativeId),
      this.roster.inOffice(initiativeId, on),
      this.agreements.signaturesByPartner(initiativeId),
    ]);
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
        agreements: agreementsOf.get(partner.partnerId) ?? {
          partnerId: partner.partnerId,
          signed: [],
          pending: [],
        },
      })),
    };
  }
}
