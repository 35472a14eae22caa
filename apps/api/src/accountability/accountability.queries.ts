import {
  AgreementsRegisterReader,
  BenefitPoolsReader,
  type BenefitPoolSummaryView,
  CommitmentsRegisterReader,
  mapPage,
  type Page,
  InitiativeOverviewReader,
  type PagesByPartner,
  type PartnerBenefitShareView,
  type PartnerRiskView,
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
  type PartnerAccountability,
} from './accountability.model';
import { CommitmentPages } from './commitment-pages';
import { PartnerPages } from './partner-pages';
import { agreementPages, type PartnerAgreements } from '../agreements/agreement.model';
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

/** Every node of one load of pages, and the load with `convert` applied to each node. */
const nodesOf = <T>(pages: PagesByPartner<T>) =>
  [...pages.values()].flatMap((p) => p.edges.map((e) => e.node));
const mapPages = <T, R>(pages: PagesByPartner<T>, convert: (node: T) => R) =>
  new Map([...pages].map(([partnerId, p]) => [partnerId, mapPage(p, convert)]));

/** `convert`, remembering its result for each key. */
function oncePerKey<T, R>(key: (item: T) => string, convert: (item: T) => R): (item: T) => R {
  const done = new Map<string, R>();
  return (item) => {
    if (!done.has(key(item))) done.set(key(item), convert(item));
    return done.get(key(item))!;
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
  ): Promise<Page<PartnerAccountability>> {
    const page = await this.initiatives.partnerPage(
      initiativeId,
      toPageRequest(args),
      args.partnerId ?? undefined,
    );
    const partnerIds = page.edges.map(({ node }) => node.partnerId);
    const [counts, roles] = await Promise.all([
      this.commitments.bucketCounts(initiativeId, partnerIds, on),
      this.roster.inOffice(initiativeId, on, partnerIds),
    ]);
    const commitments = new CommitmentPages(this.commitments, initiativeId, partnerIds, on, counts);
    const rolesOf = groupBy(roles, (r) => r.partnerId);
    // Each list is read a page a partner, for every partner of the page at once, when asked.
    const risks = new PartnerPages(async (request) =>
      this.withRiskHistories(
        await this.risks.riskPagesByPartner(initiativeId, partnerIds, request),
      ),
    );
    const benefitShares = new PartnerPages(async (request) =>
      this.withPoolHistories(
        await this.benefits.benefitSharePagesByPartner(initiativeId, partnerIds, request),
      ),
    );
    const signaturePages = (signature: 'signed' | 'pending') =>
      new PartnerPages((request) =>
        this.agreements.signaturePagesByPartner(initiativeId, partnerIds, signature, request),
      );
    const agreementPagesOfPage = {
      signed: signaturePages('signed'),
      pending: signaturePages('pending'),
    };
    // The whole lists (PartnerAgreements.signed and pending) only when a query asks for them.
    const wholeAgreements = once(async () => {
      const signatures = await this.agreements.signaturesByPartner(initiativeId, partnerIds);
      return new Map(signatures.map((s) => [s.partnerId, s]));
    });
    const whole = (list: 'signed' | 'pending') =>
      async function (this: { partnerId: string }) {
        return (await wholeAgreements()).get(this.partnerId)?.[list] ?? [];
      };
    return mapPage(page, (partner) => {
      const agreements = withDeferred<PartnerAgreements, 'signed' | 'pending'>(
        { partnerId: partner.partnerId },
        { signed: whole('signed'), pending: whole('pending') },
      ) as PartnerAgreements;
      agreementPages.set(agreements, agreementPagesOfPage);
      return {
        partner,
        commitments: {
          partnerId: partner.partnerId,
          total: commitments.total(partner.partnerId),
          pages: commitments,
        },
        roles: rolesOf.get(partner.partnerId) ?? [],
        risks,
        benefitShares,
        agreements,
      };
    });
  }

  /**
   * The risks of one load of pages, their assessments and mitigations read (for every risk of
   * the load at once) only when the query asks for them.
   */
  private withRiskHistories(pages: PagesByPartner<PartnerRiskView>) {
    const riskIds = [...new Set(nodesOf(pages).map((node) => node.risk.riskId))];
    const riskId = (risk: RiskSummary) => risk.riskId;
    const getters = {
      assessments: deferredField(riskId, () => this.risks.assessmentsOf(riskIds), []),
      mitigations: deferredField(riskId, () => this.risks.mitigationsOf(riskIds), []),
    };
    // A risk several partners of the page share is converted once.
    const risk = oncePerKey(
      (view: RiskSummaryView) => view.riskId,
      (view: RiskSummaryView) =>
        withDeferred<Risk, 'assessments' | 'mitigations'>({ ...view }, getters),
    );
    return mapPages(pages, (r) => ({ ...r, risk: risk(r.risk) }));
  }

  /** The pools of one load of pages, their allocations and distributions read only when asked. */
  private withPoolHistories(pages: PagesByPartner<PartnerBenefitShareView>) {
    const poolIds = [...new Set(nodesOf(pages).map((node) => node.pool.poolId))];
    const pool = oncePerKey((view: BenefitPoolSummaryView) => view.poolId, this.pagePools(poolIds));
    return mapPages(pages, (b) => ({ ...b, pool: pool(b.pool) }));
  }

  /** These pools, their allocations and distributions read (all at once) only when asked. */
  private pagePools(poolIds: readonly string[]) {
    const whole = once(async () => {
      const pools = await this.benefits.poolsById(poolIds);
      return new Map(pools.map((pool) => [pool.poolId, pool]));
    });
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
