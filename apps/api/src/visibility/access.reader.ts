import type { Role } from '@accord/domain';
import {
  agreementsRegisterProjection,
  parseStream,
  type ReadModelDatabase,
  rosterProjection,
} from '@accord/projections';

/** The read models visibility is judged on. */
const JUDGED_ON = [rosterProjection.name, agreementsRegisterProjection.name];

/** One role a person holds for one partner, and the days it is in office: [from, until). */
export interface Seat {
  role: Role;
  officeFrom: string;
  officeUntil: string;
}

/**
 * What visibility is judged on, read from the live read models: never through time travel,
 * because who may read is decided by who the reader is now, whatever moment they read at.
 */
export class AccessReader {
  constructor(private readonly live: ReadModelDatabase) {}

  /** The person's seats in the initiative for that partner that have not ended before `day`. */
  async seats(
    initiativeId: string,
    personId: string,
    partnerId: string,
    day: string,
  ): Promise<Seat[]> {
    const rows = await this.live.all<{ role: Role; office_from: string; office_until: string }>(
      `SELECT role, office_from, office_until FROM rm_role_assignments
       WHERE person_id = ? AND partner_id = ? AND initiative_id = ? AND ? < office_until`,
      [personId, partnerId, initiativeId, day],
    );
    return rows.map((r) => ({
      role: r.role,
      officeFrom: r.office_from,
      officeUntil: r.office_until,
    }));
  }

  /** The initiatives in which the person holds, for that partner, a seat not ended before `day`. */
  async initiativesOf(personId: string, partnerId: string, day: string): Promise<string[]> {
    const rows = await this.live.all<{ initiative_id: string }>(
      `SELECT DISTINCT initiative_id FROM rm_role_assignments
       WHERE person_id = ? AND partner_id = ? AND ? < office_until ORDER BY initiative_id`,
      [personId, partnerId, day],
    );
    return rows.map((r) => r.initiative_id);
  }

  /** The roles the person holds for that partner in office on `day`, in any initiative. */
  async rolesInOffice(personId: string, partnerId: string, day: string): Promise<Role[]> {
    const rows = await this.live.all<{ role: Role }>(
      `SELECT DISTINCT role FROM rm_role_assignments
       WHERE person_id = ? AND partner_id = ? AND office_from <= ? AND ? < office_until`,
      [personId, partnerId, day, day],
    );
    return rows.map((r) => r.role);
  }

  /** Whose a stream is, from its first journalled event; undefined when none is journalled. */
  async streamOwner(
    stream: string,
  ): Promise<{ initiativeId: string | null; category: string; entityId: string } | undefined> {
    const { entityId } = parseStream(stream);
    const row = await this.live.get<{ initiative_id: string | null; category: string }>(
      `SELECT initiative_id, category FROM rm_journal WHERE entity_id = ? AND stream = ?
       ORDER BY position LIMIT 1`,
      [entityId, stream],
    );
    return row && { initiativeId: row.initiative_id, category: row.category, entityId };
  }

  /**
   * The roles the initiative's data-sharing agreements in force share confidential fields with,
   * and how many agreements those are: each distinct list of roles is read once (an initiative
   * can have thousands of agreements in force, with a handful of lists among them). The roles
   * come in the order the agreements were drafted, as sharingAgreements lists them.
   */
  async sharedRoles(initiativeId: string): Promise<{ roles: Set<Role>; agreements: number }> {
    const rows = await this.live.all<{ confidential_roles: string | null; agreements: number }>(
      `SELECT confidential_roles, COUNT(*) AS agreements FROM rm_agreements
       WHERE initiative_id = ? AND kind = 'data_sharing' AND status = 'in_force'
       GROUP BY confidential_roles ORDER BY MIN(drafted_position)`,
      [initiativeId],
    );
    const roles = new Set<Role>();
    for (const row of rows)
      if (row.confidential_roles)
        for (const role of JSON.parse(row.confidential_roles) as Role[]) roles.add(role);
    return { roles, agreements: rows.reduce((sum, row) => sum + Number(row.agreements), 0) };
  }

  /** The ids of the initiative's data-sharing agreements in force, in the order drafted. */
  async sharingAgreements(initiativeId: string): Promise<string[]> {
    const rows = await this.live.all<{ agreement_id: string }>(
      `SELECT agreement_id FROM rm_agreements
       WHERE initiative_id = ? AND kind = 'data_sharing' AND status = 'in_force'
       ORDER BY drafted_position`,
      [initiativeId],
    );
    return rows.map((r) => r.agreement_id);
  }

  /** The partners that own a risk now: its owner and those it is shared with, as its register shows. */
  async riskOwners(riskId: string): Promise<string[]> {
    const rows = await this.live.all<{ partner_id: string }>(
      `SELECT owner_partner_id AS partner_id FROM rm_risks WHERE risk_id = ?
       UNION SELECT partner_id FROM rm_risk_shares WHERE risk_id = ?`,
      [riskId, riskId],
    );
    return rows.map((r) => r.partner_id);
  }

  /** Resolves once the read models judged on have applied the event at `position` (or after `timeoutMs`). */
  async caughtUpTo(position: number, timeoutMs = 10_000): Promise<void> {
    const marks = JUDGED_ON.map(() => '?').join(', ');
    for (const started = Date.now(); Date.now() - started < timeoutMs;) {
      const row = await this.live.get<{ lowest: number | null; count: number }>(
        `SELECT MIN(position) AS lowest, COUNT(*) AS count FROM projection_checkpoints WHERE name IN (${marks})`,
        JUDGED_ON,
      );
      if (Number(row?.count) === JUDGED_ON.length && Number(row?.lowest) >= position) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The initiatives a person belongs to: registered in by its backbone staff, or seated in. */
  async initiativesOfPerson(personId: string): Promise<string[]> {
    const rows = await this.live.all<{ initiative_id: string }>(
      `SELECT registered_in AS initiative_id FROM rm_people
       WHERE person_id = ? AND registered_in IS NOT NULL
       UNION SELECT initiative_id FROM rm_role_assignments WHERE person_id = ?`,
      [personId, personId],
    );
    return rows.map((r) => r.initiative_id);
  }
}
