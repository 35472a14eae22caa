import type { AgreementEvent } from '@accord/domain';
import { AGREEMENT_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Agreements register: one row per agreement, one per version, one per party and one per signature.
 * - AgreementDrafted: inserts the agreement awaiting signatures, version 1, and its parties unsigned.
 * - AgreementAmended: the new version becomes current, awaiting signatures again; older
 *   signatures stay in rm_agreement_signatures but no longer count for the current version.
 * - AgreementSigned: records the signature and the party's last signed version.
 * - AgreementEnteredIntoForce: in force since then.
 * - AgreementTerminated / AgreementExpired: closed, with who terminated and why.
 */
export const agreementsRegisterProjection: Projection = {
  name: 'agreements-register',
  version: 1,
  handles: new Set(AGREEMENT_EVENT_TYPES),
  tables: [
    {
      name: 'agreements',
      columns: {
        agreement_id: 'text',
        initiative_id: 'text',
        kind: 'text',
        title: 'text',
        status: 'text',
        current_version: 'integer',
        text: 'text',
        text_sha256: 'text',
        end_date: 'text?',
        drafted_at: 'text',
        in_force_since: 'text?',
        closed_at: 'text?',
        terminated_by: 'text?',
        termination_reason: 'text?',
        revision: 'integer',
        drafted_position: 'bigint',
        confidential_roles: 'text?',
      },
      primaryKey: ['agreement_id'],
      indexes: {
        by_position: { on: ['drafted_position'], unique: true },
        by_initiative: { on: ['initiative_id', 'drafted_position'] },
        // The data-sharing agreements in force, which every read of the initiative judges by.
        by_kind_status: { on: ['initiative_id', 'kind', 'status', 'drafted_position'] },
        // Whether a party's agreement is live and signed in its current version, read from the
        // index alone: the rows themselves carry the agreement's text.
        liveness: { on: ['agreement_id', 'status', 'current_version', 'drafted_position'] },
      },
    },
    {
      name: 'agreement_versions',
      columns: {
        agreement_id: 'text',
        version: 'integer',
        text: 'text',
        text_sha256: 'text',
        reason: 'text?',
        created_at: 'text',
      },
      primaryKey: ['agreement_id', 'version'],
    },
    {
      name: 'agreement_parties',
      columns: {
        agreement_id: 'text',
        partner_id: 'text',
        initiative_id: 'text',
        party_order: 'integer',
        last_signed_version: 'integer?',
        last_signed_by: 'text?',
        last_signed_at: 'text?',
      },
      primaryKey: ['agreement_id', 'partner_id'],
      indexes: {
        // A page of partners' agreements, signed or pending (the accountability view).
        signatures_by_partner: {
          on: ['initiative_id', 'partner_id', 'agreement_id', 'last_signed_version'],
        },
      },
    },
    {
      name: 'agreement_signatures',
      columns: {
        agreement_id: 'text',
        version: 'integer',
        partner_id: 'text',
        signed_by: 'text',
        signed_at: 'text',
        text_sha256: 'text',
        position: 'bigint',
      },
      primaryKey: ['agreement_id', 'version', 'partner_id'],
    },
  ],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as AgreementEvent;
    const touch = (agreementId: string) =>
      sql(
        'UPDATE rm_agreements SET revision = ? WHERE agreement_id = ?',
        stored.revision,
        agreementId,
      );
    switch (event.type) {
      case 'AgreementDrafted.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_agreements (agreement_id, initiative_id, kind, title, status, current_version, text,
               text_sha256, end_date, drafted_at, revision, drafted_position, confidential_roles)
             VALUES (?, ?, ?, ?, 'awaiting_signatures', ?, ?, ?, ?, ?, ?, ?, ?)`,
            d.agreementId,
            d.initiativeId,
            d.kind,
            d.title,
            d.version,
            d.text,
            d.textSha256,
            d.endDate,
            d.draftedAt,
            stored.revision,
            stored.position,
            d.sharesConfidentialWith ? JSON.stringify(d.sharesConfidentialWith) : null,
          ),
          sql(
            `INSERT INTO rm_agreement_versions (agreement_id, version, text, text_sha256, reason, created_at)
             VALUES (?, ?, ?, ?, NULL, ?)`,
            d.agreementId,
            d.version,
            d.text,
            d.textSha256,
            d.draftedAt,
          ),
          ...d.parties.map((partnerId, index) =>
            sql(
              `INSERT INTO rm_agreement_parties (agreement_id, partner_id, initiative_id, party_order)
               VALUES (?, ?, ?, ?)`,
              d.agreementId,
              partnerId,
              d.initiativeId,
              index,
            ),
          ),
        ];
      }
      case 'AgreementAmended.v1': {
        const d = event.data;
        return [
          sql(
            `UPDATE rm_agreements SET status = 'awaiting_signatures', current_version = ?, text = ?,
               text_sha256 = ?, in_force_since = NULL
             WHERE agreement_id = ?`,
            d.version,
            d.text,
            d.textSha256,
            d.agreementId,
          ),
          sql(
            `INSERT INTO rm_agreement_versions (agreement_id, version, text, text_sha256, reason, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
            d.agreementId,
            d.version,
            d.text,
            d.textSha256,
            d.reason,
            d.amendedAt,
          ),
          touch(d.agreementId),
        ];
      }
      case 'AgreementSigned.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_agreement_signatures (agreement_id, version, partner_id, signed_by, signed_at,
               text_sha256, position)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            d.agreementId,
            d.version,
            d.partnerId,
            d.signedBy,
            d.signedAt,
            d.textSha256,
            stored.position,
          ),
          sql(
            `UPDATE rm_agreement_parties SET last_signed_version = ?, last_signed_by = ?, last_signed_at = ?
             WHERE agreement_id = ? AND partner_id = ?`,
            d.version,
            d.signedBy,
            d.signedAt,
            d.agreementId,
            d.partnerId,
          ),
          touch(d.agreementId),
        ];
      }
      case 'AgreementEnteredIntoForce.v1':
        return [
          sql(
            `UPDATE rm_agreements SET status = 'in_force', in_force_since = ? WHERE agreement_id = ?`,
            event.data.enteredIntoForceAt,
            event.data.agreementId,
          ),
          touch(event.data.agreementId),
        ];
      case 'AgreementTerminated.v1':
        return [
          sql(
            `UPDATE rm_agreements SET status = 'terminated', closed_at = ?, terminated_by = ?,
               termination_reason = ?
             WHERE agreement_id = ?`,
            event.data.terminatedAt,
            event.data.partnerId,
            event.data.reason,
            event.data.agreementId,
          ),
          touch(event.data.agreementId),
        ];
      case 'AgreementExpired.v1':
        return [
          sql(
            `UPDATE rm_agreements SET status = 'expired', closed_at = ? WHERE agreement_id = ?`,
            event.data.expiredAt,
            event.data.agreementId,
          ),
          touch(event.data.agreementId),
        ];
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
