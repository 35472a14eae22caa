/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the note text
 *   <origin>\n<decimal tree size>\n<base64 root hash>\n[<extension line>\n...]
 * signed by the log and cosigned by witnesses (tlog-cosignature/v1).
 */
import { fail } from './errors';
import { HASH_SIZE } from './merkle';
import {
  COSIGNATURE_V1,
  ED25519,
  type NoteVerifier,
  type OpenedNote,
  openNote,
  strictBase64,
} from './signed-note';

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  extensions: string[];
}

export function formatCheckpoint(checkpoint: {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions?: readonly string[];
}): string {
  const text = [
    checkpoint.origin,
    String(checkpoint.size),
    Buffer.from(checkpoint.root).toString('base64'),
    ...(checkpoint.extensions ?? []),
  ]
    .map((line) => `${line}\n`)
    .join('');
  parseCheckpoint(text);
  return text;
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) fail('CHECKPOINT.MALFORMED', 'checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) {
    return fail('CHECKPOINT.MALFORMED', 'a checkpoint has an origin, a tree size and a root hash');
  }
  if (origin === '') fail('CHECKPOINT.MALFORMED', 'checkpoint origin is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) {
    fail('CHECKPOINT.MALFORMED', `checkpoint tree size "${sizeLine}" is not a decimal number`);
  }
  const root = strictBase64(rootLine);
  if (root?.length !== HASH_SIZE) {
    return fail('CHECKPOINT.MALFORMED', 'checkpoint root is not a base64 SHA-256 hash');
  }
  if (extensions.some((line) => line === '')) {
    fail('CHECKPOINT.MALFORMED', 'checkpoint extension lines must not be empty');
  }
  return { origin, size: Number(sizeLine), root, extensions };
}

export interface CheckpointTrust {
  /** The checkpoint must come from this log. */
  origin: string;
  /** The log's keys: at least one must have signed. */
  logKeys: readonly NoteVerifier[];
  /** Witness (cosignature/v1) keys and how many of them must have cosigned. */
  witnesses?: readonly NoteVerifier[];
  quorum?: number;
}

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  note: OpenedNote;
  /** Names of the trusted witnesses whose cosignature verified. */
  cosignedBy: string[];
}

export function openCheckpoint(
  note: string | Uint8Array,
  trust: CheckpointTrust,
): OpenedCheckpoint {
  const logKeys = trust.logKeys.filter((key) => key.type === ED25519);
  const witnesses = (trust.witnesses ?? []).filter((key) => key.type === COSIGNATURE_V1);
  const opened = openNote(note, [...logKeys, ...witnesses]);
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint.origin !== trust.origin) {
    fail(
      'CHECKPOINT.WRONG_ORIGIN',
      `checkpoint is from "${checkpoint.origin}", expected "${trust.origin}"`,
    );
  }
  if (!opened.verified.some((sig) => sig.type === ED25519)) {
    fail('NOTE.NO_TRUSTED_SIGNATURE', 'checkpoint is not signed by the log key');
  }
  const cosignedBy = opened.verified
    .filter((sig) => sig.type === COSIGNATURE_V1)
    .map((sig) => sig.name);
  const quorum = trust.quorum ?? 0;
  if (cosignedBy.length < quorum) {
    fail(
      'NOTE.NO_TRUSTED_SIGNATURE',
      `checkpoint is cosigned by ${cosignedBy.length} trusted witnesses, ${quorum} required`,
    );
  }
  return { checkpoint, note: opened, cosignedBy };
}
