import type { CommitmentStatus, Money } from '@accord/domain';
import { keysetPage, type Page, pageOf, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase, SqlValue } from '../runtime/read-model-database';
import { viewColumns } from '../runtime/read-model-tables';
import { COMMITMENT_REVISIONS, COMMITMENTS } from './commitments-register.projection';

export interface CommitmentView {
  commitmentId: string;
  initiativeId: string;
  partnerId: string;
  description: string;
  money: Money | null;
  inKind: string | null;
  hours: number | null;
  dueDate: string;
  status: CommitmentStatus;
  percent: number;
  lastProgressNote: string | null;
  lastProgressAt: string | null;
  madeAt: string;
  closedAt: string | null;
  closingNote: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  indicatorId: string | null;
  decisionId: string | null;
  revision: number;
  madePosition: number;
}

/** One revision of a commitment: what changed (null: unchanged), from what, and why. */
export interface CommitmentRevisionView {
  revision: number;
  dueDate: string | null;
  description: string | null;
  previousDueDate: string;
  previousDescription: string;
  reason: string;
  revisedAt: string;
}

export interface CommitmentFilter {
  initiativeId?: string;
  /** Only commitments of these initiatives (those the reader may see). */
  initiativeIds?: readonly string[];
  partnerId?: string;
  status?: CommitmentStatus;
  /** true: open and due before `today`; false: everything else. */
  overdue?: boolean;
  /** The calendar day (YYYY-MM-DD) against which `overdue` is judged. */
  today: string;
}

/** A commitment's row under its view's names, its money still in two columns. */
type CommitmentRow = Omit<CommitmentView, 'money'> & {
  moneyAmountMinor: string | null;
  moneyCurrency: string | null;
};

const COMMITMENT = viewColumns(COMMITMENTS);
const REVISION = viewColumns(COMMITMENT_REVISIONS, {
  only: Object.keys(COMMITMENT_REVISIONS.columns).filter((c) => c !== 'commitment_id'),
});

const toView = ({ moneyAmountMinor, moneyCurrency, ...row }: CommitmentRow): CommitmentView => ({
  ...row,
  money:
    moneyAmountMinor !== null && moneyCurrency !== null
      ? { amountMinor: moneyAmountMinor, currency: moneyCurrency }
      : null,
});

const OVERDUE = "(status = 'open' AND due_date < ?)";

/** Where a commitment stands on a day, as the accountability view groups them. */
export type CommitmentBucket = 'onTrack' | 'overdue' | 'fulfilled' | 'withdrawn' | 'missed';

/** Each bucket's condition; the open ones compare the due date with the day (one parameter). */
const BUCKETS: Record<CommitmentBucket, { condition: string; byDay: boolean }> = {
  onTrack: { condition: "status = 'open' AND due_date >= ?", byDay: true },
  overdue: { condition: "status = 'open' AND due_date < ?", byDay: true },
  fulfilled: { condition: "status = 'fulfilled'", byDay: false },
  withdrawn: { condition: "status = 'withdrawn'", byDay: false },
  missed: { condition: "status = 'missed'", byDay: false },
};

/** How many commitments of one partner stand in each bucket on a day. */
export type BucketCounts = Record<CommitmentBucket, number>;

const noCommitments = (): BucketCounts => ({
  onTrack: 0,
  overdue: 0,
  fulfilled: 0,
  withdrawn: 0,
  missed: 0,
});

/** The WHERE clause of a filter, with its parameters in order. */
function whereClause(filter: CommitmentFilter): { conditions: string[]; params: SqlValue[] } {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  if (filter.initiativeId !== undefined) {
    conditions.push('initiative_id = ?');
    params.push(filter.initiativeId);
  }
  if (filter.initiativeIds !== undefined) {
    conditions.push(
      `initiative_id IN (${filter.initiativeIds.map(() => '?').join(', ') || 'NULL'})`,
    );
    params.push(...filter.initiativeIds);
  }
  if (filter.partnerId !== undefined) {
    conditions.push('partner_id = ?');
    params.push(filter.partnerId);
  }
  if (filter.status !== undefined) {
    conditions.push('status = ?');
    params.push(filter.status);
  }
  if (filter.overdue !== undefined) {
    conditions.push(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`);
    params.push(filter.today);
  }
  return { conditions, params };
}

export class CommitmentsRegisterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(commitmentId: string): Promise<CommitmentView | undefined> {
    const row = await this.db.get<CommitmentRow>(
      `SELECT ${COMMITMENT} FROM rm_commitments WHERE commitment_id = ?`,
      [commitmentId],
    );
    return row && toView(row);
  }

  list(filter: CommitmentFilter, page: PageRequest): Promise<Page<CommitmentView>> {
    const { conditions, params } = whereClause(filter);
    return keysetPage<CommitmentRow, CommitmentView>(
      this.db,
      {
        table: 'rm_commitments',
        select: COMMITMENT,
        key: 'made_position',
        where: conditions,
        params,
      },
      page,
      (rows) => rows.map(toView),
    );
  }

  /** The revisions of a commitment, oldest first. */
  async revisions(commitmentId: string): Promise<CommitmentRevisionView[]> {
    return this.db.all<CommitmentRevisionView>(
      `SELECT ${REVISION} FROM rm_commitment_revisions WHERE commitment_id = ? ORDER BY revision`,
      [commitmentId],
    );
  }

  /**
   * How many commitments each of these partners has in each bucket on `day`: counted by the
   * database (GROUP BY over the partner/status index), no commitment is loaded.
   */
  async bucketCounts(
    initiativeId: string,
    partnerIds: readonly string[],
    day: string,
  ): Promise<Map<string, BucketCounts>> {
    const counts = new Map(partnerIds.map((id) => [id, noCommitments()]));
    if (partnerIds.length === 0) return counts;
    const rows = await this.db.all<{
      partner_id: string;
      status: CommitmentStatus;
      total: number | string;
      overdue: number | string;
    }>(
      `SELECT partner_id, status, COUNT(*) AS total,
              SUM(CASE WHEN due_date < ? THEN 1 ELSE 0 END) AS overdue
       FROM rm_commitments
       WHERE initiative_id = ? AND partner_id IN (${partnerIds.map(() => '?').join(', ')})
       GROUP BY partner_id, status`,
      [day, initiativeId, ...partnerIds],
    );
    for (const row of rows) {
      const of = counts.get(row.partner_id)!;
      const total = Number(row.total);
      if (row.status === 'open') {
        of.overdue = Number(row.overdue);
        of.onTrack = total - of.overdue;
      } else of[row.status] = total;
    }
    return counts;
  }

  /**
   * One page of one bucket for each of these partners, in one query: each partner's
   * commitments in the bucket on `day` made after the cursor, in the order made, at most
   * `page.first` of them. Each partner's page is its own LIMIT on the partner/status index, so
   * only the rows on the pages are read, however many commitments the partners have (ranking
   * all of them first cost time in proportion to the ledger). bucketCounts gives the totals.
   */
  async bucketPages(
    initiativeId: string,
    partnerIds: readonly string[],
    bucket: CommitmentBucket,
    day: string,
    page: PageRequest,
  ): Promise<Map<string, Omit<Page<CommitmentView>, 'totalCount'>>> {
    const rowsOf = new Map<string, CommitmentRow[]>(partnerIds.map((id) => [id, []]));
    const partners = [...rowsOf.keys()];
    if (partners.length > 0) {
      const { condition, byDay } = BUCKETS[bucket];
      const onePartner = (n: number) =>
        `SELECT * FROM (SELECT ${COMMITMENT} FROM rm_commitments
           WHERE initiative_id = ? AND partner_id = ? AND ${condition} AND made_position > ?
           ORDER BY made_position LIMIT ?) AS page${n}`;
      const rows = await this.db.all<CommitmentRow>(
        partners.map((_, n) => onePartner(n)).join('\n UNION ALL '),
        partners.flatMap((partnerId) => [
          initiativeId,
          partnerId,
          ...(byDay ? [day] : []),
          page.after ?? 0,
          page.first + 1,
        ]),
      );
      for (const row of rows) rowsOf.get(row.partnerId)?.push(row);
    }
    const pages = new Map<string, Omit<Page<CommitmentView>, 'totalCount'>>();
    for (const [partnerId, rows] of rowsOf) {
      rows.sort((a, b) => Number(a.madePosition) - Number(b.madePosition));
      const { totalCount: _unknown, ...onPage } = await pageOf(
        rows,
        page,
        0,
        (row) => row.madePosition,
        (shown) => shown.map(toView),
      );
      pages.set(partnerId, onPage);
    }
    return pages;
  }

  /** Every commitment of an initiative, in the order made: for views that group them by partner. */
  async forInitiative(initiativeId: string): Promise<CommitmentView[]> {
    const rows = await this.db.all<CommitmentRow>(
      `SELECT ${COMMITMENT} FROM rm_commitments WHERE initiative_id = ? ORDER BY made_position`,
      [initiativeId],
    );
    return rows.map(toView);
  }
}
