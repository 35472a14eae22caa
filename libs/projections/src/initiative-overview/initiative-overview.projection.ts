import type { InitiativeEvent } from '@accord/domain';
import { INITIATIVE_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

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
  handles: new Set(INITIATIVE_EVENT_TYPES),
  schema: `
    CREATE TABLE IF NOT EXISTS rm_initiatives (
      initiative_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      problem_statement TEXT NOT NULL,
      common_agenda TEXT NOT NULL,
      launched_at TEXT NOT NULL,
      agenda_amended_at TEXT,
      revision INTEGER NOT NULL,
      launched_position BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS rm_initiatives_by_position ON rm_initiatives (launched_position);
    CREATE TABLE IF NOT EXISTS rm_initiative_partners (
      initiative_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      organisation_name TEXT NOT NULL,
      sector TEXT NOT NULL,
      status TEXT NOT NULL,
      joined_at TEXT NOT NULL,
      left_at TEXT,
      joined_position BIGINT NOT NULL,
      PRIMARY KEY (initiative_id, partner_id)
    );
    CREATE INDEX IF NOT EXISTS rm_initiative_partners_by_joining ON rm_initiative_partners (initiative_id, joined_position);
    CREATE TABLE IF NOT EXISTS rm_governance_rules (
      initiative_id TEXT NOT NULL,
      position BIGINT NOT NULL,
      quorum_numerator INTEGER NOT NULL,
      quorum_denominator INTEGER NOT NULL,
      default_method TEXT NOT NULL,
      supermajority_numerator INTEGER NOT NULL,
      supermajority_denominator INTEGER NOT NULL,
      decision_id TEXT,
      set_at TEXT NOT NULL,
      PRIMARY KEY (initiative_id, position)
    );
  `,

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
