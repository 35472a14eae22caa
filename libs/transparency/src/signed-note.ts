/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys (signature type 0x01)
 * and C2SP tlog-cosignature/v1 (type 0x04: a timestamped Ed25519 signature over
 * "cosignature/v1\ntime <seconds>\n" followed by the note text).
 *
 *   <text ending in a newline>
 *   <blank line>
 *   — <key name> base64(4-byte key ID || signature)
 *
 * key ID = SHA-256(name || 0x0A || type || public key)[:4]
 * verifier key: <name>+<hex key ID>+base64(type || public key)
 * signer key:   PRIVATE+KEY+<name>+<hex key ID>+base64(type || 32-byte seed)
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { fail } from './errors';

export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;
export type SignatureType = typeof ED25519 | typeof COSIGNATURE_V1;

/** Go's sumdb/note accepts at most 100; the spec asks for at least 16. */
export const MAX_SIGNATURES = 100;

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  /** `signature` is what follows the key ID in the signature line. */
  verify(text: Buffer, signature: Buffer): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  sign(text: Buffer): Buffer;
}

export interface NoteSignature {
  name: string;
  keyId: number;
  /** The bytes after the key ID. */
  signature: Buffer;
}

export interface VerifiedSignature {
  name: string;
  keyId: number;
  type: SignatureType;
  /** Cosignatures only: the POSIX time the cosigner signed at. */
  timestamp?: number;
}

export interface OpenedNote {
  text: string;
  verified: VerifiedSignature[];
  /** Signatures by keys the caller did not trust: ignored, as the spec requires. */
  unknown: NoteSignature[];
}

const KEY_NAME = /^[^\s+]+$/u;
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export function keyId(name: string, type: SignatureType, publicKey: Uint8Array): number {
  return createHash('sha256')
    .update(`${name}\n`)
    .update(Uint8Array.of(type))
    .update(publicKey)
    .digest()
    .readUInt32BE(0);
}

export function generateSignerKey(
  name: string,
  type: SignatureType = ED25519,
): { signerKey: string; verifierKey: string } {
  const { signerKey, verifierKey } = keysOfSeed(name, type, randomBytes(32));
  return { signerKey, verifierKey };
}

/** The signer and verifier keys under `name` of an Ed25519 seed (32 bytes) kept elsewhere. */
export function keysOfSeed(
  name: string,
  type: SignatureType,
  seed: Uint8Array,
): { signerKey: string; verifierKey: string; publicKey: Buffer } {
  checkKeyName(name);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = rawPublicKey(privateKey);
  const id = hex(keyId(name, type, publicKey));
  const encode = (material: Uint8Array) =>
    Buffer.concat([Uint8Array.of(type), material]).toString('base64');
  return {
    signerKey: `PRIVATE+KEY+${name}+${id}+${encode(seed)}`,
    verifierKey: `${name}+${id}+${encode(publicKey)}`,
    publicKey,
  };
}

export function verifierKey(name: string, type: SignatureType, publicKey: Uint8Array): string {
  checkKeyName(name);
  if (publicKey.length !== 32) fail('KEY.MALFORMED', 'an Ed25519 public key is 32 bytes');
  const material = Buffer.concat([Uint8Array.of(type), publicKey]).toString('base64');
  return `${name}+${hex(keyId(name, type, publicKey))}+${material}`;
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  const parts = splitKey(vkey, 3);
  if (parts === undefined) return fail('KEY.MALFORMED', 'a verifier key is <name>+<key ID>+<key>');
  const [name, idHex, material] = parts as [string, string, string];
  const { type, key } = parseKeyMaterial(name, idHex, material);
  const publicKey = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, key]),
    format: 'der',
    type: 'spki',
  });
  const id = Number.parseInt(idHex, 16);
  if (type === ED25519) {
    return {
      name,
      keyId: id,
      type,
      verify: (text, signature) =>
        signature.length === 64 && verify(null, text, publicKey, signature),
    };
  }
  return {
    name,
    keyId: id,
    type,
    verify: (text, signature) => {
      const timestamp = cosignatureTimestamp(signature);
      if (timestamp === undefined) return false;
      return verify(null, cosignedMessage(text, timestamp), publicKey, signature.subarray(8));
    },
  };
}

/** A cosigner key needs a clock: each cosignature says when it was made. */
export function parseSignerKey(skey: string, clock?: () => number): NoteSigner {
  const parts = splitKey(skey, 5);
  if (parts === undefined || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    return fail('KEY.MALFORMED', 'a signer key is PRIVATE+KEY+<name>+<key ID>+<key>');
  }
  const [, , name, idHex, material] = parts as [string, string, string, string, string];
  const { type, key: seed } = parseKeyMaterial(name, idHex, material, true);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const id = Number.parseInt(idHex, 16);
  if (type === ED25519) {
    return { name, keyId: id, type, sign: (text) => sign(null, text, privateKey) };
  }
  if (clock === undefined) fail('KEY.MALFORMED', 'a cosigner key needs a clock');
  return {
    name,
    keyId: id,
    type,
    sign: (text) => {
      const timestamp = Math.floor(clock());
      const stamp = Buffer.alloc(8);
      stamp.writeBigUInt64BE(BigInt(timestamp));
      return Buffer.concat([stamp, sign(null, cosignedMessage(text, timestamp), privateKey)]);
    },
  };
}

/** The message a cosignature/v1 signs: a header, the time, then the whole checkpoint text. */
export function cosignedMessage(text: Buffer, timestamp: number): Buffer {
  return Buffer.concat([Buffer.from(`cosignature/v1\ntime ${timestamp}\n`), text]);
}

function cosignatureTimestamp(signature: Buffer): number | undefined {
  if (signature.length !== 8 + 64) return undefined;
  const timestamp = signature.readBigUInt64BE(0);
  return timestamp <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(timestamp) : undefined;
}

/** Sign `text` with each signer; the result is the note in its wire form. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  const bytes = Buffer.from(text, 'utf8');
  return text + '\n' + signers.map((signer) => signatureLine(signer, bytes)).join('');
}

/** One "— name base64\n" line, e.g. a witness's cosignature to add to a checkpoint. */
export function signatureLine(signer: NoteSigner, text: Buffer): string {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(signer.keyId);
  return `— ${signer.name} ${Buffer.concat([id, signer.sign(text)]).toString('base64')}\n`;
}

/** Add signature lines (cosignatures) to a note, as they came from their signers. */
export function addSignatureLines(note: string, lines: readonly string[]): string {
  parseNote(note);
  const added = note + lines.join('');
  parseNote(added);
  return added;
}

/** The note's text and signature lines, checked for form only (no signature is verified). */
export function parseNote(input: string | Uint8Array): {
  text: string;
  signatures: NoteSignature[];
} {
  const note = typeof input === 'string' ? input : decodeUtf8(input);
  if (Buffer.from(note, 'utf8').toString('utf8') !== note) {
    fail('NOTE.MALFORMED', 'note is not valid UTF-8');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) {
    fail('NOTE.MALFORMED', 'note holds a control character other than newline');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) fail('NOTE.MALFORMED', 'note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '') fail('NOTE.MALFORMED', 'note has no signature lines');
  if (!block.endsWith('\n')) {
    fail('NOTE.MALFORMED', 'note is truncated: its last line does not end with a newline');
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    fail('NOTE.TOO_MANY_SIGNATURES', `note has ${lines.length} signatures, over ${MAX_SIGNATURES}`);
  }
  return { text, signatures: lines.map(parseSignatureLine) };
}

/**
 * Open a note against trusted keys: signatures by other keys are ignored; a trusted key's
 * signature that fails, or appears twice, rejects the whole note; at least one must verify.
 */
export function openNote(
  input: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): OpenedNote {
  const byKey = new Map<string, NoteVerifier>();
  for (const v of verifiers) {
    const key = `${v.name}+${hex(v.keyId)}`;
    if (byKey.has(key)) fail('KEY.AMBIGUOUS', `two trusted keys are named ${key}`);
    byKey.set(key, v);
  }
  const { text, signatures } = parseNote(input);
  const textBytes = Buffer.from(text, 'utf8');
  const verified: VerifiedSignature[] = [];
  const unknown: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of signatures) {
    const key = `${sig.name}+${hex(sig.keyId)}`;
    const verifier = byKey.get(key);
    if (verifier === undefined) {
      unknown.push(sig);
      continue;
    }
    if (seen.has(key)) fail('NOTE.DUPLICATE_SIGNATURE', `key ${key} signs the note twice`);
    seen.add(key);
    if (!verifier.verify(textBytes, sig.signature)) {
      fail('NOTE.BAD_SIGNATURE', `signature by ${key} does not verify over this note's text`);
    }
    const timestamp =
      verifier.type === COSIGNATURE_V1 ? cosignatureTimestamp(sig.signature) : undefined;
    verified.push({
      name: sig.name,
      keyId: sig.keyId,
      type: verifier.type,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
  }
  if (verified.length === 0) {
    const signers = signatures.map((s) => `${s.name}+${hex(s.keyId)}`).join(', ');
    fail(
      'NOTE.NO_TRUSTED_SIGNATURE',
      `note has no signature by a trusted key (signed by ${signers})`,
    );
  }
  return { text, verified, unknown };
}

function parseSignatureLine(line: string, i: number): NoteSignature {
  const match = /^— (\S+) (\S+)$/u.exec(line);
  const name = match?.[1];
  const encoded = match?.[2];
  if (name === undefined || encoded === undefined || !KEY_NAME.test(name)) {
    return fail('NOTE.MALFORMED', `signature line ${i + 1} is not "— <key name> <base64>"`);
  }
  const bytes = strictBase64(encoded);
  if (bytes === undefined || bytes.length < 5) {
    return fail('NOTE.MALFORMED', `signature line ${i + 1} does not hold a key ID and signature`);
  }
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}

function parseKeyMaterial(
  name: string,
  idHex: string,
  material: string,
  secret = false,
): { type: SignatureType; key: Buffer } {
  checkKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(idHex)) fail('KEY.MALFORMED', 'a key ID is 8 lowercase hex digits');
  const bytes = strictBase64(material);
  const type = bytes?.[0];
  if (bytes === undefined || (type !== ED25519 && type !== COSIGNATURE_V1)) {
    return fail('KEY.MALFORMED', 'key is not an Ed25519 (0x01) or cosignature/v1 (0x04) key');
  }
  const key = bytes.subarray(1);
  if (key.length !== 32) fail('KEY.MALFORMED', 'an Ed25519 key is 32 bytes');
  const publicKey = secret
    ? rawPublicKey(
        createPrivateKey({
          key: Buffer.concat([PKCS8_ED25519, key]),
          format: 'der',
          type: 'pkcs8',
        }),
      )
    : key;
  if (keyId(name, type, publicKey) !== Number.parseInt(idHex, 16)) {
    fail('KEY.MALFORMED', `key ID ${idHex} does not match the key named ${name}`);
  }
  return { type, key };
}

/** Split at the first count - 1 plus signs: the base64 key at the end may hold '+' itself. */
function splitKey(text: string, count: number): string[] | undefined {
  const parts = text.split('+');
  if (parts.length < count) return undefined;
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join('+')];
}

function rawPublicKey(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey)
    .export({ format: 'der', type: 'spki' })
    .subarray(SPKI_ED25519.length);
}

function checkKeyName(name: string): void {
  if (!KEY_NAME.test(name)) {
    fail('KEY.MALFORMED', `key name must be non-empty, without spaces or '+': "${name}"`);
  }
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) fail('NOTE.MALFORMED', 'note text must end with a newline');
  parseNote(`${text}\n— x AAAAAAA=\n`);
}

/** Standard base64 with padding, and only its one canonical spelling. */
export function strictBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail('NOTE.MALFORMED', 'note is not valid UTF-8');
  }
}

function hex(id: number): string {
  return id.toString(16).padStart(8, '0');
}
