import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Checkpoint,
  COSIGNATURE_V1,
  keysOfSeed,
  type NoteSigner,
  type NoteVerifier,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  signatureLine,
  TransparencyError,
  verifyConsistency,
} from '@accord/transparency';
import { seedFile } from '@accord/transparency-log';
import { UsageError } from './usage-error';

interface Seen {
  checkpoint: Checkpoint;
  /** The signed note exactly as the ledger served it. */
  note: string;
  /** Its text: what the log signed and the witness cosigns. */
  text: string;
}

/**
 * A partner's witness: checks that the ledger's newest checkpoint of one tree extends the last
 * one this witness cosigned, then cosigns it (tlog-cosignature/v1) and gives the line back to the
 * ledger. A checkpoint that does not extend it is refused, and both notes are kept as evidence.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      initiative: { type: 'string' },
      directory: { type: 'boolean', default: false },
      'log-key': { type: 'string' },
      'key-file': { type: 'string' },
      name: { type: 'string' },
      state: { type: 'string', default: './data/witness' },
      token: { type: 'string' },
    },
    strict: true,
  });
  const missing = ['url', 'log-key', 'key-file', 'name'].filter(
    (option) => !values[option as 'url'],
  );
  if (missing.length > 0) {
    throw new UsageError(`witness needs ${missing.map((option) => `--${option}`).join(', ')}`);
  }
  if ((values.initiative === undefined) === !values.directory) {
    throw new UsageError('witness needs either --initiative <id> or --directory');
  }
  const token = values.token ?? process.env.ACCORD_TOKEN;
  if (!token) throw new UsageError('witness needs --token or ACCORD_TOKEN');
  const logKey = keyOrUsage('--log-key', () => parseVerifierKey(values['log-key']!));
  const tree = values.directory
    ? 'checkpoint/directory'
    : `checkpoint/initiative/${encodeURIComponent(values.initiative!)}`;
  const treeSuffix = values.directory ? '/directory' : `/initiative/${values.initiative}`;
  // Each tree signs under its own origin as key name, so the log key names the origin.
  const origin = logKey.name;
  if (!origin.endsWith(treeSuffix)) {
    throw new UsageError(`the log key is for ${origin}, not for ${treeSuffix.slice(1)}`);
  }
  const witness = loadWitnessKey(resolve(values['key-file']!), values.name!);
  const base = values.url!.replace(/\/+$/, '');
  const ledger = (path: string, init?: RequestInit) => callLedger(`${base}/${path}`, token, init);
  const state = new WitnessState(join(resolve(values.state), encodeURIComponent(origin)));

  const servedNote = await (await ledger(tree)).text();
  const served = open(servedNote, origin, logKey, 'the served checkpoint');
  const last = state.last(logKey);
  let done: string;
  if (last === undefined) {
    done = `first sight of ${origin}`;
  } else if (served.checkpoint.size < last.checkpoint.size) {
    refuse(
      state,
      last,
      served,
      `the log shrank from size ${last.checkpoint.size} to ${served.checkpoint.size}`,
    );
  } else if (served.checkpoint.size === last.checkpoint.size) {
    if (!served.checkpoint.root.equals(last.checkpoint.root)) {
      refuse(state, last, served, `two different roots for size ${served.checkpoint.size}`);
    }
    done = 'unchanged since last run';
  } else {
    const proofPath = `proof${tree.slice('checkpoint'.length)}/consistency?fromSize=${last.checkpoint.size}&toSize=${served.checkpoint.size}`;
    const proof = (await (await ledger(proofPath)).json()) as { hashes: string[] };
    try {
      verifyConsistency(
        last.checkpoint.size,
        served.checkpoint.size,
        (proof.hashes ?? []).map((hash) => Buffer.from(hash, 'base64')),
        last.checkpoint.root,
        served.checkpoint.root,
      );
    } catch (error) {
      if (!(error instanceof TransparencyError)) throw error;
      refuse(
        state,
        last,
        served,
        `size ${served.checkpoint.size} does not extend size ${last.checkpoint.size} (${error.message})`,
      );
    }
    done = `consistent with size ${last.checkpoint.size}`;
  }

  const line = signatureLine(witness.signer, Buffer.from(served.text, 'utf8'));
  // Kept before it is sent: the witness has vouched for this checkpoint whatever the ledger says.
  state.save(served);
  await ledger(
    `${tree}/cosignatures?size=${served.checkpoint.size}&key=${encodeURIComponent(witness.verifierKey)}`,
    { method: 'POST', body: line, headers: { 'content-type': 'text/plain' } },
  );
  if (witness.created) console.log(`new witness key; its verifier key: ${witness.verifierKey}`);
  console.log(`cosigned ${origin} at size ${served.checkpoint.size} (${done})`);
}

function keyOrUsage<T>(option: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TransparencyError) throw new UsageError(`${option}: ${error.message}`);
    throw error;
  }
}

function open(note: string, origin: string, logKey: NoteVerifier, what: string): Seen {
  try {
    const opened = openCheckpoint(note, { origin, logKeys: [logKey] });
    return { checkpoint: opened.checkpoint, note, text: opened.note.text };
  } catch (error) {
    if (error instanceof TransparencyError)
      throw new Error(`${what} does not verify: ${error.message}`);
    throw error;
  }
}

function refuse(state: WitnessState, last: Seen, served: Seen, why: string): never {
  const files = state.keepEvidence(last.note, served.note);
  throw new Error(
    `refused to cosign ${last.checkpoint.origin}: ${why}; the log misbehaved, evidence kept in ${files.join(' and ')}`,
  );
}

/** The witness's Ed25519 seed, kept in hex in its key file (made once, mode 0600). */
function loadWitnessKey(
  file: string,
  name: string,
): { signer: NoteSigner; verifierKey: string; created: boolean } {
  const { seed, created } = seedFile(file, 'witness');
  const keys = keyOrUsage('--name', () => keysOfSeed(name, COSIGNATURE_V1, seed));
  const signer = parseSignerKey(keys.signerKey, () => Date.now() / 1000);
  return { signer, verifierKey: keys.verifierKey, created };
}

/** The last checkpoint cosigned for one origin, and the evidence of a misbehaving log. */
class WitnessState {
  private readonly lastFile: string;

  constructor(private readonly dir: string) {
    this.lastFile = join(dir, 'last-cosigned.note');
  }

  last(logKey: NoteVerifier): Seen | undefined {
    if (!existsSync(this.lastFile)) return undefined;
    return open(readFileSync(this.lastFile, 'utf8'), logKey.name, logKey, this.lastFile);
  }

  save(seen: Seen): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.lastFile}.tmp`;
    writeFileSync(temporary, seen.note);
    // Replaced whole, never half written.
    renameSync(temporary, this.lastFile);
  }

  keepEvidence(cosigned: string, served: string): string[] {
    mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return Object.entries({ cosigned, served }).map(([which, note]) => {
      const file = join(this.dir, `evidence-${stamp}-${which}.note`);
      writeFileSync(file, note);
      return file;
    });
  }
}

/** A transparency endpoint of the ledger, called with the partner's token. */
async function callLedger(url: string, token: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new Error(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    const text = await response.text();
    let reason = text;
    try {
      reason = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // not JSON: the text itself
    }
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${reason}`);
  }
  return response;
}
