import {
  COSIGNATURE_V1,
  type NoteVerifier,
  parseNote,
  parseVerifierKey,
  TransparencyError,
} from '@accord/transparency';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which partner witnesses must cosign a checkpoint of one tree, as its governance decided: a
 * small file in the spirit of C2SP tlog-policy, one directive a line, `#` starts a comment:
 *
 *   witness <name> <cosignature/v1 verifier key>
 *   quorum <k>          (at least k of the witnesses listed; tlog-policy names a group here)
 *
 * The ledger keeps one file per tree in the folder ACCORD_WITNESS_POLICIES:
 * `initiative/<id>.policy` and `directory.policy`. It is read at each question, so a change
 * decided by the initiative takes effect without a restart.
 */
export interface WitnessPolicy {
  witnesses: { name: string; vkey: string; key: NoteVerifier }[];
  quorum: number;
}

export class WitnessPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WitnessPolicyError';
  }
}

export function parseWitnessPolicy(text: string, source: string): WitnessPolicy {
  const witnesses: WitnessPolicy['witnesses'] = [];
  let quorum: number | undefined;
  const bad = (line: number, rule: string) =>
    new WitnessPolicyError(`${source} line ${line}: ${rule}`);
  text.split('\n').forEach((raw, i) => {
    const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    const [directive, ...rest] = words;
    if (directive === 'witness' && rest.length === 2) {
      const [name, vkey] = rest as [string, string];
      let key: NoteVerifier;
      try {
        key = parseVerifierKey(vkey);
      } catch (error) {
        if (!(error instanceof TransparencyError)) throw error;
        throw bad(i + 1, `the key of witness ${name} is not a verifier key (${error.message})`);
      }
      if (key.type !== COSIGNATURE_V1) {
        throw bad(i + 1, `the key of witness ${name} must be a cosignature/v1 (type 0x04) key`);
      }
      if (witnesses.some((w) => w.name === name)) throw bad(i + 1, `witness ${name} twice`);
      witnesses.push({ name, vkey, key });
    } else if (directive === 'quorum' && rest.length === 1 && /^[0-9]{1,4}$/.test(rest[0]!)) {
      if (quorum !== undefined) throw bad(i + 1, 'a second quorum line');
      quorum = Number(rest[0]);
    } else {
      throw bad(i + 1, 'expected "witness <name> <verifier key>" or "quorum <k>"');
    }
  });
  if (quorum === undefined) throw new WitnessPolicyError(`${source}: no "quorum <k>" line`);
  if (quorum < 1 || quorum > witnesses.length) {
    throw new WitnessPolicyError(
      `${source}: quorum ${quorum} must be from 1 to the ${witnesses.length} witnesses listed`,
    );
  }
  return { witnesses, quorum };
}

/** The policy file of a tree, if its governance made one; undefined when there is none. */
export function loadWitnessPolicy(
  folder: string | undefined,
  tree: string,
): WitnessPolicy | undefined {
  if (folder === undefined) return undefined;
  const file = join(folder, `${tree}.policy`);
  if (!existsSync(file)) return undefined;
  return parseWitnessPolicy(readFileSync(file, 'utf8'), file);
}

/**
 * The policy's witnesses whose cosignature line verifies over the checkpoint note (each line
 * checked against the policy's own key for that witness, whoever sent it).
 */
export function cosignersUnder(
  policy: WitnessPolicy,
  note: string,
  lines: readonly string[],
): string[] {
  const text = Buffer.from(parseNote(note).text, 'utf8');
  const signed = new Set<string>();
  for (const line of lines) {
    let signature;
    try {
      signature = parseNote(note + line).signatures.at(-1);
    } catch (error) {
      if (error instanceof TransparencyError) continue;
      throw error;
    }
    if (!signature) continue;
    for (const witness of policy.witnesses) {
      if (witness.key.name !== signature.name || witness.key.keyId !== signature.keyId) continue;
      if (witness.key.verify(text, signature.signature)) signed.add(witness.name);
    }
  }
  return policy.witnesses.map((w) => w.name).filter((name) => signed.has(name));
}

export const describePolicy = (policy: WitnessPolicy): string =>
  `${policy.quorum} of ${policy.witnesses.length} witnesses: ${policy.witnesses.map((w) => w.name).join(', ')}`;
