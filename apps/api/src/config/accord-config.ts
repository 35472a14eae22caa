import { type KeyStoreConfig } from '@accord/personal-data';
import { dirname, resolve } from 'node:path';
import type { OidcClientSettings, OidcSettings } from '../auth/token.service';
import { loadOrCreateLocalSecret } from './local-secret';
import {
  type TransparencyConfig,
  transparencyConfig,
  TransparencyConfigError,
} from '@accord/transparency-log';

export type StoreConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string }
  | {
      kind: 'kurrentdb';
      connectionString: string;
      /** Read models: in PostgreSQL when DATABASE_URL is set, else in the SQLite file. */
      readModels: { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };
    };

/** Where the per-person keys live: never inside the log, so deleting one erases that person. */
export interface AccordConfig {
  host: string;
  port: number;
  production: boolean;
  /** ACCORD_DEMO=1: an empty ledger is given the demo initiative at start-up. */
  demo: boolean;
  store: StoreConfig;
  /** The SQLite file of the embedded store; its folder also keeps the local signing key. */
  databaseFile: string;
  jwt: { secret: Uint8Array; secretSource: string; issuer: string; audience: string };
  /** When set, only tokens of this OpenID Connect issuer are accepted. */
  oidc?: OidcSettings;
  keyStore: KeyStoreConfig;
  /** How long a mutation waits for the read models to reach its write before answering. */
  readYourWritesTimeoutMs: number;
  /** The built web workspace (`npm run build`), served at `/`. */
  webDir: string;
  /** Merkle trees and signed checkpoints (docs/design/verifiable-ledger.md). */
  transparency: TransparencyConfig;
}

export class ConfigError extends Error {
  constructor(variable: string, rule: string) {
    super(`configuration: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** The variable `name`, a postgres:// URL (`when` says in which case it is needed). */
function postgresUrl(env: Env, name: string, when = ''): string {
  const url = env[name];
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new ConfigError(name, `must be a postgres:// URL${when}`);
  return url;
}

function storeConfig(env: Env, databaseFile: string): StoreConfig {
  const kind = env.ACCORD_STORE || 'sqlite';
  switch (kind) {
    case 'sqlite':
      return { kind, file: databaseFile };
    case 'postgres':
      return { kind, url: postgresUrl(env, 'DATABASE_URL', ' when ACCORD_STORE=postgres') };
    case 'kurrentdb': {
      const connectionString = env.KURRENTDB_CONNECTION_STRING;
      if (
        !connectionString ||
        !/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(connectionString)
      ) {
        throw new ConfigError(
          'KURRENTDB_CONNECTION_STRING',
          'must be a kurrentdb:// (or kurrentdb+discover://) connection string when ACCORD_STORE=kurrentdb',
        );
      }
      const url =
        env.DATABASE_URL &&
        postgresUrl(
          env,
          'DATABASE_URL',
          ' (the read models of ACCORD_STORE=kurrentdb), or unset for the SQLite file',
        );
      return {
        kind,
        connectionString,
        readModels: url ? { kind: 'postgres', url } : { kind: 'sqlite', file: databaseFile },
      };
    }
    default:
      throw new ConfigError('ACCORD_STORE', `must be sqlite, postgres or kurrentdb, got "${kind}"`);
  }
}

/** Keys live beside the read models: in their SQLite file's `.keys` file, or their PostgreSQL. */
function keyStoreConfig(env: Env, store: StoreConfig): KeyStoreConfig {
  const beside = store.kind === 'kurrentdb' ? store.readModels : store;
  if (beside.kind === 'sqlite') {
    return { kind: 'sqlite', file: resolve(env.ACCORD_KEY_STORE_FILE || `${beside.file}.keys`) };
  }
  const url = env.ACCORD_KEY_STORE_URL ? postgresUrl(env, 'ACCORD_KEY_STORE_URL') : beside.url;
  return { kind: 'postgres', url };
}

function localSecret(file: string) {
  try {
    return loadOrCreateLocalSecret(file);
  } catch (error) {
    throw new ConfigError(
      'ACCORD_JWT_SECRET_FILE',
      `cannot keep the local signing key in ${file} (${(error as Error).message}); set ACCORD_JWT_SECRET or a writable path`,
    );
  }
}

function url(env: Env, name: string): URL {
  const raw = env[name] ?? '';
  try {
    const parsed = new URL(raw);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed;
  } catch {
    // reported below
  }
  throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
}

function oidcConfig(env: Env): OidcSettings | undefined {
  if (!env.ACCORD_OIDC_ISSUER) return undefined;
  url(env, 'ACCORD_OIDC_ISSUER');
  const audience = env.ACCORD_OIDC_AUDIENCE;
  if (!audience) {
    throw new ConfigError('ACCORD_OIDC_AUDIENCE', 'must be set when ACCORD_OIDC_ISSUER is');
  }
  return {
    issuer: env.ACCORD_OIDC_ISSUER,
    audience,
    ...(env.ACCORD_OIDC_JWKS_URL ? { jwksUrl: url(env, 'ACCORD_OIDC_JWKS_URL') } : {}),
    partnerClaim: env.ACCORD_OIDC_PARTNER_CLAIM || 'partner',
    ...(env.ACCORD_OIDC_CLIENT_ID ? { client: oidcClient(env, env.ACCORD_OIDC_CLIENT_ID) } : {}),
  };
}

/** The workspace's registration at the issuer, for signing in with the authorization code flow. */
function oidcClient(env: Env, clientId: string): OidcClientSettings {
  const scope = env.ACCORD_OIDC_SCOPE || 'openid';
  if (!scope.split(' ').includes('openid'))
    throw new ConfigError('ACCORD_OIDC_SCOPE', `must include "openid", got "${scope}"`);
  return {
    clientId,
    scope,
    ...(env.ACCORD_OIDC_CLIENT_SECRET ? { clientSecret: env.ACCORD_OIDC_CLIENT_SECRET } : {}),
    ...(env.ACCORD_OIDC_REDIRECT_URL
      ? { redirectUrl: url(env, 'ACCORD_OIDC_REDIRECT_URL').href }
      : {}),
  };
}

function transparency(env: Env, databaseFile: string): TransparencyConfig {
  try {
    return transparencyConfig(env, databaseFile);
  } catch (error) {
    if (error instanceof TransparencyConfigError) throw new ConfigError(error.variable, error.rule);
    throw error;
  }
}

/** Reads the configuration table documented in docs/operations.md. Throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AccordConfig {
  const databaseFile = resolve(env.ACCORD_DB_FILE || './data/accord.db');
  const store = storeConfig(env, databaseFile);
  const oidc = oidcConfig(env);
  const secretText = env.ACCORD_JWT_SECRET || undefined;
  if (secretText !== undefined && secretText.length < 32) {
    throw new ConfigError(
      'ACCORD_JWT_SECRET',
      'must be at least 32 characters long (HS256 needs a 256-bit key)',
    );
  }
  const secret = secretText
    ? { secret: new TextEncoder().encode(secretText), source: 'ACCORD_JWT_SECRET' }
    : localSecret(env.ACCORD_JWT_SECRET_FILE || resolve(dirname(databaseFile), 'jwt-secret.key'));
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    production: env.NODE_ENV === 'production',
    demo: env.ACCORD_DEMO === '1' || env.ACCORD_DEMO === 'true',
    store,
    databaseFile,
    jwt: {
      secret: secret.secret,
      secretSource: secret.source,
      issuer: env.ACCORD_JWT_ISSUER || 'accord-local',
      audience: env.ACCORD_JWT_AUDIENCE || 'accord',
    },
    ...(oidc ? { oidc } : {}),
    keyStore: keyStoreConfig(env, store),
    readYourWritesTimeoutMs: integer(env, 'ACCORD_READ_YOUR_WRITES_TIMEOUT_MS', 10_000, 1, 600_000),
    webDir: resolve(env.ACCORD_WEB_DIR || './dist/web'),
    transparency: transparency(env, databaseFile),
  };
}
