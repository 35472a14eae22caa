import type { CommitmentStatus, Money } from '@accord/domain';
import { keysetPage, type Page, pageOf, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase, SqlValue } from '../runtime/read-model-database';

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

interface RevisionRow {
  commitment_id: string;
  revision: number;
  due_date: string | null;
  description: string | null;
  previous_due_date: string;
  previous_description: string;
  reason: string;
  revised_at: string;
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

interface CommitmentRow {
  commitment_id: string;
  initiative_id: string;
  partner_id: string;
  description: string;
  money_amount_minor: string | null;
  money_currency: string | null;
  in_kind: string | null;
  hours: number | null;
  due_date: string;
  status: CommitmentStatus;
  percent: number;
  last_progress_note: string | null;
  last_progress_at: string | null;
  made_at: string;
  closed_at: string | null;
  closing_note: string | null;
  accepted_by: string | null;
  accepted_at: string | null;
  indicator_id: string | null;
  decision_id: string | null;
  revision: number;
  made_position: number;
}

const toView = (row: CommitmentRow): CommitmentView => ({
  commitmentId: row.commitment_id,
  initiativeId: row.initiative_id,
  partnerId: row.partner_id,
  description: row.description,
  money:
    row.money_amount_minor !== null && row.money_currency !== null
      ? { amountMinor: row.money_amount_minor, currency: row.money_currency }
      : null,
  inKind: row.in_kind,
  hours: row.hours,
  dueDate: row.due_date,
  status: row.status,
  percent: row.percent,
  lastProgressNote: row.last_progress_note,
  lastProgressAt: row.last_progress_at,
  madeAt: row.made_at,
  closedAt: row.closed_at,
  closingNote: row.closing_note,
  acceptedBy: row.accepted_by,
  acceptedAt: row.accepted_at,
  indicatorId: row.indicator_id,
  decisionId: row.decision_id,
  revision: row.revision,
  madePosition: Number(row.made_position),
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
      'SELECT * FROM rm_commitments WHERE commitment_id = ?',
      [commitmentId],
    );
    return row && toView(row);
  }

  list(filter: CommitmentFilter, page: PageRequest): Promise<Page<CommitmentView>> {
    const { conditions, params } = whereClause(filter);
    return keysetPage<CommitmentRow, CommitmentView>(
      this.db,
      { table: 'rm_commitments', key: 'made_position', where: conditions, params },
      page,
      (rows) => rows.map(toView),
    );
  }

  /** The revisions of a commitment, oldest first. */
  async revisions(commitmentId: string): Promise<CommitmentRevisionView[]> {
    const rows = await this.db.all<RevisionRow>(
      'SELECT * FROM rm_commitment_revisions WHERE commitment_id = ? ORDER BY revision',
      [commitmentId],
    );
    return rows.map((row) => ({
      revision: Number(row.revision),
      dueDate: row.due_date,
      description: row.description,
      previousDueDate: row.previous_due_date,
      previousDescription: row.previous_description,
      reason: row.reason,
      revisedAt: row.revised_at,
    }));
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
   * `page.first` of them. The rows are ranked on the partner/status index alone; only those on
   * the page are read in full. bucketCounts gives the totals.
   */
  async bucketPages(
    initiativeId: string,
    partnerIds: readonly string[],
    bucket: CommitmentBucket,
    day: string,
    page: PageRequest,
  ): Promise<Map<string, Omit<Page<CommitmentView>, 'totalCount'>>> {
    const rowsOf = new Map<string, CommitmentRow[]>(partnerIds.map((id) => [id, []]));
    if (partnerIds.length > 0) {
      const { condition, byDay } = BUCKETS[bucket];
      const rows = await this.db.all<CommitmentRow>(
        `WITH ranked AS (
           SELECT made_position AS ranked_position,
                  ROW_NUMBER() OVER (PARTITION BY partner_id ORDER BY made_position) AS page_row
           FROM rm_commitments
           WHERE initiative_id = ? AND partner_id IN (${partnerIds.map(() => '?').join(', ')})
             AND ${condition} AND made_position > ?
         )
         SELECT c.* FROM ranked JOIN rm_commitments c ON c.made_position = ranked.ranked_position
         WHERE ranked.page_row <= ?
         ORDER BY c.partner_id, c.made_position`,
        [initiativeId, ...partnerIds, ...(byDay ? [day] : []), page.after ?? 0, page.first + 1],
      );
      for (const row of rows) rowsOf.get(row.partner_id)?.push(row);
    }
    const pages = new Map<string, Omit<Page<CommitmentView>, 'totalCount'>>();
    for (const [partnerId, rows] of rowsOf) {
      const { totalCount: _unknown, ...onPage } = await pageOf(
        rows,
        page,
        0,
        (row) => Number(row.made_position),
        (shown) => shown.map(toView),
      );
      pages.set(partnerId, onPage);
    }
    return pages;
  }

  /** Every commitment of an initiative, in the order made: for views that group them by partner. */
  async forInitiative(initiativeId: string): Promise<CommitmentView[]> {
    const rows = await this.db.all<CommitmentRow>(
      'SELECT * FROM rm_commitments WHERE initiative_id = ? ORDER BY made_position',
      [initiativeId],
    );
    return rows.map(toView);
  }
}
