import type { RiskEvent } from '@accord/domain';
import { RISK_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Risk register: one row per risk, its assessments, its ownership shares and its mitigations.
 * - RiskIdentified: inserts the risk, open, and its first assessment (no reason).
 * - RiskReassessed: sets likelihood, impact and exposure; appends an assessment.
 * - RiskOwnershipShared: replaces the risk's ownership shares.
 * - MitigationPlanned: adds a mitigation with its linked commitment ids.
 * - RiskMaterialised / RiskClosed: set the status, when and why.
 */
export const riskRegisterProjection: Projection = {
  name: 'risk-register',
  version: 1,
  handles: new Set(RISK_EVENT_TYPES),
  tables: [
    {
      name: 'risks',
      columns: {
        risk_id: 'text',
        initiative_id: 'text',
        title: 'text',
        description: 'text',
        category: 'text',
        likelihood: 'integer',
        impact: 'integer',
        exposure: 'integer',
        owner_partner_id: 'text',
        status: 'text',
        identified_at: 'text',
        materialised_at: 'text?',
        materialisation: 'text?',
        closed_at: 'text?',
        closing_reason: 'text?',
        revision: 'integer',
        identified_position: 'bigint',
      },
      primaryKey: ['risk_id'],
      indexes: {
        by_exposure: { on: ['initiative_id', 'exposure', 'identified_position'] },
        // The risks a page of partners owns (the accountability view).
        by_owner: { on: ['initiative_id', 'owner_partner_id'] },
      },
    },
    {
      name: 'risk_assessments',
      columns: {
        risk_id: 'text',
        initiative_id: 'text',
        revision: 'integer',
        likelihood: 'integer',
        impact: 'integer',
        reason: 'text?',
        assessed_at: 'text',
      },
      primaryKey: ['risk_id', 'revision'],
      indexes: {
        by_initiative: { on: ['initiative_id'] },
      },
    },
    {
      name: 'risk_shares',
      columns: {
        risk_id: 'text',
        initiative_id: 'text',
        partner_id: 'text',
        basis_points: 'integer',
        ordinal: 'integer',
      },
      primaryKey: ['risk_id', 'partner_id'],
      indexes: {
        by_partner: { on: ['initiative_id', 'partner_id'] },
      },
    },
    {
      name: 'risk_mitigations',
      columns: {
        risk_id: 'text',
        initiative_id: 'text',
        mitigation_id: 'text',
        description: 'text',
        commitment_ids: 'text',
        planned_at: 'text',
        revision: 'integer',
      },
      primaryKey: ['risk_id', 'mitigation_id'],
      indexes: {
        by_initiative: { on: ['initiative_id'] },
      },
    },
  ],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as RiskEvent;
    const revision = stored.revision;
    switch (event.type) {
      case 'RiskIdentified.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_risks (risk_id, initiative_id, title, description, category, likelihood, impact,
               exposure, owner_partner_id, status, identified_at, revision, identified_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
            d.riskId,
            d.initiativeId,
            d.title,
            d.description,
            d.category,
            d.likelihood,
            d.impact,
            d.likelihood * d.impact,
            d.ownerPartnerId,
            d.identifiedAt,
            revision,
            stored.position,
          ),
          sql(
            `INSERT INTO rm_risk_assessments (risk_id, initiative_id, revision, likelihood, impact, reason, assessed_at)
             VALUES (?, ?, ?, ?, ?, NULL, ?)`,
            d.riskId,
            d.initiativeId,
            revision,
            d.likelihood,
            d.impact,
            d.identifiedAt,
          ),
        ];
      }
      case 'RiskReassessed.v1': {
        const d = event.data;
        return [
          sql(
            `UPDATE rm_risks SET likelihood = ?, impact = ?, exposure = ?, revision = ? WHERE risk_id = ?`,
            d.likelihood,
            d.impact,
            d.likelihood * d.impact,
            revision,
            d.riskId,
          ),
          sql(
            `INSERT INTO rm_risk_assessments (risk_id, initiative_id, revision, likelihood, impact, reason, assessed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            d.riskId,
            d.initiativeId,
            revision,
            d.likelihood,
            d.impact,
            d.reason,
            d.reassessedAt,
          ),
        ];
      }
      case 'RiskOwnershipShared.v1': {
        const d = event.data;
        return [
          sql(`DELETE FROM rm_risk_shares WHERE risk_id = ?`, d.riskId),
          ...d.shares.map((share, ordinal) =>
            sql(
              `INSERT INTO rm_risk_shares (risk_id, initiative_id, partner_id, basis_points, ordinal)
               VALUES (?, ?, ?, ?, ?)`,
              d.riskId,
              d.initiativeId,
              share.partnerId,
              share.basisPoints,
              ordinal,
            ),
          ),
          sql(`UPDATE rm_risks SET revision = ? WHERE risk_id = ?`, revision, d.riskId),
        ];
      }
      case 'MitigationPlanned.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_risk_mitigations (risk_id, initiative_id, mitigation_id, description, commitment_ids,
               planned_at, revision)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            d.riskId,
            d.initiativeId,
            d.mitigationId,
            d.description,
            JSON.stringify(d.commitmentIds),
            d.plannedAt,
            revision,
          ),
          sql(`UPDATE rm_risks SET revision = ? WHERE risk_id = ?`, revision, d.riskId),
        ];
      }
      case 'RiskMaterialised.v1':
        return [
          sql(
            `UPDATE rm_risks SET status = 'materialised', materialised_at = ?, materialisation = ?, revision = ?
             WHERE risk_id = ?`,
            event.data.materialisedAt,
            event.data.description,
            revision,
            event.data.riskId,
          ),
        ];
      case 'RiskClosed.v1':
        return [
          sql(
            `UPDATE rm_risks SET status = 'closed', closed_at = ?, closing_reason = ?, revision = ?
             WHERE risk_id = ?`,
            event.data.closedAt,
            event.data.reason,
            revision,
            event.data.riskId,
          ),
        ];
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
