import {
  type EventStore,
  PostgresEventStore,
  redactConnectionString,
  SqliteEventStore,
} from '@accord/event-store';
import {
  PostgresReadModelDatabase,
  type ReadModelDatabase,
  SqliteReadModelDatabase,
} from '@accord/projections';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type StoreConfig } from '../config/accord-config';
import { NamedError } from './ledger.errors';

/** The event log and the read models, on whichever store the configuration names. */
export interface Ledger {
  store: EventStore;
  readModels: ReadModelDatabase;
  /** Where it lives, safe to print (no password). */
  description: string;
  close(): Promise<void>;
}

/** Start-up could not reach or open the store: one line saying what failed and what to check. */
export class StoreUnavailableError extends NamedError {}

type Opened = Omit<Ledger, 'description'>;
type ReadModels = Omit<Opened, 'store'>;
type KurrentDbConfig = Extract<StoreConfig, { kind: 'kurrentdb' }>;

const reasonOf = (error: unknown) =>
  error instanceof Error ? error.message || error.name : String(error);

/** Opens the SQLite file (its folder made first) with `open`; `what` names it in a failure. */
function openSqliteFile<T>(
  file: string,
  what: string,
  check: string,
  open: (db: Database.Database) => T,
): T {
  try {
    mkdirSync(dirname(file), { recursive: true });
    return open(new Database(file));
  } catch (error) {
    throw new StoreUnavailableError(
      `cannot open the SQLite ${what} ${file}: ${(error as Error).message} (check ACCORD_DB_FILE and the folder's permissions${check})`,
    );
  }
}

const openSqlite = (file: string): Opened =>
  openSqliteFile(file, 'ledger', '', (db) => {
    const store = new SqliteEventStore(db);
    return {
      store,
      readModels: new SqliteReadModelDatabase(db),
      close: async () => {
        await store.close();
        if (db.open) db.close();
      },
    };
  });

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

const postgresUnavailable = (url: string, what: string, error: unknown) =>
  new StoreUnavailableError(
    `cannot use PostgreSQL${what} at ${redactUrl(url)}: ${reasonOf(error)} (check DATABASE_URL, that the server runs, and the user's rights)`,
  );

async function openPostgres(url: string): Promise<Opened> {
  let store: PostgresEventStore | undefined;
  try {
    store = await PostgresEventStore.connect(url);
    const readModels = await PostgresReadModelDatabase.connect(url);
    const opened = store;
    return {
      store: opened,
      readModels,
      close: async () => {
        await opened.close();
        await readModels.close();
      },
    };
  } catch (error) {
    await store?.close().catch(() => undefined);
    throw postgresUnavailable(url, '', error);
  }
}

async function openReadModels(config: KurrentDbConfig['readModels']): Promise<ReadModels> {
  if (config.kind === 'sqlite') {
    return openSqliteFile(config.file, 'read models', ', or set DATABASE_URL', (db) => {
      // As the SQLite event store sets its file up: rebuilds and another process may write too.
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      return {
        readModels: new SqliteReadModelDatabase(db),
        close: () => {
          if (db.open) db.close();
          return Promise.resolve();
        },
      };
    });
  }
  try {
    const readModels = await PostgresReadModelDatabase.connect(config.url);
    return { readModels, close: () => readModels.close() };
  } catch (error) {
    throw postgresUnavailable(config.url, ' for the read models', error);
  }
}

/** Events in a KurrentDB cluster; read models in PostgreSQL (DATABASE_URL) or the SQLite file. */
async function openKurrentDb(config: KurrentDbConfig): Promise<Opened> {
  const { KurrentDbEventStore, KurrentDbUnavailableError } =
    await import('@accord/event-store/kurrentdb');
  let store: InstanceType<typeof KurrentDbEventStore>;
  try {
    store = await KurrentDbEventStore.connect(config.connectionString);
  } catch (error) {
    const reason = error instanceof KurrentDbUnavailableError ? error.reason : reasonOf(error);
    throw new StoreUnavailableError(
      `cannot use KurrentDB at ${redactConnectionString(config.connectionString)}: ${reason} (check KURRENTDB_CONNECTION_STRING, that the cluster runs, and that its tls setting matches the server's)`,
    );
  }
  try {
    const readModels = await openReadModels(config.readModels);
    return {
      store,
      readModels: readModels.readModels,
      close: async () => {
        await store.close();
        await readModels.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** Where the configured store lives, safe to print (no password). */
export function describeStoreConfig(config: StoreConfig): string {
  switch (config.kind) {
    case 'sqlite':
      return `SQLite ${config.file}`;
    case 'postgres':
      return `PostgreSQL ${redactUrl(config.url)}`;
    case 'kurrentdb':
      return `KurrentDB ${redactConnectionString(config.connectionString)}, read models in ${
        config.readModels.kind === 'postgres'
          ? `PostgreSQL ${redactUrl(config.readModels.url)}`
          : `SQLite ${config.readModels.file}`
      }`;
  }
}

export async function openLedger(config: StoreConfig): Promise<Ledger> {
  const opened = await (config.kind === 'sqlite'
    ? openSqlite(config.file)
    : config.kind === 'postgres'
      ? openPostgres(config.url)
      : openKurrentDb(config));
  return { ...opened, description: describeStoreConfig(config) };
}
