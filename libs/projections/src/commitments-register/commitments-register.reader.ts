import type { CommitmentStatus, Money } from '@accord/domain';
import { encodeCursor, type Page, type PageRequest } from '../runtime/cursor';
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
  madePosition: Number(row.made_position),
});

const OVERDUE = "(status = 'open' AND due_date < ?)";

/** The WHERE clause of a filter, with its parameters in order. */
function whereClause(filter: CommitmentFilter): { conditions: string[]; params: SqlValue[] } {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  if (filter.initiativeId !== undefined) {
    conditions.push('initiative_id = ?');
    params.push(filter.initiativeId);
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

const where = (conditions: readonly string[]) =>
  conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;

export class CommitmentsRegisterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(commitmentId: string): Promise<CommitmentView | undefined> {
    const row = await this.db.get<CommitmentRow>(
      'SELECT * FROM rm_commitments WHERE commitment_id = ?',
      [commitmentId],
    );
    return row && toView(row);
  }

  async list(filter: CommitmentFilter, page: PageRequest): Promise<Page<CommitmentView>> {
    const { conditions, params } = whereClause(filter);
    const rows = await this.db.all<CommitmentRow>(
      `SELECT * FROM rm_commitments ${where([...conditions, 'made_position > ?'])} ORDER BY made_position LIMIT ?`,
      [...params, page.after ?? 0, page.first + 1],
    );
    const count = await this.db.get<{ total: number }>(
      `SELECT COUNT(*) AS total FROM rm_commitments ${where(conditions)}`,
      params,
    );
    const items = rows.slice(0, page.first).map(toView);
    const last = items[items.length - 1];
    return {
      items,
      totalCount: Number(count?.total ?? 0),
      hasNextPage: rows.length > page.first,
      endCursor: last ? encodeCursor(last.madePosition) : null,
    };
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
