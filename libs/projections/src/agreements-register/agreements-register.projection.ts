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
  handles: new Set(AGREEMENT_EVENT_TYPES),
  schema: `
    CREATE TABLE IF NOT EXISTS rm_agreements (
      agreement_id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      current_version INTEGER NOT NULL,
      text TEXT NOT NULL,
      text_sha256 TEXT NOT NULL,
      end_date TEXT,
      drafted_at TEXT NOT NULL,
      in_force_since TEXT,
      closed_at TEXT,
      terminated_by TEXT,
      termination_reason TEXT,
      revision INTEGER NOT NULL,
      drafted_position BIGINT NOT NULL,
      confidential_roles TEXT
    );
    CREATE UNIQUE INDEX IF NOT EXISTS rm_agreements_by_position ON rm_agreements (drafted_position);
    CREATE INDEX IF NOT EXISTS rm_agreements_by_initiative ON rm_agreements (initiative_id, drafted_position);
    CREATE TABLE IF NOT EXISTS rm_agreement_versions (
      agreement_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      text TEXT NOT NULL,
      text_sha256 TEXT NOT NULL,
      reason TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (agreement_id, version)
    );
    CREATE TABLE IF NOT EXISTS rm_agreement_parties (
      agreement_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      initiative_id TEXT NOT NULL,
      party_order INTEGER NOT NULL,
      last_signed_version INTEGER,
      last_signed_by TEXT,
      last_signed_at TEXT,
      PRIMARY KEY (agreement_id, partner_id)
    );
    CREATE INDEX IF NOT EXISTS rm_agreement_parties_by_partner ON rm_agreement_parties (initiative_id, partner_id);
    CREATE TABLE IF NOT EXISTS rm_agreement_signatures (
      agreement_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      partner_id TEXT NOT NULL,
      signed_by TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      text_sha256 TEXT NOT NULL,
      position BIGINT NOT NULL,
      PRIMARY KEY (agreement_id, version, partner_id)
    );
  `,

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
