import {
  DEFAULT_GOVERNANCE_RULES,
  type DecisionMethod,
  type GovernanceRules,
  type Sector,
} from '@accord/domain';
import { keysetPage, type Page, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { viewColumns } from '../runtime/read-model-tables';
import { INITIATIVE_PARTNERS, INITIATIVES } from './initiative-overview.projection';

export interface PartnerView {
  initiativeId: string;
  partnerId: string;
  organisationName: string;
  sector: Sector;
  status: 'member' | 'left';
  joinedAt: string;
  leftAt: string | null;
  /** The position of its first joining: the order partners are listed and paged in. */
  joinedPosition: number;
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

/** Rules in force from `setAt`; decisionId null for the rules set at launch or the defaults. */
export interface GovernanceRulesView extends GovernanceRules {
  decisionId: string | null;
  setAt: string | null;
}

interface GovernanceRulesRow {
  quorum_numerator: number;
  quorum_denominator: number;
  default_method: DecisionMethod;
  supermajority_numerator: number;
  supermajority_denominator: number;
  decision_id: string | null;
  set_at: string;
}

const toRules = (row: GovernanceRulesRow): GovernanceRulesView => ({
  quorum: { numerator: row.quorum_numerator, denominator: row.quorum_denominator },
  defaultMethod: row.default_method,
  supermajority: {
    numerator: row.supermajority_numerator,
    denominator: row.supermajority_denominator,
  },
  decisionId: row.decision_id,
  setAt: row.set_at,
});

const INITIATIVE = viewColumns(INITIATIVES);
const PARTNER = viewColumns(INITIATIVE_PARTNERS);

export class InitiativeOverviewReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(initiativeId: string): Promise<InitiativeView | undefined> {
    const row = await this.db.get<InitiativeView>(
      `SELECT ${INITIATIVE} FROM rm_initiatives WHERE initiative_id = ?`,
      [initiativeId],
    );
    return row;
  }

  /** A page of the initiatives among `initiativeIds` (those the reader may see), in launch order. */
  list(page: PageRequest, initiativeIds: readonly string[]): Promise<Page<InitiativeView>> {
    const among = `initiative_id IN (${initiativeIds.map(() => '?').join(', ') || 'NULL'})`;
    return keysetPage<InitiativeView, InitiativeView>(
      this.db,
      {
        table: 'rm_initiatives',
        select: INITIATIVE,
        key: 'launched_position',
        where: [among],
        params: initiativeIds,
      },
      page,
      (rows) => rows,
    );
  }

  async partners(initiativeId: string): Promise<PartnerView[]> {
    const rows = await this.db.all<PartnerView>(
      `SELECT ${PARTNER} FROM rm_initiative_partners WHERE initiative_id = ? ORDER BY joined_position`,
      [initiativeId],
    );
    return rows;
  }

  /**
   * One page of an initiative's partners in the order they joined (all of them, or the one
   * `partnerId` names), with how many there are in all.
   */
  partnerPage(
    initiativeId: string,
    page: PageRequest,
    partnerId?: string,
  ): Promise<Page<PartnerView>> {
    const [where, params] =
      partnerId === undefined
        ? [['initiative_id = ?'], [initiativeId]]
        : [
            ['initiative_id = ?', 'partner_id = ?'],
            [initiativeId, partnerId],
          ];
    return keysetPage<PartnerView, PartnerView>(
      this.db,
      { table: 'rm_initiative_partners', select: PARTNER, key: 'joined_position', where, params },
      page,
      (rows) => rows,
    );
  }

  /** Every set of rules the initiative has had, oldest first; the defaults when none was set. */
  async governanceRulesHistory(initiativeId: string): Promise<GovernanceRulesView[]> {
    const rows = await this.db.all<GovernanceRulesRow>(
      'SELECT * FROM rm_governance_rules WHERE initiative_id = ? ORDER BY position',
      [initiativeId],
    );
    return rows.length === 0
      ? [{ ...DEFAULT_GOVERNANCE_RULES, decisionId: null, setAt: null }]
      : rows.map(toRules);
  }
}
