import type { AgreementEvent } from './agreement.events';

export type AgreementStatus = 'awaiting_signatures' | 'in_force' | 'terminated' | 'expired';

export type AgreementState =
  | { status: 'absent' }
  | {
      status: AgreementStatus;
      agreementId: string;
      initiativeId: string;
      parties: readonly string[];
      /** The current version and the hash of its text. */
      version: number;
      textSha256: string;
      /** Business time the current version was drafted or amended: acts on it cannot predate it. */
      versionSince: string;
      endDate: string | null;
      /** The last version each party signed (a party that never signed is absent). */
      signedVersions: Readonly<Record<string, number>>;
    };

export const initialAgreementState = (): AgreementState => ({ status: 'absent' });

/** Whether every party signed `version`. */
export function everyPartySigned(
  parties: readonly string[],
  signedVersions: Readonly<Record<string, number>>,
  version: number,
): boolean {
  return parties.every((partnerId) => signedVersions[partnerId] === version);
}

export function evolveAgreement(state: AgreementState, event: AgreementEvent): AgreementState {
  const { type, data } = event;
  switch (type) {
    case 'AgreementDrafted.v1':
      return {
        status: 'awaiting_signatures',
        agreementId: data.agreementId,
        initiativeId: data.initiativeId,
        parties: data.parties,
        version: data.version,
        textSha256: data.textSha256,
        versionSince: data.draftedAt,
        endDate: data.endDate,
        signedVersions: {},
      };
    case 'AgreementAmended.v1':
      // Signatures of older versions stay recorded but no longer count: the version moved on.
      return state.status === 'absent'
        ? state
        : {
            ...state,
            status: 'awaiting_signatures',
            version: data.version,
            textSha256: data.textSha256,
            versionSince: data.amendedAt,
          };
    case 'AgreementSigned.v1':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            signedVersions: { ...state.signedVersions, [data.partnerId]: data.version },
          };
    case 'AgreementEnteredIntoForce.v1':
      return state.status === 'absent' ? state : { ...state, status: 'in_force' };
    case 'AgreementTerminated.v1':
      return state.status === 'absent' ? state : { ...state, status: 'terminated' };
    case 'AgreementExpired.v1':
      return state.status === 'absent' ? state : { ...state, status: 'expired' };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
