import { type EventStore, PostgresEventStore, SqliteEventStore } from '@accord/event-store';
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

export function openLedger(config: StoreConfig): Promise<Ledger> {
  switch (config.kind) {
    case 'sqlite':
      return Promise.resolve(openSqlite(config.file));
    case 'postgres':
      return openPostgres(config.url);
  }
}
