import type { InitiativeEvent } from '@accord/domain';
import { INITIATIVE_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Database } from 'better-sqlite3';
import type { SqliteProjection } from '../runtime/projection';
import { statement } from '../runtime/statement-cache';

/**
 * Initiative overview: one row per initiative, one per partner membership.
 * - InitiativeLaunched: inserts the initiative.
 * - AgendaAmended: replaces the common agenda, keeps when it was amended.
 * - PartnerJoined: inserts the partner as a member, or makes a returning partner a member again.
 * - PartnerLeft: marks the partner as left, with when.
 */
export const initiativeOverviewProjection: SqliteProjection = {
  name: 'initiative-overview',
  handles: new Set(INITIATIVE_EVENT_TYPES),

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_initiatives (
        initiative_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        problem_statement TEXT NOT NULL,
        common_agenda TEXT NOT NULL,
        launched_at TEXT NOT NULL,
        agenda_amended_at TEXT,
        revision INTEGER NOT NULL,
        launched_position INTEGER NOT NULL
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
        joined_position INTEGER NOT NULL,
        PRIMARY KEY (initiative_id, partner_id)
      );
    `);
  },

  apply(db: Database, stored: StoredEvent) {
    const event = stored as unknown as InitiativeEvent;
    const setRevision = () =>
      statement(db, 'UPDATE rm_initiatives SET revision = ? WHERE initiative_id = ?').run(
        stored.revision,
        event.data.initiativeId,
      );
    switch (event.type) {
      case 'InitiativeLaunched.v1': {
        const d = event.data;
        statement(
          db,
          `INSERT INTO rm_initiatives (initiative_id, name, problem_statement, common_agenda, launched_at, revision, launched_position)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.initiativeId,
          d.name,
          d.problemStatement,
          d.commonAgenda,
          d.launchedAt,
          stored.revision,
          stored.position,
        );
        return;
      }
      case 'AgendaAmended.v1':
        statement(
          db,
          'UPDATE rm_initiatives SET common_agenda = ?, agenda_amended_at = ? WHERE initiative_id = ?',
        ).run(event.data.commonAgenda, event.data.amendedAt, event.data.initiativeId);
        return setRevision();
      case 'PartnerJoined.v1': {
        const d = event.data;
        statement(
          db,
          `INSERT INTO rm_initiative_partners
             (initiative_id, partner_id, organisation_name, sector, status, joined_at, left_at, joined_position)
           VALUES (?, ?, ?, ?, 'member', ?, NULL, ?)
           ON CONFLICT (initiative_id, partner_id) DO UPDATE SET
             organisation_name = excluded.organisation_name, sector = excluded.sector, status = 'member',
             joined_at = excluded.joined_at, left_at = NULL`,
        ).run(
          d.initiativeId,
          d.partnerId,
          d.organisationName,
          d.sector,
          d.joinedAt,
          stored.position,
        );
        return setRevision();
      }
      case 'PartnerLeft.v1':
        statement(
          db,
          `UPDATE rm_initiative_partners SET status = 'left', left_at = ? WHERE initiative_id = ? AND partner_id = ?`,
        ).run(event.data.leftAt, event.data.initiativeId, event.data.partnerId);
        return setRevision();
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
