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

/** The event log and the read models, on whichever store the configuration names. */
export interface Ledger {
  store: EventStore;
  readModels: ReadModelDatabase;
  /** Where it lives, safe to print (no password). */
  description: string;
  close(): Promise<void>;
}

/** Start-up could not reach or open the store: one line saying what failed and what to check. */
export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

function openSqlite(file: string): Ledger {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    const store = new SqliteEventStore(db);
    return {
      store,
      readModels: new SqliteReadModelDatabase(db),
      description: `SQLite ${file}`,
      close: async () => {
        await store.close();
        if (db.open) db.close();
      },
    };
  } catch (error) {
    throw new StoreUnavailableError(
      `cannot open the SQLite ledger ${file}: ${(error as Error).message} (check ACCORD_DB_FILE and the folder's permissions)`,
    );
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function openPostgres(url: string): Promise<Ledger> {
  let store: PostgresEventStore | undefined;
  try {
    store = await PostgresEventStore.connect(url);
    const readModels = await PostgresReadModelDatabase.connect(url);
    const opened = store;
    return {
      store: opened,
      readModels,
      description: `PostgreSQL ${redactUrl(url)}`,
      close: async () => {
        await opened.close();
        await readModels.close();
      },
    };
  } catch (error) {
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new StoreUnavailableError(
      `cannot use PostgreSQL at ${redactUrl(url)}: ${reason} (check DATABASE_URL, that the server runs, and the user's rights)`,
    );
  }
}

type KurrentDbConfig = Extract<StoreConfig, { kind: 'kurrentdb' }>;

function openSqliteReadModels(file: string): { readModels: ReadModelDatabase; close(): void } {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    // As the SQLite event store sets its file up: rebuilds and another process may write too.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    return {
      readModels: new SqliteReadModelDatabase(db),
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    throw new StoreUnavailableError(
      `cannot open the SQLite read models ${file}: ${(error as Error).message} (check ACCORD_DB_FILE and the folder's permissions, or set DATABASE_URL)`,
    );
  }
}

async function openKurrentDbReadModels(
  config: KurrentDbConfig['readModels'],
): Promise<{ readModels: ReadModelDatabase; description: string; close(): Promise<void> }> {
  if (config.kind === 'sqlite') {
    const opened = openSqliteReadModels(config.file);
    return {
      readModels: opened.readModels,
      description: `SQLite ${config.file}`,
      close: () => Promise.resolve(opened.close()),
    };
  }
  try {
    const readModels = await PostgresReadModelDatabase.connect(config.url);
    return {
      readModels,
      description: `PostgreSQL ${redactUrl(config.url)}`,
      close: () => readModels.close(),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new StoreUnavailableError(
      `cannot use PostgreSQL for the read models at ${redactUrl(config.url)}: ${reason} (check DATABASE_URL, that the server runs, and the user's rights)`,
    );
  }
}

/** Events in a KurrentDB cluster; read models in PostgreSQL (DATABASE_URL) or the SQLite file. */
async function openKurrentDb(config: KurrentDbConfig): Promise<Ledger> {
  const { KurrentDbEventStore, KurrentDbUnavailableError } =
    await import('@accord/event-store/kurrentdb');
  let store: InstanceType<typeof KurrentDbEventStore>;
  try {
    store = await KurrentDbEventStore.connect(config.connectionString);
  } catch (error) {
    const reason =
      error instanceof KurrentDbUnavailableError
        ? error.reason
        : error instanceof Error
          ? error.message
          : String(error);
    throw new StoreUnavailableError(
      `cannot use KurrentDB at ${redactConnectionString(config.connectionString)}: ${reason} (check KURRENTDB_CONNECTION_STRING, that the cluster runs, and that its tls setting matches the server's)`,
    );
  }
  try {
    const readModels = await openKurrentDbReadModels(config.readModels);
    return {
      store,
      readModels: readModels.readModels,
      description: `KurrentDB ${redactConnectionString(config.connectionString)}, read models in ${readModels.description}`,
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

export function openLedger(config: StoreConfig): Promise<Ledger> {
  switch (config.kind) {
    case 'sqlite':
      return Promise.resolve(openSqlite(config.file));
    case 'postgres':
      return openPostgres(config.url);
    case 'kurrentdb':
      return openKurrentDb(config);
  }
}
