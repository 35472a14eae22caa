import type { CommitmentStatus, Money } from '@accord/domain';
import type { Database } from 'better-sqlite3';
import { encodeCursor, type Page, type PageRequest } from '../runtime/cursor';
import { statement } from '../runtime/statement-cache';

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
  revision: number;
  madePosition: number;
}

export interface CommitmentFilter {
  initiativeId?: string;
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
  revision: row.revision,
  madePosition: row.made_position,
});

const OVERDUE = "(status = 'open' AND due_date < @today)";

function whereClause(filter: CommitmentFilter): string {
  const conditions: string[] = [];
  if (filter.initiativeId !== undefined) conditions.push('initiative_id = @initiativeId');
  if (filter.partnerId !== undefined) conditions.push('partner_id = @partnerId');
  if (filter.status !== undefined) conditions.push('status = @status');
  if (filter.overdue === true) conditions.push(OVERDUE);
  if (filter.overdue === false) conditions.push(`NOT ${OVERDUE}`);
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

export function isOverdue(
  commitment: Pick<CommitmentView, 'status' | 'dueDate'>,
  today: string,
): boolean {
  return commitment.status === 'open' && commitment.dueDate < today;
}

export class CommitmentsRegisterReader {
  constructor(private readonly db: Database) {}

  get(commitmentId: string): CommitmentView | undefined {
    const row = statement(this.db, 'SELECT * FROM rm_commitments WHERE commitment_id = ?').get(
      commitmentId,
    ) as CommitmentRow | undefined;
    return row && toView(row);
  }

  list(filter: CommitmentFilter, page: PageRequest): Page<CommitmentView> {
    const where = whereClause(filter);
    const params = {
      initiativeId: filter.initiativeId ?? null,
      partnerId: filter.partnerId ?? null,
      status: filter.status ?? null,
      today: filter.today,
      after: page.after ?? 0,
      limit: page.first + 1,
    };
    const after = where ? `${where} AND made_position > @after` : 'WHERE made_position > @after';
    const rows = statement(
      this.db,
      `SELECT * FROM rm_commitments ${after} ORDER BY made_position LIMIT @limit`,
    ).all(params) as CommitmentRow[];
    const { total } = statement(
      this.db,
      `SELECT COUNT(*) AS total FROM rm_commitments ${where}`,
    ).get(params) as {
      total: number;
    };
    const items = rows.slice(0, page.first).map(toView);
    const last = items[items.length - 1];
    return {
      items,
      totalCount: total,
      hasNextPage: rows.length > page.first,
      endCursor: last ? encodeCursor(last.madePosition) : null,
    };
  }
}
