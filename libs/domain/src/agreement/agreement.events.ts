import type { Role } from '../roster/roster.events';

export const AGREEMENT_KINDS = ['charter', 'mou', 'data_sharing', 'funding'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export type AgreementDrafted = {
  type: 'AgreementDrafted.v1';
  data: {
    agreementId: string;
    initiativeId: string;
    kind: AgreementKind;
    title: string;
    /** Partner ids of the parties, in the order they were named. */
    parties: string[];
    text: string;
    /** SHA-256 of `text` (UTF-8), lowercase hex; computed outside the domain. */
    textSha256: string;
    /** Calendar day, YYYY-MM-DD, after which the agreement may be expired; null: open-ended. */
    endDate: string | null;
    /**
     * A data-sharing agreement's roles that may read the initiative's confidential fields once
     * it is in force. Absent on other kinds, and on agreements drafted before it existed.
     */
    sharesConfidentialWith?: Role[];
    /** Always 1: the first version of the text. */
    version: number;
    draftedAt: string;
  };
};

export type AgreementAmended = {
  type: 'AgreementAmended.v1';
  data: {
    agreementId: string;
    initiativeId: string;
    /** The new version number: the previous one plus one. */
    version: number;
    text: string;
    textSha256: string;
    reason: string;
    amendedAt: string;
  };
};

export type AgreementSigned = {
  type: 'AgreementSigned.v1';
  data: {
    agreementId: string;
    initiativeId: string;
    /** The party the signature binds. */
    partnerId: string;
    /** The person who signed, as the partner's signatory. */
    signedBy: string;
    /** The version of the text that was signed. */
    version: number;
    textSha256: string;
    signedAt: string;
  };
};

export type AgreementEnteredIntoForce = {
  type: 'AgreementEnteredIntoForce.v1';
  data: {
    agreementId: string;
    initiativeId: string;
    /** The version every party signed. */
    version: number;
    enteredIntoForceAt: string;
  };
};

export type AgreementTerminated = {
  type: 'AgreementTerminated.v1';
  data: {
    agreementId: string;
    initiativeId: string;
    /** The party that terminated it. */
    partnerId: string;
    reason: string;
    terminatedAt: string;
  };
};

export type AgreementExpired = {
  type: 'AgreementExpired.v1';
  data: {
    agreementId: string;
    initiativeId: string;
    endDate: string;
    expiredAt: string;
  };
};

export type AgreementEvent =
  | AgreementDrafted
  | AgreementAmended
  | AgreementSigned
  | AgreementEnteredIntoForce
  | AgreementTerminated
  | AgreementExpired;

export const AGREEMENT_EVENT_TYPES: readonly AgreementEvent['type'][] = [
  'AgreementDrafted.v1',
  'AgreementAmended.v1',
  'AgreementSigned.v1',
  'AgreementEnteredIntoForce.v1',
  'AgreementTerminated.v1',
  'AgreementExpired.v1',
];
