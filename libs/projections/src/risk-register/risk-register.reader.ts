import type { PartnerShare, RiskCategory, RiskStatus } from '@accord/domain';
import {
  type Page,
  pageOf,
  type PageRequest,
  pagesByPartner,
  type PagesByPartner,
} from '../runtime/cursor';
import type { ReadModelDatabase, SqlValue } from '../runtime/read-model-database';

export interface RiskAssessmentView {
  likelihood: number;
  impact: number;
  exposure: number;
  /** Null for the assessment made when the risk was identified. */
  reason: string | null;
  assessedAt: string;
}

export interface MitigationView {
  mitigationId: string;
  description: string;
  commitmentIds: string[];
  plannedAt: string;
}

export interface RiskView {
  riskId: string;
  initiativeId: string;
  title: string;
  description: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  /** likelihood x impact, 1 to 25. */
  exposure: number;
  ownerPartnerId: string;
  status: RiskStatus;
  /** Ownership shares in basis points, in the order given; empty until ownership is shared. */
  shares: PartnerShare[];
  mitigations: MitigationView[];
  /** Oldest first, the identification included. */
  assessments: RiskAssessmentView[];
  identifiedAt: string;
  materialisedAt: string | null;
  materialisation: string | null;
  closedAt: string | null;
  closingReason: string | null;
  revision: number;
}

/** A risk without its mitigations and assessments: what views listing many risks read first. */
export type RiskSummaryView = Omit<RiskView, 'mitigations' | 'assessments'>;

/** A risk as one partner sees it: whether it owns it, and its share of the ownership. */
export interface PartnerRiskView {
  risk: RiskSummaryView;
  /** The partner is the risk's named owner. */
  owner: boolean;
  /** The partner's ownership share in basis points, or null when ownership was not shared with it. */
  basisPoints: number | null;
}

interface RiskRow {
  risk_id: string;
  initiative_id: string;
  title: string;
  description: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  exposure: number;
  owner_partner_id: string;
  status: RiskStatus;
  identified_at: string;
  materialised_at: string | null;
  materialisation: string | null;
  closed_at: string | null;
  closing_reason: string | null;
  revision: number;
  identified_position: number | string;
}

interface AssessmentRow {
  risk_id: string;
  likelihood: number;
  impact: number;
  reason: string | null;
  assessed_at: string;
}

interface ShareRow {
  risk_id: string;
  partner_id: string;
  basis_points: number;
}

interface MitigationRow {
  risk_id: string;
  mitigation_id: string;
  description: string;
  commitment_ids: string;
  planned_at: string;
}

function groupBy<Row extends { risk_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.risk_id);
    if (group) group.push(row);
    else groups.set(row.risk_id, [row]);
  }
  return groups;
}

const toAssessment = (a: AssessmentRow): RiskAssessmentView => ({
  likelihood: Number(a.likelihood),
  impact: Number(a.impact),
  exposure: Number(a.likelihood) * Number(a.impact),
  reason: a.reason,
  assessedAt: a.assessed_at,
});

const toMitigation = (m: MitigationRow): MitigationView => ({
  mitigationId: m.mitigation_id,
  description: m.description,
  commitmentIds: JSON.parse(m.commitment_ids) as string[],
  plannedAt: m.planned_at,
});

function toSummary(row: RiskRow, shares: readonly ShareRow[]): RiskSummaryView {
  return {
    riskId: row.risk_id,
    initiativeId: row.initiative_id,
    title: row.title,
    description: row.description,
    category: row.category,
    likelihood: Number(row.likelihood),
    impact: Number(row.impact),
    exposure: Number(row.exposure),
    ownerPartnerId: row.owner_partner_id,
    status: row.status,
    shares: shares.map((s) => ({ partnerId: s.partner_id, basisPoints: Number(s.basis_points) })),
    identifiedAt: row.identified_at,
    materialisedAt: row.materialised_at,
    materialisation: row.materialisation,
    closedAt: row.closed_at,
    closingReason: row.closing_reason,
    revision: Number(row.revision),
  };
}

/** The risks of an initiative that the partners listed own or share (all its risks without a list). */
function partnersRisks(initiativeId: string, partnerIds?: readonly string[]) {
  if (partnerIds === undefined)
    return {
      where: 'r.initiative_id = ?',
      params: [initiativeId],
      childWhere: 'initiative_id = ?',
      childParams: [initiativeId],
    };
  const list = partnerIds.map(() => '?').join(', ');
  // Found from the partners (owner and share indexes), not by testing every risk of the
  // initiative: an initiative can hold tens of thousands.
  const theirs = `SELECT risk_id FROM rm_risks WHERE initiative_id = ? AND owner_partner_id IN (${list})
     UNION SELECT risk_id FROM rm_risk_shares WHERE initiative_id = ? AND partner_id IN (${list})`;
  const theirParams = [initiativeId, ...partnerIds, initiativeId, ...partnerIds];
  return {
    // By key alone: with the initiative's own index in reach, SQLite walked every risk of it.
    where: `r.risk_id IN (${theirs})`,
    params: theirParams,
    childWhere: `risk_id IN (${theirs})`,
    childParams: theirParams,
  };
}

/**
 * The register's order (exposure highest first, then identification order) as one number, for
 * the position cursors every page uses: positions stay below 2^40, exposures within 1 to 25.
 */
const EXPOSURE_STEP = 2 ** 40;
const registerKey = (row: RiskRow) =>
  (25 - Number(row.exposure)) * EXPOSURE_STEP + Number(row.identified_position);
const fromRegisterKey = (key: number) => ({
  exposure: 25 - Math.floor(key / EXPOSURE_STEP),
  position: key % EXPOSURE_STEP,
});

export class RiskRegisterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(riskId: string): Promise<RiskView | undefined> {
    const [view] = await this.load('r.risk_id = ?', [riskId], 'risk_id = ?', [riskId]);
    return view;
  }

  /**
   * One page of an initiative's risks (of one status when given), highest exposure (likelihood x
   * impact) first, then oldest first; totalCount counts every page.
   */
  async registerPage(
    initiativeId: string,
    status: RiskStatus | undefined,
    page: PageRequest,
  ): Promise<Page<RiskView>> {
    const where = ['r.initiative_id = ?'];
    const params: SqlValue[] = [initiativeId];
    if (status !== undefined) {
      where.push('r.status = ?');
      params.push(status);
    }
    const total = await this.db.get<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM rm_risks r WHERE ${where.join(' AND ')}`,
      params,
    );
    if (page.after !== undefined) {
      const after = fromRegisterKey(page.after);
      where.push('(r.exposure < ? OR (r.exposure = ? AND r.identified_position > ?))');
      params.push(after.exposure, after.exposure, after.position);
    }
    const rows = await this.db.all<RiskRow>(
      `SELECT * FROM rm_risks r WHERE ${where.join(' AND ')}
       ORDER BY r.exposure DESC, r.identified_position LIMIT ?`,
      [...params, page.first + 1],
    );
    return pageOf(rows, page, Number(total?.n ?? 0), registerKey, (shown) => {
      const ids = shown.map((row) => row.risk_id);
      return this.withDetails(
        shown,
        `risk_id IN (${ids.map(() => '?').join(', ') || 'NULL'})`,
        ids,
      );
    });
  }

  /**
   * For the accountability view: the risks of an initiative that one partner owns or shares,
   * highest exposure first, with its share of the ownership.
   */
  async risksOwnedOrSharedBy(initiativeId: string, partnerId: string): Promise<PartnerRiskView[]> {
    const risks = await this.load(
      `r.initiative_id = ? AND (r.owner_partner_id = ? OR EXISTS (
         SELECT 1 FROM rm_risk_shares s WHERE s.risk_id = r.risk_id AND s.partner_id = ?))`,
      [initiativeId, partnerId, partnerId],
      'initiative_id = ?',
      [initiativeId],
    );
    return risks.map((risk) => ({
      risk,
      owner: risk.ownerPartnerId === partnerId,
      basisPoints: risk.shares.find((share) => share.partnerId === partnerId)?.basisPoints ?? null,
    }));
  }

  /**
   * For the accountability view of a whole initiative in one read (or of the partners listed):
   * partner id -> the risks it owns or shares, highest exposure first, with its share of the
   * ownership. The risks come without their mitigations and assessments, which
   * mitigationsByRisk and assessmentsByRisk read for the same partners when they are asked for.
   */
  async risksByPartner(
    initiativeId: string,
    partnerIds?: readonly string[],
  ): Promise<Map<string, PartnerRiskView[]>> {
    const byPartner = new Map<string, PartnerRiskView[]>();
    if (partnerIds?.length === 0) return byPartner;
    const listed = partnerIds && new Set(partnerIds);
    const { where, params, childWhere, childParams } = partnersRisks(initiativeId, partnerIds);
    const rows = await this.db.all<RiskRow>(
      `SELECT * FROM rm_risks r WHERE ${where} ORDER BY r.exposure DESC, r.identified_position`,
      params,
    );
    if (rows.length === 0) return byPartner;
    const sharesOf = groupBy(
      await this.db.all<ShareRow>(
        `SELECT risk_id, partner_id, basis_points FROM rm_risk_shares WHERE ${childWhere}
         ORDER BY risk_id, ordinal`,
        childParams,
      ),
    );
    for (const row of rows) {
      const risk = toSummary(row, sharesOf.get(row.risk_id) ?? []);
      const partners = new Set([risk.ownerPartnerId, ...risk.shares.map((s) => s.partnerId)]);
      for (const partnerId of partners) {
        if (listed && !listed.has(partnerId)) continue;
        const view = {
          risk,
          owner: risk.ownerPartnerId === partnerId,
          basisPoints: risk.shares.find((s) => s.partnerId === partnerId)?.basisPoints ?? null,
        };
        const views = byPartner.get(partnerId);
        if (views) views.push(view);
        else byPartner.set(partnerId, [view]);
      }
    }
    return byPartner;
  }

  /**
   * For the accountability view: one page of each listed partner's risks (those it owns or
   * shares), highest exposure first then oldest first, read in SQL a LIMIT a partner; cursors are
   * the register's keys. The risks come without their mitigations and assessments (see
   * assessmentsOf and mitigationsOf).
   */
  riskPagesByPartner(
    initiativeId: string,
    partnerIds: readonly string[],
    page: PageRequest,
  ): Promise<PagesByPartner<PartnerRiskView>> {
    const list = partnerIds.map(() => '?').join(', ');
    return pagesByPartner<RiskRow & { page_partner: string }, PartnerRiskView>(
      this.db,
      partnerIds,
      {
        // Found from the partner (owner and share indexes), then sorted: a partner bears a few
        // hundred of the initiative's tens of thousands of risks.
        onePartner: (after) =>
          `SELECT CAST(? AS TEXT) AS page_partner, r.* FROM rm_risks r
           WHERE r.risk_id IN (
             SELECT risk_id FROM rm_risks WHERE initiative_id = ? AND owner_partner_id = ?
             UNION SELECT risk_id FROM rm_risk_shares WHERE initiative_id = ? AND partner_id = ?)
           ${after === undefined ? '' : 'AND (r.exposure < ? OR (r.exposure = ? AND r.identified_position > ?))'}
           ORDER BY r.exposure DESC, r.identified_position LIMIT ?`,
        params: (partnerId, after) => {
          const from = after === undefined ? undefined : fromRegisterKey(after);
          return [
            partnerId,
            initiativeId,
            partnerId,
            initiativeId,
            partnerId,
            ...(from ? [from.exposure, from.exposure, from.position] : []),
          ];
        },
        counts: `SELECT partner_id, COUNT(*) AS n FROM (
            SELECT owner_partner_id AS partner_id, risk_id FROM rm_risks
            WHERE initiative_id = ? AND owner_partner_id IN (${list})
            UNION SELECT partner_id, risk_id FROM rm_risk_shares
            WHERE initiative_id = ? AND partner_id IN (${list})) AS theirs
          GROUP BY partner_id`,
        countParams: [initiativeId, ...partnerIds, initiativeId, ...partnerIds],
      },
      page,
      registerKey,
      async (rows) => {
        const ids = [...new Set(rows.map((row) => row.risk_id))];
        const sharesOf = groupBy(
          ids.length === 0
            ? []
            : await this.db.all<ShareRow>(
                `SELECT risk_id, partner_id, basis_points FROM rm_risk_shares
                 WHERE risk_id IN (${ids.map(() => '?').join(', ')}) ORDER BY risk_id, ordinal`,
                ids,
              ),
        );
        // A risk several partners of the page share is made once.
        const risks = new Map<string, RiskSummaryView>();
        return rows.map((row) => {
          let risk = risks.get(row.risk_id);
          if (!risk) {
            risk = toSummary(row, sharesOf.get(row.risk_id) ?? []);
            risks.set(row.risk_id, risk);
          }
          return {
            risk,
            owner: risk.ownerPartnerId === row.page_partner,
            basisPoints:
              risk.shares.find((s) => s.partnerId === row.page_partner)?.basisPoints ?? null,
          };
        });
      },
    );
  }

  /** The assessments (oldest first) of these risks. */
  async assessmentsOf(riskIds: readonly string[]): Promise<Map<string, RiskAssessmentView[]>> {
    if (riskIds.length === 0) return new Map();
    const rows = await this.db.all<AssessmentRow>(
      `SELECT risk_id, likelihood, impact, reason, assessed_at FROM rm_risk_assessments
       WHERE risk_id IN (${riskIds.map(() => '?').join(', ')}) ORDER BY risk_id, revision`,
      riskIds,
    );
    return new Map([...groupBy(rows)].map(([riskId, group]) => [riskId, group.map(toAssessment)]));
  }

  /** The mitigations of these risks. */
  async mitigationsOf(riskIds: readonly string[]): Promise<Map<string, MitigationView[]>> {
    if (riskIds.length === 0) return new Map();
    const rows = await this.db.all<MitigationRow>(
      `SELECT risk_id, mitigation_id, description, commitment_ids, planned_at
       FROM rm_risk_mitigations WHERE risk_id IN (${riskIds.map(() => '?').join(', ')})
       ORDER BY risk_id, revision`,
      riskIds,
    );
    return new Map([...groupBy(rows)].map(([riskId, group]) => [riskId, group.map(toMitigation)]));
  }

  /** The assessments (oldest first) of the risks risksByPartner gives for the same partners. */
  async assessmentsByRisk(
    initiativeId: string,
    partnerIds?: readonly string[],
  ): Promise<Map<string, RiskAssessmentView[]>> {
    if (partnerIds?.length === 0) return new Map();
    const { childWhere, childParams } = partnersRisks(initiativeId, partnerIds);
    const rows = await this.db.all<AssessmentRow>(
      `SELECT risk_id, likelihood, impact, reason, assessed_at FROM rm_risk_assessments
       WHERE ${childWhere} ORDER BY risk_id, revision`,
      childParams,
    );
    return new Map([...groupBy(rows)].map(([riskId, group]) => [riskId, group.map(toAssessment)]));
  }

  /** The mitigations of the risks risksByPartner gives for the same partners. */
  async mitigationsByRisk(
    initiativeId: string,
    partnerIds?: readonly string[],
  ): Promise<Map<string, MitigationView[]>> {
    if (partnerIds?.length === 0) return new Map();
    const { childWhere, childParams } = partnersRisks(initiativeId, partnerIds);
    const rows = await this.db.all<MitigationRow>(
      `SELECT risk_id, mitigation_id, description, commitment_ids, planned_at
       FROM rm_risk_mitigations WHERE ${childWhere} ORDER BY risk_id, revision`,
      childParams,
    );
    return new Map([...groupBy(rows)].map(([riskId, group]) => [riskId, group.map(toMitigation)]));
  }

  private async load(
    riskWhere: string,
    riskParams: readonly SqlValue[],
    childWhere: string,
    childParams: readonly SqlValue[],
  ): Promise<RiskView[]> {
    const rows = await this.db.all<RiskRow>(
      `SELECT * FROM rm_risks r WHERE ${riskWhere} ORDER BY r.exposure DESC, r.identified_position`,
      riskParams,
    );
    return this.withDetails(rows, childWhere, childParams);
  }

  /** The risks of `rows` with their assessments, shares and mitigations (`childWhere` covers them). */
  private async withDetails(
    rows: readonly RiskRow[],
    childWhere: string,
    childParams: readonly SqlValue[],
  ): Promise<RiskView[]> {
    if (rows.length === 0) return [];
    const [assessments, shares, mitigations] = await Promise.all([
      this.db.all<AssessmentRow>(
        `SELECT * FROM rm_risk_assessments WHERE ${childWhere} ORDER BY risk_id, revision`,
        childParams,
      ),
      this.db.all<ShareRow>(
        `SELECT * FROM rm_risk_shares WHERE ${childWhere} ORDER BY risk_id, ordinal`,
        childParams,
      ),
      this.db.all<MitigationRow>(
        `SELECT * FROM rm_risk_mitigations WHERE ${childWhere} ORDER BY risk_id, revision`,
        childParams,
      ),
    ]);
    const assessmentsOf = groupBy(assessments);
    const sharesOf = groupBy(shares);
    const mitigationsOf = groupBy(mitigations);
    return rows.map((row) => ({
      ...toSummary(row, sharesOf.get(row.risk_id) ?? []),
      mitigations: (mitigationsOf.get(row.risk_id) ?? []).map(toMitigation),
      assessments: (assessmentsOf.get(row.risk_id) ?? []).map(toAssessment),
    }));
  }
}
