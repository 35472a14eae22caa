import type { BenefitPoolKind, Money, PartnerAmount, PartnerShare } from '@accord/domain';
import {
  keysetPage,
  type Page,
  type PageRequest,
  pagesByPartner,
  type PagesByPartner,
} from '../runtime/cursor';
import type { ReadModelDatabase, SqlValue } from '../runtime/read-model-database';

export interface AllocationView {
  /** The pool's revision at which the allocation was made; later ones replace earlier ones. */
  revision: number;
  shares: PartnerShare[];
  /** Null for the first allocation; the reason for each reallocation. */
  reason: string | null;
  allocatedAt: string;
  current: boolean;
}

export interface DistributionView {
  distributionId: string;
  amounts: PartnerAmount[];
  total: Money;
  note: string;
  recordedAt: string;
}

export interface BenefitPoolView {
  poolId: string;
  initiativeId: string;
  name: string;
  kind: BenefitPoolKind;
  description: string;
  /** Funding pools only. */
  amount: Money | null;
  /** The allocation in force, in basis points; empty until the pool is allocated. */
  allocation: PartnerShare[];
  /** Every allocation, oldest first, the current one last. */
  allocationHistory: AllocationView[];
  distributions: DistributionView[];
  /** Funding pools: what each partner received so far (partners of the allocation first, 0 if nothing yet). */
  distributedByPartner: PartnerAmount[];
  /** Funding pools: the sum of all distributions; null otherwise. */
  distributed: Money | null;
  /** Funding pools: the amount not yet distributed; null otherwise. */
  remaining: Money | null;
  revision: number;
}

/** A pool without its allocations and distributions: what views listing many pools read first. */
export type BenefitPoolSummaryView = Pick<
  BenefitPoolView,
  'poolId' | 'initiativeId' | 'name' | 'kind' | 'description' | 'amount' | 'revision'
>;

/** One partner's benefit share in a pool, for the accountability view. */
export interface PartnerBenefitShareView {
  pool: BenefitPoolSummaryView;
  /** Its share in the current allocation, in basis points; null when it has none (any more). */
  basisPoints: number | null;
  /** Funding pools: what it received so far; null for other kinds. */
  distributed: Money | null;
}

interface PoolRow {
  pool_id: string;
  initiative_id: string;
  name: string;
  kind: BenefitPoolKind;
  description: string;
  amount_minor: string | null;
  currency: string | null;
  allocation_revision: number | null;
  revision: number;
  defined_position: number | string;
}

interface AllocationRow {
  pool_id: string;
  revision: number;
  partner_id: string;
  basis_points: number;
  reason: string | null;
  allocated_at: string;
}

interface DistributionRow {
  pool_id: string;
  distribution_id: string;
  partner_id: string;
  amount_minor: string;
  currency: string;
  note: string;
  recorded_at: string;
}

function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

const amountOf = (row: PoolRow): Money | null =>
  row.amount_minor !== null && row.currency !== null
    ? { amountMinor: row.amount_minor, currency: row.currency }
    : null;

function toSummary(row: PoolRow): BenefitPoolSummaryView {
  return {
    poolId: row.pool_id,
    initiativeId: row.initiative_id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    amount: amountOf(row),
    revision: Number(row.revision),
  };
}

/**
 * The pools of an initiative in which the partners listed hold a share or received a
 * distribution, at any time (all its pools without a list); `partner` keeps a table's rows to
 * those partners.
 */
function partnersPools(initiativeId: string, partnerIds?: readonly string[]) {
  if (partnerIds === undefined)
    return { where: 'initiative_id = ?', params: [initiativeId], partner: '', partnerParams: [] };
  const list = partnerIds.map(() => '?').join(', ');
  return {
    where: `initiative_id = ? AND pool_id IN (
       SELECT pool_id FROM rm_benefit_allocations WHERE initiative_id = ? AND partner_id IN (${list})
       UNION SELECT pool_id FROM rm_benefit_distributions WHERE initiative_id = ? AND partner_id IN (${list}))`,
    params: [initiativeId, initiativeId, ...partnerIds, initiativeId, ...partnerIds],
    partner: `AND partner_id IN (${list})`,
    partnerParams: partnerIds,
  };
}

function toAllocations(rows: readonly AllocationRow[], current: number | null): AllocationView[] {
  return [...groupBy(rows, (row) => String(row.revision)).values()].map((group) => {
    const first = group[0]!;
    return {
      revision: Number(first.revision),
      shares: group.map((r) => ({ partnerId: r.partner_id, basisPoints: Number(r.basis_points) })),
      reason: first.reason,
      allocatedAt: first.allocated_at,
      current: Number(first.revision) === current,
    };
  });
}

function toDistributions(rows: readonly DistributionRow[]): DistributionView[] {
  return [...groupBy(rows, (row) => row.distribution_id).values()].map((group) => {
    const first = group[0]!;
    const total = group.reduce((sum, row) => sum + BigInt(row.amount_minor), 0n);
    return {
      distributionId: first.distribution_id,
      amounts: group.map((r) => ({
        partnerId: r.partner_id,
        amount: { amountMinor: r.amount_minor, currency: r.currency },
      })),
      total: { amountMinor: total.toString(), currency: first.currency },
      note: first.note,
      recordedAt: first.recorded_at,
    };
  });
}

function toView(
  row: PoolRow,
  allocationRows: readonly AllocationRow[],
  distributionRows: readonly DistributionRow[],
): BenefitPoolView {
  const current = row.allocation_revision === null ? null : Number(row.allocation_revision);
  const allocationHistory = toAllocations(allocationRows, current);
  const allocation = allocationHistory.find((a) => a.current)?.shares ?? [];
  const amount = amountOf(row);
  const received = new Map<string, bigint>(allocation.map((share) => [share.partnerId, 0n]));
  for (const paid of distributionRows)
    received.set(
      paid.partner_id,
      (received.get(paid.partner_id) ?? 0n) + BigInt(paid.amount_minor),
    );
  const distributedMinor = [...received.values()].reduce((sum, minor) => sum + minor, 0n);
  const money = (minor: bigint): Money => ({
    amountMinor: minor.toString(),
    currency: amount!.currency,
  });
  return {
    ...toSummary(row),
    allocation,
    allocationHistory,
    distributions: toDistributions(distributionRows),
    distributedByPartner: amount
      ? [...received].map(([partnerId, minor]) => ({ partnerId, amount: money(minor) }))
      : [],
    distributed: amount && money(distributedMinor),
    remaining: amount && money(BigInt(amount.amountMinor) - distributedMinor),
  };
}

export class BenefitPoolsReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(poolId: string): Promise<BenefitPoolView | undefined> {
    const [view] = await this.load('pool_id = ?', [poolId]);
    return view;
  }

  /** The pools of an initiative, in the order they were defined. */
  byInitiative(initiativeId: string): Promise<BenefitPoolView[]> {
    return this.load('initiative_id = ?', [initiativeId]);
  }

  /**
   * One page of an initiative's pools, in the order they were defined, each whole (its
   * allocations and distributions read for the pools on the page only).
   */
  page(initiativeId: string, page: PageRequest): Promise<Page<BenefitPoolView>> {
    return keysetPage<PoolRow, BenefitPoolView>(
      this.db,
      {
        table: 'rm_benefit_pools',
        key: 'defined_position',
        where: ['initiative_id = ?'],
        params: [initiativeId],
      },
      page,
      (rows) => this.whole(rows),
    );
  }

  /**
   * For the accountability view: the pools of an initiative in which one partner holds a
   * share now or received a distribution before, with its share and what it received.
   */
  async benefitSharesOf(
    initiativeId: string,
    partnerId: string,
  ): Promise<PartnerBenefitShareView[]> {
    return (await this.benefitSharesByPartner(initiativeId)).get(partnerId) ?? [];
  }

  /**
   * For the accountability view of a whole initiative in one read (or of the partners listed):
   * partner id -> its benefit shares (pools where it holds a share now or, in a funding pool,
   * received a distribution before), pools in the order defined. The pools come without their
   * allocations and distributions: poolsOfPartners reads them for the same partners when asked.
   */
  async benefitSharesByPartner(
    initiativeId: string,
    partnerIds?: readonly string[],
  ): Promise<Map<string, PartnerBenefitShareView[]>> {
    const byPartner = new Map<string, PartnerBenefitShareView[]>();
    if (partnerIds?.length === 0) return byPartner;
    const { where, params, partner, partnerParams } = partnersPools(initiativeId, partnerIds);
    const pools = await this.db.all<PoolRow>(
      `SELECT * FROM rm_benefit_pools WHERE ${where} ORDER BY defined_position`,
      params,
    );
    if (pools.length === 0) return byPartner;
    // Only the partners' own shares in the allocations in force, and their own distributions.
    const shares = groupBy(
      await this.db.all<Pick<AllocationRow, 'pool_id' | 'partner_id' | 'basis_points'>>(
        `SELECT a.pool_id, a.partner_id, a.basis_points FROM rm_benefit_allocations a
         JOIN rm_benefit_pools p ON p.pool_id = a.pool_id AND p.allocation_revision = a.revision
         WHERE a.initiative_id = ? ${partner.replace('partner_id', 'a.partner_id')}`,
        [initiativeId, ...partnerParams],
      ),
      (row) => row.pool_id,
    );
    const paid = groupBy(
      await this.db.all<Pick<DistributionRow, 'pool_id' | 'partner_id' | 'amount_minor'>>(
        `SELECT pool_id, partner_id, amount_minor FROM rm_benefit_distributions
         WHERE initiative_id = ? ${partner}`,
        [initiativeId, ...partnerParams],
      ),
      (row) => row.pool_id,
    );
    for (const row of pools) {
      const pool = toSummary(row);
      const received = new Map<string, bigint>();
      for (const share of shares.get(pool.poolId) ?? []) received.set(share.partner_id, 0n);
      // Distributions count for funding pools only: the others have no amount to pay out.
      if (pool.amount)
        for (const payment of paid.get(pool.poolId) ?? [])
          received.set(
            payment.partner_id,
            (received.get(payment.partner_id) ?? 0n) + BigInt(payment.amount_minor),
          );
      for (const [partnerId, minor] of received) {
        const share = shares.get(pool.poolId)?.find((s) => s.partner_id === partnerId);
        const view = {
          pool,
          basisPoints: share ? Number(share.basis_points) : null,
          distributed: pool.amount && {
            amountMinor: minor.toString(),
            currency: pool.amount.currency,
          },
        };
        const views = byPartner.get(partnerId);
        if (views) views.push(view);
        else byPartner.set(partnerId, [view]);
      }
    }
    return byPartner;
  }

  /**
   * For the accountability view: one page of each listed partner's benefit shares (as
   * benefitSharesByPartner: pools where it holds a share in the current allocation, or funding
   * pools that paid it), pools in the order defined, read in SQL a LIMIT a partner; cursors are
   * the pools' positions. The pools come without their allocations and distributions (poolsById).
   */
  benefitSharePagesByPartner(
    initiativeId: string,
    partnerIds: readonly string[],
    page: PageRequest,
  ): Promise<PagesByPartner<PartnerBenefitShareView>> {
    const list = partnerIds.map(() => '?').join(', ');
    // The (pool, partner) pairs of the list, by the partner indexes of allocations and payments.
    const theirs = (partner: string) =>
      `SELECT a.partner_id, a.pool_id FROM rm_benefit_allocations a
         JOIN rm_benefit_pools q ON q.pool_id = a.pool_id AND q.allocation_revision = a.revision
         WHERE a.initiative_id = ? AND a.partner_id ${partner}
       UNION SELECT d.partner_id, d.pool_id FROM rm_benefit_distributions d
         JOIN rm_benefit_pools q ON q.pool_id = d.pool_id
         WHERE d.initiative_id = ? AND d.partner_id ${partner}
           AND q.amount_minor IS NOT NULL AND q.currency IS NOT NULL`;
    return pagesByPartner<PoolRow & { page_partner: string }, PartnerBenefitShareView>(
      this.db,
      partnerIds,
      {
        onePartner: (after) =>
          `SELECT CAST(? AS TEXT) AS page_partner, p.* FROM rm_benefit_pools p
           WHERE p.pool_id IN (SELECT pool_id FROM (${theirs('= ?')}) AS theirs)
           ${after === undefined ? '' : 'AND p.defined_position > ?'}
           ORDER BY p.defined_position LIMIT ?`,
        params: (partnerId, after) => [
          partnerId,
          initiativeId,
          partnerId,
          initiativeId,
          partnerId,
          ...(after === undefined ? [] : [after]),
        ],
        counts: `SELECT partner_id, COUNT(*) AS n FROM (${theirs(`IN (${list})`)}) AS theirs
          GROUP BY partner_id`,
        countParams: [initiativeId, ...partnerIds, initiativeId, ...partnerIds],
      },
      page,
      (row) => Number(row.defined_position),
      async (rows) => {
        const poolIds = [...new Set(rows.map((row) => row.pool_id))];
        const partners = [...new Set(rows.map((row) => row.page_partner))];
        const pairs = (table: string, columns: string) =>
          poolIds.length === 0
            ? Promise.resolve([])
            : this.db.all<{ pool_id: string; partner_id: string } & Record<string, unknown>>(
                `SELECT pool_id, partner_id, ${columns} FROM ${table}
                 WHERE pool_id IN (${poolIds.map(() => '?').join(', ')})
                   AND partner_id IN (${partners.map(() => '?').join(', ')})`,
                [...poolIds, ...partners],
              );
        const [allocated, paid] = await Promise.all([
          pairs('rm_benefit_allocations', 'revision, basis_points'),
          pairs('rm_benefit_distributions', 'amount_minor'),
        ]);
        const pools = new Map<string, BenefitPoolSummaryView>();
        return rows.map((row) => {
          let pool = pools.get(row.pool_id);
          if (!pool) {
            pool = toSummary(row);
            pools.set(row.pool_id, pool);
          }
          const mine = (r: { pool_id: string; partner_id: string }) =>
            r.pool_id === row.pool_id && r.partner_id === row.page_partner;
          const share = allocated.find(
            (r) => mine(r) && Number(r.revision) === Number(row.allocation_revision),
          );
          const received = paid
            .filter(mine)
            .reduce((sum, r) => sum + BigInt(r.amount_minor as string), 0n);
          return {
            pool,
            basisPoints: share ? Number(share.basis_points) : null,
            distributed: pool.amount && {
              amountMinor: received.toString(),
              currency: pool.amount.currency,
            },
          };
        });
      },
    );
  }

  /** These pools, whole (allocations and distributions), in the order defined. */
  poolsById(poolIds: readonly string[]): Promise<BenefitPoolView[]> {
    if (poolIds.length === 0) return Promise.resolve([]);
    return this.load(`pool_id IN (${poolIds.map(() => '?').join(', ')})`, poolIds);
  }

  /** The pools benefitSharesByPartner gives for the same partners, whole. */
  poolsOfPartners(
    initiativeId: string,
    partnerIds?: readonly string[],
  ): Promise<BenefitPoolView[]> {
    if (partnerIds?.length === 0) return Promise.resolve([]);
    const { where, params } = partnersPools(initiativeId, partnerIds);
    return this.load(where, params);
  }

  private async load(where: string, params: readonly SqlValue[]): Promise<BenefitPoolView[]> {
    const pools = await this.db.all<PoolRow>(
      `SELECT * FROM rm_benefit_pools WHERE ${where} ORDER BY defined_position`,
      params,
    );
    return this.whole(pools);
  }

  /** The pools of these rows with their allocations and distributions. */
  private async whole(pools: readonly PoolRow[]): Promise<BenefitPoolView[]> {
    if (pools.length === 0) return [];
    const where = `pool_id IN (${pools.map(() => '?').join(', ')})`;
    const params = pools.map((row) => row.pool_id);
    const allocations = groupBy(
      await this.db.all<AllocationRow>(
        `SELECT * FROM rm_benefit_allocations WHERE ${where} ORDER BY pool_id, revision, ordinal`,
        params,
      ),
      (row) => row.pool_id,
    );
    const distributions = groupBy(
      await this.db.all<DistributionRow>(
        `SELECT * FROM rm_benefit_distributions WHERE ${where} ORDER BY pool_id, revision, ordinal`,
        params,
      ),
      (row) => row.pool_id,
    );
    return pools.map((row) =>
      toView(row, allocations.get(row.pool_id) ?? [], distributions.get(row.pool_id) ?? []),
    );
  }
}
