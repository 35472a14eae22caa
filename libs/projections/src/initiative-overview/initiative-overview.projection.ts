import type { InitiativeEvent } from '@accord/domain';
import { INITIATIVE_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import type { ReadModelTable } from '../runtime/read-model-tables';
import { sql, type SqlStatement } from '../runtime/read-model-database';

export const INITIATIVES: ReadModelTable = {
  name: 'initiatives',
  columns: {
    initiative_id: 'text',
    name: 'text',
    problem_statement: 'text',
    common_agenda: 'text',
    launched_at: 'text',
    agenda_amended_at: 'text?',
    revision: 'integer',
    launched_position: 'bigint',
  },
  primaryKey: ['initiative_id'],
  indexes: {
    by_position: { on: ['launched_position'], unique: true },
  },
};

export const INITIATIVE_PARTNERS: ReadModelTable = {
  name: 'initiative_partners',
  columns: {
    initiative_id: 'text',
    partner_id: 'text',
    organisation_name: 'text',
    sector: 'text',
    status: 'text',
    joined_at: 'text',
    left_at: 'text?',
    joined_position: 'bigint',
  },
  primaryKey: ['initiative_id', 'partner_id'],
  indexes: {
    by_joining: { on: ['initiative_id', 'joined_position'] },
  },
};

/**
 * Initiative overview: one row per initiative, one per partner membership.
 * - InitiativeLaunched: inserts the initiative.
 * - AgendaAmended: replaces the common agenda, keeps when it was amended.
 * - PartnerJoined: inserts the partner as a member, or makes a returning partner a member again.
 * - PartnerLeft: marks the partner as left, with when.
 * - GovernanceRulesSet: appends the rules now in force to the initiative's rules history.
 * Every event also moves the initiative's revision.
 */
export const initiativeOverviewProjection: Projection = {
  name: 'initiative-overview',
  version: 1,
  handles: new Set(INITIATIVE_EVENT_TYPES),
  tables: [
    INITIATIVES,
    INITIATIVE_PARTNERS,
    {
      name: 'governance_rules',
      columns: {
        initiative_id: 'text',
        position: 'bigint',
        quorum_numerator: 'integer',
        quorum_denominator: 'integer',
        default_method: 'text',
        supermajority_numerator: 'integer',
        supermajority_denominator: 'integer',
        decision_id: 'text?',
        set_at: 'text',
      },
      primaryKey: ['initiative_id', 'position'],
    },
  ],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as InitiativeEvent;
    const revision = sql(
      'UPDATE rm_initiatives SET revision = ? WHERE initiative_id = ?',
      stored.revision,
      event.data.initiativeId,
    );
    switch (event.type) {
      case 'InitiativeLaunched.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_initiatives
               (initiative_id, name, problem_statement, common_agenda, launched_at, revision, launched_position)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            d.initiativeId,
            d.name,
            d.problemStatement,
            d.commonAgenda,
            d.launchedAt,
            stored.revision,
            stored.position,
          ),
        ];
      }
      case 'AgendaAmended.v1':
        return [
          sql(
            'UPDATE rm_initiatives SET common_agenda = ?, agenda_amended_at = ? WHERE initiative_id = ?',
            event.data.commonAgenda,
            event.data.amendedAt,
            event.data.initiativeId,
          ),
          revision,
        ];
      case 'PartnerJoined.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_initiative_partners
               (initiative_id, partner_id, organisation_name, sector, status, joined_at, left_at, joined_position)
             VALUES (?, ?, ?, ?, 'member', ?, NULL, ?)
             ON CONFLICT (initiative_id, partner_id) DO UPDATE SET
               organisation_name = excluded.organisation_name, sector = excluded.sector, status = 'member',
               joined_at = excluded.joined_at, left_at = NULL`,
            d.initiativeId,
            d.partnerId,
            d.organisationName,
            d.sector,
            d.joinedAt,
            stored.position,
          ),
          revision,
        ];
      }
      case 'PartnerLeft.v1':
        return [
          sql(
            `UPDATE rm_initiative_partners SET status = 'left', left_at = ? WHERE initiative_id = ? AND partner_id = ?`,
            event.data.leftAt,
            event.data.initiativeId,
            event.data.partnerId,
          ),
          revision,
        ];
      case 'GovernanceRulesSet.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_governance_rules (initiative_id, position, quorum_numerator, quorum_denominator,
               default_method, supermajority_numerator, supermajority_denominator, decision_id, set_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            d.initiativeId,
            stored.position,
            d.quorum.numerator,
            d.quorum.denominator,
            d.defaultMethod,
            d.supermajority.numerator,
            d.supermajority.denominator,
            d.decisionId,
            d.setAt,
          ),
          revision,
        ];
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
