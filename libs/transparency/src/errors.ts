/**
 * Every rejection carries a stable code (what kind of check failed) and a message naming
 * exactly what did not hold, so a verifier can tell a partner more than "invalid".
 */
export type TransparencyErrorCode =
  | 'PROOF.BAD_INPUT'
  | 'PROOF.INDEX_OUT_OF_RANGE'
  | 'PROOF.WRONG_LENGTH'
  | 'PROOF.ROOT_MISMATCH'
  | 'PROOF.OLD_ROOT_MISMATCH'
  | 'PROOF.SIZE_DECREASES'
  | 'PROOF.EMPTY_TREE'
  | 'NOTE.MALFORMED'
  | 'NOTE.TOO_MANY_SIGNATURES'
  | 'NOTE.DUPLICATE_SIGNATURE'
  | 'NOTE.BAD_SIGNATURE'
  | 'NOTE.NO_TRUSTED_SIGNATURE'
  | 'KEY.MALFORMED'
  | 'KEY.AMBIGUOUS'
  | 'CHECKPOINT.MALFORMED'
  | 'CHECKPOINT.WRONG_ORIGIN'
  | 'LEAF.MALFORMED';

export class TransparencyError extends Error {
  constructor(
    readonly code: TransparencyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransparencyError';
  }
}

export function fail(code: TransparencyErrorCode, message: string): never {
  throw new TransparencyError(code, message);
}
