import type { Role } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { viewColumns } from '../runtime/read-model-tables';
import { ROLE_ASSIGNMENTS } from './roster.projection';

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

/** The columns of an assignment under the names of its view (its position is only for order). */
const ASSIGNMENT = `SELECT ${viewColumns(ROLE_ASSIGNMENTS, {
  only: Object.keys(ROLE_ASSIGNMENTS.columns).filter((c) => c !== 'assigned_position'),
})} FROM rm_role_assignments`;

export class RosterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(assignmentId: string): Promise<RoleAssignmentView | undefined> {
    return this.db.get<RoleAssignmentView>(`${ASSIGNMENT} WHERE assignment_id = ?`, [assignmentId]);
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
    return this.db.all<RoleAssignmentView>(
      `${ASSIGNMENT}
       WHERE initiative_id = ? AND office_from <= ? AND ? < office_until
         ${partnerIds === undefined ? '' : `AND partner_id IN (${partnerIds.map(() => '?').join(', ')})`}
       ORDER BY role, person_id, assigned_position`,
      [initiativeId, day, day, ...(partnerIds ?? [])],
    );
  }

  /** Every assignment ever made in the initiative, ended ones included, in the order made. */
  async history(initiativeId: string): Promise<RoleAssignmentView[]> {
    return this.db.all<RoleAssignmentView>(
      `${ASSIGNMENT} WHERE initiative_id = ? ORDER BY assigned_position`,
      [initiativeId],
    );
  }
}
