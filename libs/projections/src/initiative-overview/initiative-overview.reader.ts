import type { Sector } from '@accord/domain';
import type { Database } from 'better-sqlite3';
import { encodeCursor, type Page, type PageRequest } from '../runtime/cursor';
import { statement } from '../runtime/statement-cache';

export interface PartnerView {
  initiativeId: string;
  partnerId: string;
  organisationName: string;
  sector: Sector;
  status: 'member' | 'left';
  joinedAt: string;
  leftAt: string | null;
}

export interface InitiativeView {
  initiativeId: string;
  name: string;
  problemStatement: string;
  commonAgenda: string;
  launchedAt: string;
  agendaAmendedAt: string | null;
  revision: number;
  launchedPosition: number;
}

interface InitiativeRow {
  initiative_id: string;
  name: string;
  problem_statement: string;
  common_agenda: string;
  launched_at: string;
  agenda_amended_at: string | null;
  revision: number;
  launched_position: number;
}

interface PartnerRow {
  initiative_id: string;
  partner_id: string;
  organisation_name: string;
  sector: Sector;
  status: 'member' | 'left';
  joined_at: string;
  left_at: string | null;
}

const toInitiative = (row: InitiativeRow): InitiativeView => ({
  initiativeId: row.initiative_id,
  name: row.name,
  problemStatement: row.problem_statement,
  commonAgenda: row.common_agenda,
  launchedAt: row.launched_at,
  agendaAmendedAt: row.agenda_amended_at,
  revision: row.revision,
  launchedPosition: row.launched_position,
});

const toPartner = (row: PartnerRow): PartnerView => ({
  initiativeId: row.initiative_id,
  partnerId: row.partner_id,
  organisationName: row.organisation_name,
  sector: row.sector,
  status: row.status,
  joinedAt: row.joined_at,
  leftAt: row.left_at,
});

export class InitiativeOverviewReader {
  constructor(private readonly db: Database) {}

  get(initiativeId: string): InitiativeView | undefined {
    const row = statement(this.db, 'SELECT * FROM rm_initiatives WHERE initiative_id = ?').get(
      initiativeId,
    ) as InitiativeRow | undefined;
    return row && toInitiative(row);
  }

  list(page: PageRequest): Page<InitiativeView> {
    const rows = statement(
      this.db,
      'SELECT * FROM rm_initiatives WHERE launched_position > ? ORDER BY launched_position LIMIT ?',
    ).all(page.after ?? 0, page.first + 1) as InitiativeRow[];
    const items = rows.slice(0, page.first).map(toInitiative);
    const { total } = statement(this.db, 'SELECT COUNT(*) AS total FROM rm_initiatives').get() as {
      total: number;
    };
    const last = items[items.length - 1];
    return {
      items,
      totalCount: total,
      hasNextPage: rows.length > page.first,
      endCursor: last ? encodeCursor(last.launchedPosition) : null,
    };
  }

  partners(initiativeId: string): PartnerView[] {
    const rows = statement(
      this.db,
      'SELECT * FROM rm_initiative_partners WHERE initiative_id = ? ORDER BY joined_position',
    ).all(initiativeId) as PartnerRow[];
    return rows.map(toPartner);
  }

  partner(initiativeId: string, partnerId: string): PartnerView | undefined {
    const row = statement(
      this.db,
      'SELECT * FROM rm_initiative_partners WHERE initiative_id = ? AND partner_id = ?',
    ).get(initiativeId, partnerId) as PartnerRow | undefined;
    return row && toPartner(row);
  }
}
