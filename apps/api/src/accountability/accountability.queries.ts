import {
  AgreementsRegisterReader,
  BenefitPoolsReader,
  type BenefitPoolSummaryView,
  CommitmentsRegisterReader,
  mapPage,
  InitiativeOverviewReader,
  RiskRegisterReader,
  type RiskSummaryView,
  RosterReader,
} from '@accord/projections';
import { Injectable } from '@nestjs/common';
import {
  type BenefitPool,
  type BenefitPoolHistoryField,
  type BenefitPoolSummary,
} from '../benefit-pools/benefit-pool.model';
import { NotFoundError } from '../ledger/ledger.errors';
import type { Risk, RiskSummary } from '../risks/risk.model';
import { toPageRequest } from '../graphql/pagination';
import {
  type Accountability,
  type AccountabilityPartnersArgs,
  type PartnerAccountabilityConnection,
} from './accountability.model';
import { CommitmentPages } from './commitment-pages';
import { deferredField, once, withDeferred } from './deferred';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** `convert`, remembering its result for each key. */
function oncePerKey<T, R>(key: (item: T) => string, convert: (item: T) => R): (item: T) => R {
  const done = new Map<string, R>();
  return (item) => {
    let result = done.get(key(item));
    if (result === undefined) {
      result = convert(item);
      done.set(key(item), result);
    }
    return result;
  };
}

/**
 * The accountability view, a page of partners at a time: each read model is read once per page
 * (never once per partner), and each group of commitments once for all the page's partners.
 */
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
    return { initiativeId, on };
  }

  async partners(
    { initiativeId, on }: Accountability,
    args: AccountabilityPartnersArgs,
  ): Promise<PartnerAccountabilityConnection> {
    const page = await this.initiatives.partnerPage(
      initiativeId,
      toPageRequest(args),
      args.partnerId ?? undefined,
    );
    const partnerIds = page.edges.map(({ node }) => node.partnerId);
    const [counts, roles, signatures, risksOf, benefitsOf] = await Promise.all([
      this.commitments.bucketCounts(initiativeId, partnerIds, on),
      this.roster.inOffice(initiativeId, on, partnerIds),
      this.agreements.signaturesByPartner(initiativeId, partnerIds),
      this.risks.risksByPartner(initiativeId, partnerIds),
      this.benefits.benefitSharesByPartner(initiativeId, partnerIds),
    ]);
    const commitments = new CommitmentPages(this.commitments, initiativeId, partnerIds, on, counts);
    const agreementsOf = new Map(signatures.map((s) => [s.partnerId, s]));
    const rolesOf = groupBy(roles, (r) => r.partnerId);
    // A risk or pool several partners of the page share is converted once.
    const risk = oncePerKey(
      (view: RiskSummaryView) => view.riskId,
      this.pageRisks(initiativeId, partnerIds),
    );
    const pool = oncePerKey(
      (view: BenefitPoolSummaryView) => view.poolId,
      this.pagePools(initiativeId, partnerIds),
    );
    return mapPage(page, (partner) => ({
      partner,
      commitments: {
        partnerId: partner.partnerId,
        total: commitments.total(partner.partnerId),
        pages: commitments,
      },
      roles: rolesOf.get(partner.partnerId) ?? [],
      risks: (risksOf.get(partner.partnerId) ?? []).map((r) => ({ ...r, risk: risk(r.risk) })),
      benefitShares: (benefitsOf.get(partner.partnerId) ?? []).map((b) => ({
        ...b,
        pool: pool(b.pool),
      })),
      agreements: agreementsOf.get(partner.partnerId) ?? {
        partnerId: partner.partnerId,
        signed: [],
        pending: [],
      },
    }));
  }

  /**
   * The risks of the page's partners, their assessments and mitigations read (for the whole
   * page at once) only when the query asks for them: a page of a hundred partners can bear
   * tens of thousands of risks, and their histories several times as many rows.
   */
  private pageRisks(initiativeId: string, partnerIds: readonly string[]) {
    const riskId = (risk: RiskSummary) => risk.riskId;
    const assessments = deferredField(
      riskId,
      () => this.risks.assessmentsByRisk(initiativeId, partnerIds),
      [],
    );
    const mitigations = deferredField(
      riskId,
      () => this.risks.mitigationsByRisk(initiativeId, partnerIds),
      [],
    );
    return (view: RiskSummaryView) =>
      withDeferred<Risk, 'assessments' | 'mitigations'>(
        { ...view },
        {
          assessments,
          mitigations,
        },
      );
  }

  /** The pools of the page's partners, their allocations and distributions read only when asked. */
  private pagePools(initiativeId: string, partnerIds: readonly string[]) {
    const whole = once(
      async () =>
        new Map(
          (await this.benefits.poolsOfPartners(initiativeId, partnerIds)).map((pool) => [
            pool.poolId,
            pool,
          ]),
        ),
    );
    const field = <K extends BenefitPoolHistoryField>(name: K) =>
      async function (this: BenefitPoolSummary): Promise<BenefitPool[K]> {
        const pool = (await whole()).get(this.poolId);
        // Pools are never deleted: one the page listed is there.
        if (!pool) throw new Error(`benefit pool ${this.poolId} vanished`);
        return pool[name];
      };
    const history = {
      allocation: field('allocation'),
      allocationHistory: field('allocationHistory'),
      distributions: field('distributions'),
      distributedByPartner: field('distributedByPartner'),
      distributed: field('distributed'),
      remaining: field('remaining'),
    };
    return (view: BenefitPoolSummaryView) =>
      withDeferred<BenefitPool, BenefitPoolHistoryField>({ ...view }, history);
  }
}
