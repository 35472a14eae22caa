import type {
  DecisionMethod,
  Fraction,
  GovernanceRules,
  QuorumCheck,
  Tally,
  VoteChoice,
} from '@accord/domain';
import { keysetPage, type Page, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase, SqlValue } from '../runtime/read-model-database';

export type DecisionViewStatus = 'open' | 'adopted' | 'rejected' | 'superseded';

export interface VoteHistoryEntryView {
  kind: 'cast' | 'changed';
  choice: VoteChoice;
  previousChoice: VoteChoice | null;
  reason: string | null;
  occurredAt: string;
}

export interface VoteView {
  personId: string;
  partnerId: string;
  choice: VoteChoice;
  reason: string | null;
  castAt: string;
  changedAt: string | null;
  /** False once the voter declared a conflict of interest. */
  counted: boolean;
  /** Every choice of this voter, oldest first. */
  history: VoteHistoryEntryView[];
}

export interface RecusalView {
  personId: string;
  partnerId: string;
  reason: string;
  declaredAt: string;
}

export interface DecisionView {
  decisionId: string;
  initiativeId: string;
  title: string;
  motion: string;
  rationale: string;
  method: DecisionMethod;
  quorumFraction: Fraction;
  supermajority: Fraction;
  meetingId: string | null;
  reviewDate: string | null;
  proposedRules: GovernanceRules | null;
  proposedBy: { personId: string; partnerId: string };
  proposedAt: string;
  status: DecisionViewStatus;
  outcome: 'adopted' | 'rejected' | null;
  outcomeReason: string | null;
  closedAt: string | null;
  /** Counted votes: as closed, or so far while open. */
  tally: Tally;
  /** The quorum check made at the close; null while open. */
  quorum: QuorumCheck | null;
  votes: VoteView[];
  recusals: RecusalView[];
  supersededBy: string | null;
  supersededAt: string | null;
  /** Decisions this one superseded. */
  supersedes: string[];
  revision: number;
  proposedPosition: number;
}

export interface DecisionFilter {
  initiativeId?: string;
  status?: DecisionViewStatus;
  /** true: adopted, not superseded, review date reached by `today`; false: all others. */
  reviewDue?: boolean;
  /** The calendar day (YYYY-MM-DD) against which `reviewDue` is judged. */
  today: string;
}

interface DecisionRow {
  decision_id: string;
  initiative_id: string;
  title: string;
  motion: string;
  rationale: string;
  method: DecisionMethod;
  quorum_numerator: number;
  quorum_denominator: number;
  supermajority_numerator: number;
  supermajority_denominator: number;
  meeting_id: string | null;
  review_date: string | null;
  proposed_rules: string | null;
  proposed_by_person_id: string;
  proposed_by_partner_id: string;
  proposed_at: string;
  status: DecisionViewStatus;
  outcome: 'adopted' | 'rejected' | null;
  outcome_reason: string | null;
  closed_at: string | null;
  tally_for: number | null;
  tally_against: number | null;
  tally_abstain: number | null;
  tally_block: number | null;
  tally_objection: number | null;
  quorum_voting_members: number | null;
  quorum_participants: number | null;
  quorum_required: number | null;
  quorum_reached: number | null;
  superseded_by: string | null;
  superseded_at: string | null;
  revision: number;
  proposed_position: number | string;
}

interface VoteRow {
  person_id: string;
  partner_id: string;
  choice: VoteChoice;
  reason: string | null;
  cast_at: string;
  changed_at: string | null;
  counted: number;
}

interface HistoryRow {
  person_id: string;
  kind: 'cast' | 'changed';
  choice: VoteChoice;
  previous_choice: VoteChoice | null;
  reason: string | null;
  occurred_at: string;
}

interface RecusalRow {
  person_id: string;
  partner_id: string;
  reason: string;
  declared_at: string;
}

const REVIEW_DUE = "(status = 'adopted' AND review_date IS NOT NULL AND review_date <= ?)";

function whereClause(filter: DecisionFilter): { conditions: string[]; params: SqlValue[] } {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  if (filter.initiativeId !== undefined) {
    conditions.push('initiative_id = ?');
    params.push(filter.initiativeId);
  }
  if (filter.status !== undefined) {
    conditions.push('status = ?');
    params.push(filter.status);
  }
  if (filter.reviewDue !== undefined) {
    conditions.push(filter.reviewDue ? REVIEW_DUE : `NOT ${REVIEW_DUE}`);
    params.push(filter.today);
  }
  return { conditions, params };
}

function liveTally(votes: readonly VoteView[]): Tally {
  const tally: Tally = { for: 0, against: 0, abstain: 0, block: 0, objection: 0 };
  for (const vote of votes) if (vote.counted) tally[vote.choice]++;
  return tally;
}

export class DecisionRegisterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(decisionId: string): Promise<DecisionView | undefined> {
    const row = await this.db.get<DecisionRow>('SELECT * FROM rm_decisions WHERE decision_id = ?', [
      decisionId,
    ]);
    return row && this.toView(row);
  }

  list(filter: DecisionFilter, page: PageRequest): Promise<Page<DecisionView>> {
    const { conditions, params } = whereClause(filter);
    return keysetPage<DecisionRow, DecisionView>(
      this.db,
      { table: 'rm_decisions', key: 'proposed_position', where: conditions, params },
      page,
      (rows) => Promise.all(rows.map((row) => this.toView(row))),
    );
  }

  /** The decisions with these ids, in the order they were proposed. */
  async byIds(decisionIds: readonly string[]): Promise<DecisionView[]> {
    if (decisionIds.length === 0) return [];
    const rows = await this.db.all<DecisionRow>(
      `SELECT * FROM rm_decisions WHERE decision_id IN (${decisionIds.map(() => '?').join(', ')})
       ORDER BY proposed_position`,
      decisionIds,
    );
    return Promise.all(rows.map((row) => this.toView(row)));
  }

  private async toView(row: DecisionRow): Promise<DecisionView> {
    const id = [row.decision_id];
    const [voteRows, historyRows, recusalRows, superseded] = await Promise.all([
      this.db.all<VoteRow>(
        'SELECT * FROM rm_decision_votes WHERE decision_id = ? ORDER BY cast_position',
        id,
      ),
      this.db.all<HistoryRow>(
        'SELECT * FROM rm_decision_vote_history WHERE decision_id = ? ORDER BY position',
        id,
      ),
      this.db.all<RecusalRow>(
        'SELECT * FROM rm_decision_recusals WHERE decision_id = ? ORDER BY position',
        id,
      ),
      this.db.all<{ decision_id: string }>(
        'SELECT decision_id FROM rm_decisions WHERE superseded_by = ? ORDER BY proposed_position',
        id,
      ),
    ]);
    const votes: VoteView[] = voteRows.map((v) => ({
      personId: v.person_id,
      partnerId: v.partner_id,
      choice: v.choice,
      reason: v.reason,
      castAt: v.cast_at,
      changedAt: v.changed_at,
      counted: Number(v.counted) === 1,
      history: historyRows
        .filter((h) => h.person_id === v.person_id)
        .map((h) => ({
          kind: h.kind,
          choice: h.choice,
          previousChoice: h.previous_choice,
          reason: h.reason,
          occurredAt: h.occurred_at,
        })),
    }));
    const closed = row.closed_at !== null;
    return {
      decisionId: row.decision_id,
      initiativeId: row.initiative_id,
      title: row.title,
      motion: row.motion,
      rationale: row.rationale,
      method: row.method,
      quorumFraction: { numerator: row.quorum_numerator, denominator: row.quorum_denominator },
      supermajority: {
        numerator: row.supermajority_numerator,
        denominator: row.supermajority_denominator,
      },
      meetingId: row.meeting_id,
      reviewDate: row.review_date,
      proposedRules:
        row.proposed_rules === null ? null : (JSON.parse(row.proposed_rules) as GovernanceRules),
      proposedBy: { personId: row.proposed_by_person_id, partnerId: row.proposed_by_partner_id },
      proposedAt: row.proposed_at,
      status: row.status,
      outcome: row.outcome,
      outcomeReason: row.outcome_reason,
      closedAt: row.closed_at,
      tally: closed
        ? {
            for: Number(row.tally_for),
            against: Number(row.tally_against),
            abstain: Number(row.tally_abstain),
            block: Number(row.tally_block),
            objection: Number(row.tally_objection),
          }
        : liveTally(votes),
      quorum: closed
        ? {
            votingMembers: Number(row.quorum_voting_members),
            participants: Number(row.quorum_participants),
            required: Number(row.quorum_required),
            reached: Number(row.quorum_reached) === 1,
          }
        : null,
      votes,
      recusals: recusalRows.map((r) => ({
        personId: r.person_id,
        partnerId: r.partner_id,
        reason: r.reason,
        declaredAt: r.declared_at,
      })),
      supersededBy: row.superseded_by,
      supersededAt: row.superseded_at,
      supersedes: superseded.map((s) => s.decision_id),
      revision: Number(row.revision),
      proposedPosition: Number(row.proposed_position),
    };
  }
}
