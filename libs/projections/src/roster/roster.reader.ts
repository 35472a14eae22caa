import type { Role } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';

export interface RoleAssignmentView {
  assignmentId: string;
  initiativeId: string;
  personId: string;
  partnerId: string;
  role: Role;
  customRole: string | null;
  termStart: string;
  termEnd: string | null;
  status: 'assigned' | 'relinquished' | 'revoked';
  assignedAt: string;
  endedAt: string | null;
  endReason: string | null;
  /** Calendar days in office: from `officeFrom` up to, not including, `officeUntil`. */
  officeFrom: string;
  officeUntil: string;
}

interface RoleAssignmentRow {
  assignment_id: string;
  initiative_id: string;
  person_id: string;
  partner_id: string;
  role: Role;
  custom_role: string | null;
  term_start: string;
  term_end: string | null;
  office_from: string;
  office_until: string;
  status: 'assigned' | 'relinquished' | 'revoked';
  assigned_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

const toView = (row: RoleAssignmentRow): RoleAssignmentView => ({
  assignmentId: row.assignment_id,
  initiativeId: row.initiative_id,
  personId: row.person_id,
  partnerId: row.partner_id,
  role: row.role,
  customRole: row.custom_role,
  termStart: row.term_start,
  termEnd: row.term_end,
  status: row.status,
  assignedAt: row.assigned_at,
  endedAt: row.ended_at,
  endReason: row.end_reason,
  officeFrom: row.office_from,
  officeUntil: row.office_until,
});

export class RosterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(assignmentId: string): Promise<RoleAssignmentView | undefined> {
    const row = await this.db.get<RoleAssignmentRow>(
      'SELECT * FROM rm_role_assignments WHERE assignment_id = ?',
      [assignmentId],
    );
    return row && toView(row);
  }

  /**
   * Who held which role on that calendar day (YYYY-MM-DD), optionally only for one partner or
   * for a list of partners.
   */
  async inOffice(
    initiativeId: string,
    day: string,
    partners?: string | readonly string[],
  ): Promise<RoleAssignmentView[]> {
    const partnerIds = typeof partners === 'string' ? [partners] : partners;
    if (partnerIds?.length === 0) return [];
    const rows = await this.db.all<RoleAssignmentRow>(
      `SELECT * FROM rm_role_assignments
       WHERE initiative_id = ? AND office_from <= ? AND ? < office_until
         ${partnerIds === undefined ? '' : `AND partner_id IN (${partnerIds.map(() => '?').join(', ')})`}
       ORDER BY role, person_id, assigned_position`,
      [initiativeId, day, day, ...(partnerIds ?? [])],
    );
    return rows.map(toView);
  }

  /** Every assignment ever made in the initiative, ended ones included, in the order made. */
  async history(initiativeId: string): Promise<RoleAssignmentView[]> {
    const rows = await this.db.all<RoleAssignmentRow>(
      'SELECT * FROM rm_role_assignments WHERE initiative_id = ? ORDER BY assigned_position',
      [initiativeId],
    );
    return rows.map(toView);
  }
}
