import type { AgreementKind, AgreementStatus, Role } from '@accord/domain';
import {
  keysetPage,
  type Page,
  type PageRequest,
  pagesByPartner,
  type PagesByPartner,
} from '../runtime/cursor';
import type { ReadModelDatabase, SqlValue } from '../runtime/read-model-database';

export interface AgreementSignatureView {
  partnerId: string;
  signedBy: string;
  signedAt: string;
}

export interface AgreementVersionView {
  version: number;
  text: string;
  textSha256: string;
  /** Why it was amended; null for version 1. */
  reason: string | null;
  /** When it was drafted (version 1) or amended. */
  createdAt: string;
  /** Whether this is the version signatures count for. */
  current: boolean;
  /** Signatures given to this version, in the order they were given. */
  signatures: AgreementSignatureView[];
}

export interface AgreementPartyView {
  partnerId: string;
  /** Whether the party signed the current version. */
  signature: 'signed' | 'pending';
  /** Who signed the current version and when; null while pending. */
  signedBy: string | null;
  signedAt: string | null;
  /** The last version the party signed (older than the current one while pending); null if never. */
  lastSignedVersion: number | null;
}

export interface AgreementView {
  agreementId: string;
  initiativeId: string;
  kind: AgreementKind;
  title: string;
  status: AgreementStatus;
  currentVersion: number;
  text: string;
  textSha256: string;
  endDate: string | null;
  draftedAt: string;
  inForceSince: string | null;
  closedAt: string | null;
  terminatedBy: string | null;
  terminationReason: string | null;
  revision: number;
  draftedPosition: number;
  /** A data-sharing agreement's roles that read confidential fields while it is in force. */
  sharesConfidentialWith: Role[];
  versions: AgreementVersionView[];
  parties: AgreementPartyView[];
}

export interface AgreementFilter {
  initiativeId?: string;
  status?: AgreementStatus;
}

/** One agreement as it concerns one party: what the party signed, or has yet to sign. */
export interface PartyAgreementView {
  agreementId: string;
  kind: AgreementKind;
  title: string;
  status: AgreementStatus;
  currentVersion: number;
  /** The party's signature of the current version; null while pending. */
  signedBy: string | null;
  signedAt: string | null;
  lastSignedVersion: number | null;
}

/** Per partner of an initiative: live agreements it signed (current version), and those awaiting it. */
export interface PartnerAgreementSignatures {
  partnerId: string;
  signed: PartyAgreementView[];
  pending: PartyAgreementView[];
}

interface AgreementRow {
  agreement_id: string;
  initiative_id: string;
  kind: AgreementKind;
  title: string;
  status: AgreementStatus;
  current_version: number;
  text: string;
  text_sha256: string;
  end_date: string | null;
  drafted_at: string;
  in_force_since: string | null;
  closed_at: string | null;
  terminated_by: string | null;
  termination_reason: string | null;
  revision: number;
  drafted_position: number;
  confidential_roles: string | null;
}

interface VersionRow {
  agreement_id: string;
  version: number;
  text: string;
  text_sha256: string;
  reason: string | null;
  created_at: string;
}

interface PartyRow {
  agreement_id: string;
  partner_id: string;
  last_signed_version: number | null;
  last_signed_by: string | null;
  last_signed_at: string | null;
}

interface SignatureRow {
  agreement_id: string;
  version: number;
  partner_id: string;
  signed_by: string;
  signed_at: string;
}

type PartyAgreementRow = PartyRow & {
  kind: AgreementKind;
  title: string;
  status: AgreementStatus;
  current_version: number;
};

const signedCurrent = (party: PartyRow, currentVersion: number) =>
  party.last_signed_version !== null && Number(party.last_signed_version) === currentVersion;

function toParty(row: PartyRow, currentVersion: number): AgreementPartyView {
  const signed = signedCurrent(row, currentVersion);
  return {
    partnerId: row.partner_id,
    signature: signed ? 'signed' : 'pending',
    signedBy: signed ? row.last_signed_by : null,
    signedAt: signed ? row.last_signed_at : null,
    lastSignedVersion: row.last_signed_version === null ? null : Number(row.last_signed_version),
  };
}

/** Agreements are live while they await signatures or are in force; the others are closed. */
/** A party's row of a live agreement, as the view of it, and whether the party signed it. */
function partyAgreement(row: PartyAgreementRow) {
  const currentVersion = Number(row.current_version);
  const party = toParty(row, currentVersion);
  const view: PartyAgreementView = {
    agreementId: row.agreement_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    currentVersion,
    signedBy: party.signedBy,
    signedAt: party.signedAt,
    lastSignedVersion: party.lastSignedVersion,
  };
  return { signature: party.signature, view };
}

const LIVE = "('awaiting_signatures', 'in_force')";

export class AgreementsRegisterReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(agreementId: string): Promise<AgreementView | undefined> {
    const row = await this.db.get<AgreementRow>(
      'SELECT * FROM rm_agreements WHERE agreement_id = ?',
      [agreementId],
    );
    if (!row) return undefined;
    const [view] = await this.withDetails([row]);
    return view;
  }

  async list(filter: AgreementFilter, page: PageRequest): Promise<Page<AgreementView>> {
    const conditions: string[] = [];
    const params: SqlValue[] = [];
    if (filter.initiativeId !== undefined) {
      conditions.push('initiative_id = ?');
      params.push(filter.initiativeId);
    }
    if (filter.status !== undefined) {
      conditions.push('status = ?');
      params.push(filter.status);
    }
    return keysetPage<AgreementRow, AgreementView>(
      this.db,
      { table: 'rm_agreements', key: 'drafted_position', where: conditions, params },
      page,
      (rows) => this.withDetails(rows),
    );
  }

  /**
   * For the accountability view: per partner that is a party to a live agreement of the
   * initiative (optionally only one partner, or a list of partners), the agreements whose
   * current version it signed and those still pending its signature. Terminated and expired
   * agreements are left out. Partners are in id order; agreements in the order they were drafted.
   */
  async signaturesByPartner(
    initiativeId: string,
    partners?: string | readonly string[],
  ): Promise<PartnerAgreementSignatures[]> {
    const partnerIds = typeof partners === 'string' ? [partners] : partners;
    if (partnerIds?.length === 0) return [];
    const rows = await this.db.all<PartyAgreementRow>(
      `SELECT p.agreement_id, p.partner_id, p.last_signed_version, p.last_signed_by, p.last_signed_at,
              a.kind, a.title, a.status, a.current_version
       FROM rm_agreement_parties p JOIN rm_agreements a ON a.agreement_id = p.agreement_id
       WHERE p.initiative_id = ? AND a.status IN ${LIVE}
         ${partnerIds === undefined ? '' : `AND p.partner_id IN (${partnerIds.map(() => '?').join(', ')})`}
       ORDER BY p.partner_id, a.drafted_position`,
      [initiativeId, ...(partnerIds ?? [])],
    );
    const byPartner = new Map<string, PartnerAgreementSignatures>();
    for (const row of rows) {
      let entry = byPartner.get(row.partner_id);
      if (!entry) {
        entry = { partnerId: row.partner_id, signed: [], pending: [] };
        byPartner.set(row.partner_id, entry);
      }
      const { signature, view } = partyAgreement(row);
      (signature === 'signed' ? entry.signed : entry.pending).push(view);
    }
    return [...byPartner.values()];
  }

  /**
   * For the accountability view: one page of each listed partner's live agreements it signed in
   * their current version (or of those awaiting its signature), in the order drafted, read in SQL
   * a LIMIT a partner; cursors are the agreements' drafted positions.
   */
  signaturePagesByPartner(
    initiativeId: string,
    partnerIds: readonly string[],
    signature: 'signed' | 'pending',
    page: PageRequest,
  ): Promise<PagesByPartner<PartyAgreementView>> {
    const list = partnerIds.map(() => '?').join(', ');
    const signed =
      signature === 'signed'
        ? 'p.last_signed_version IS NOT NULL AND p.last_signed_version = a.current_version'
        : '(p.last_signed_version IS NULL OR p.last_signed_version <> a.current_version)';
    const from = `FROM rm_agreement_parties p JOIN rm_agreements a ON a.agreement_id = p.agreement_id`;
    return pagesByPartner<
      PartyAgreementRow & { page_partner: string; drafted_position: number | string },
      PartyAgreementView
    >(
      this.db,
      partnerIds,
      {
        onePartner: (after) =>
          `SELECT CAST(? AS TEXT) AS page_partner, p.agreement_id, p.partner_id,
             p.last_signed_version, p.last_signed_by, p.last_signed_at,
             a.kind, a.title, a.status, a.current_version, a.drafted_position
           ${from}
           WHERE p.initiative_id = ? AND p.partner_id = ? AND a.status IN ${LIVE} AND ${signed}
             ${after === undefined ? '' : 'AND a.drafted_position > ?'}
           ORDER BY a.drafted_position LIMIT ?`,
        params: (partnerId, after) => [
          partnerId,
          initiativeId,
          partnerId,
          ...(after === undefined ? [] : [after]),
        ],
        counts: `SELECT p.partner_id, COUNT(*) AS n ${from}
          WHERE p.initiative_id = ? AND p.partner_id IN (${list}) AND a.status IN ${LIVE} AND ${signed}
          GROUP BY p.partner_id`,
        countParams: [initiativeId, ...partnerIds],
      },
      page,
      (row) => Number(row.drafted_position),
      (rows) => rows.map((row) => partyAgreement(row).view),
    );
  }

  /** Versions, signatures and parties of these agreements, three queries whatever their number. */
  private async withDetails(rows: readonly AgreementRow[]): Promise<AgreementView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.agreement_id);
    const inIds = `(${ids.map(() => '?').join(', ')})`;
    const [versions, parties, signatures] = await Promise.all([
      this.db.all<VersionRow>(
        `SELECT * FROM rm_agreement_versions WHERE agreement_id IN ${inIds} ORDER BY agreement_id, version`,
        ids,
      ),
      this.db.all<PartyRow>(
        `SELECT * FROM rm_agreement_parties WHERE agreement_id IN ${inIds} ORDER BY agreement_id, party_order`,
        ids,
      ),
      this.db.all<SignatureRow>(
        `SELECT * FROM rm_agreement_signatures WHERE agreement_id IN ${inIds} ORDER BY position`,
        ids,
      ),
    ]);
    return rows.map((row) => {
      const currentVersion = Number(row.current_version);
      const of = <T extends { agreement_id: string }>(list: readonly T[]) =>
        list.filter((item) => item.agreement_id === row.agreement_id);
      return {
        agreementId: row.agreement_id,
        initiativeId: row.initiative_id,
        kind: row.kind,
        title: row.title,
        status: row.status,
        currentVersion,
        text: row.text,
        textSha256: row.text_sha256,
        endDate: row.end_date,
        draftedAt: row.drafted_at,
        inForceSince: row.in_force_since,
        closedAt: row.closed_at,
        terminatedBy: row.terminated_by,
        terminationReason: row.termination_reason,
        revision: Number(row.revision),
        draftedPosition: Number(row.drafted_position),
        sharesConfidentialWith: row.confidential_roles
          ? (JSON.parse(row.confidential_roles) as Role[])
          : [],
        versions: of(versions).map((v) => ({
          version: Number(v.version),
          text: v.text,
          textSha256: v.text_sha256,
          reason: v.reason,
          createdAt: v.created_at,
          current: Number(v.version) === currentVersion,
          signatures: of(signatures)
            .filter((s) => Number(s.version) === Number(v.version))
            .map((s) => ({
              partnerId: s.partner_id,
              signedBy: s.signed_by,
              signedAt: s.signed_at,
            })),
        })),
        parties: of(parties).map((p) => toParty(p, currentVersion)),
      };
    });
  }
}
