import { dirname, resolve } from 'node:path';

/** How the ledger keeps and signs its Merkle trees (docs/design/verifiable-ledger.md). */
export interface TransparencyConfig {
  /** The host part of every checkpoint origin: `<host>/initiative/<id>`, `<host>/directory`. */
  originHost: string;
  /** The log's Ed25519 key: a 32-byte seed, in hex, given, or kept in `keyFile` (made once). */
  key: { kind: 'given'; seedHex: string } | { kind: 'file'; file: string };
  /** A tree gets a new signed checkpoint once it has grown by this many events... */
  checkpointEveryEvents: number;
  /** ...or, when it has grown at all, at the latest this long after its last one. */
  checkpointIntervalMs: number;
  /** Folder of the trees' witness policies (witness-policy.ts); none when not set. */
  witnessPolicies?: string;
}

type Env = Record<string, string | undefined>;

/** Thrown with the variable and the rule it broke; the caller reports it as a ConfigError. */
export class TransparencyConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`configuration: ${variable} ${rule}`);
    this.name = 'TransparencyConfigError';
  }
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TransparencyConfigError(
      name,
      `must be a whole number from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}

export function transparencyConfig(env: Env, databaseFile: string): TransparencyConfig {
  const originHost = env.ACCORD_LOG_ORIGIN || 'accord.local';
  if (!/^[^\s+/][^\s+]*$/u.test(originHost)) {
    throw new TransparencyConfigError(
      'ACCORD_LOG_ORIGIN',
      `must be a host name without spaces or "+" (e.g. accord.example), got "${originHost}"`,
    );
  }
  const seedHex = env.ACCORD_LOG_KEY;
  if (seedHex !== undefined && seedHex !== '' && !/^[0-9a-f]{64}$/i.test(seedHex)) {
    throw new TransparencyConfigError('ACCORD_LOG_KEY', 'must be 64 hex digits (an Ed25519 seed)');
  }
  return {
    originHost,
    key: seedHex
      ? { kind: 'given', seedHex: seedHex.toLowerCase() }
      : {
          kind: 'file',
          file: resolve(
            env.ACCORD_LOG_KEY_FILE || resolve(dirname(databaseFile), 'log-signing.key'),
          ),
        },
    checkpointEveryEvents: whole(env, 'ACCORD_CHECKPOINT_EVERY_EVENTS', 1_000, 1, 10_000_000),
    checkpointIntervalMs: whole(env, 'ACCORD_CHECKPOINT_INTERVAL_MS', 10_000, 10, 86_400_000),
    ...(env.ACCORD_WITNESS_POLICIES
      ? { witnessPolicies: resolve(env.ACCORD_WITNESS_POLICIES) }
      : {}),
  };
}
