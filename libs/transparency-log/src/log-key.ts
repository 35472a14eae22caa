import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ED25519,
  keysOfSeed,
  type NoteSigner,
  type NoteVerifier,
  parseSignerKey,
  parseVerifierKey,
  verifierKey,
} from '@accord/transparency';
import type { TransparencyConfig } from './transparency-config';

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The log's one Ed25519 key. As C2SP tlog-checkpoint recommends, each tree signs under its own
 * origin as key name, so each origin has its own verifier key derived from the same public key.
 */
export class LogKey {
  readonly publicKey: Buffer;
  private readonly signers = new Map<string, NoteSigner>();

  constructor(private readonly seed: Buffer) {
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.publicKey = createPublicKey(privateKey)
      .export({ format: 'der', type: 'spki' })
      .subarray(-32);
  }

  /** `<origin>+<key ID>+<base64(0x01 || public key)>`: what a partner trusts for this tree. */
  verifierKey(origin: string): string {
    return verifierKey(origin, ED25519, this.publicKey);
  }

  verifier(origin: string): NoteVerifier {
    return parseVerifierKey(this.verifierKey(origin));
  }

  signer(origin: string): NoteSigner {
    let signer = this.signers.get(origin);
    if (!signer) {
      signer = parseSignerKey(keysOfSeed(origin, ED25519, this.seed).signerKey);
      this.signers.set(origin, signer);
    }
    return signer;
  }
}

/** The configured key, or the one kept beside the database (made once, mode 0600). */
export function loadLogKey(key: TransparencyConfig['key']): LogKey {
  if (key.kind === 'given') return new LogKey(Buffer.from(key.seedHex, 'hex'));
  return new LogKey(seedFile(key.file, 'log').seed);
}

/** An Ed25519 seed kept in hex in `file`, made (mode 0600) when there is none yet. */
export function seedFile(file: string, owner: string): { seed: Buffer; created: boolean } {
  mkdirSync(dirname(file), { recursive: true });
  let created = true;
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) {
    throw new Error(`the ${owner} key file ${file} does not hold 64 hex digits`);
  }
  return { seed: Buffer.from(text, 'hex'), created };
}
