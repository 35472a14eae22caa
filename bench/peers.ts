import { type NewEvent } from '@accord/event-store';

/**
 * Emmett's event stores (devDependencies), loaded by name at run time with the few types this
 * benchmark uses, so the type check does not depend on a peer's declarations.
 */
interface EmmettEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}
export interface EmmettEventStore {
  appendToStream(
    stream: string,
    events: EmmettEvent[],
    options: { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' },
  ): Promise<unknown>;
  close(): Promise<void>;
}
interface EmmettSqliteModule {
  sqliteConnection(options: { fileName: string }): { close(): void };
  getSQLiteEventStore(options: {
    fileName: string;
    schema: { autoMigration: 'CreateOrUpdate' };
    connectionOptions: { singleton: true; connection: unknown };
  }): EmmettEventStore;
}
interface EmmettPostgresModule {
  getPostgreSQLEventStore(
    connectionString: string,
    options: { schema: { autoMigration: 'CreateOrUpdate' } },
  ): EmmettEventStore;
}

export const EMMETT_SQLITE = '@event-driven-io/emmett-sqlite';
export const EMMETT_POSTGRES = '@event-driven-io/emmett-postgresql';

const load = <T>(name: string): Promise<T> => import(name) as Promise<T>;

/** Whether a peer is installed (`npm install` brings the devDependencies). */
export function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Emmett's SQLite store on `file`, on one connection it keeps open (its `singleton` option;
 * by default it opens the file for every call). Emmett sets WAL; node-sqlite3 keeps SQLite's
 * default synchronous = FULL, the same durability as ours.
 */
export async function emmettSqlite(file: string): Promise<EmmettEventStore> {
  const emmett = await load<EmmettSqliteModule>(EMMETT_SQLITE);
  const connection = emmett.sqliteConnection({ fileName: file });
  const store = emmett.getSQLiteEventStore({
    fileName: file,
    schema: { autoMigration: 'CreateOrUpdate' },
    connectionOptions: { singleton: true, connection },
  });
  return {
    appendToStream: (stream, events, options) => store.appendToStream(stream, events, options),
    close: async () => {
      await store.close();
      connection.close();
    },
  };
}

export async function emmettPostgres(url: string): Promise<EmmettEventStore> {
  const emmett = await load<EmmettPostgresModule>(EMMETT_POSTGRES);
  return emmett.getPostgreSQLEventStore(url, { schema: { autoMigration: 'CreateOrUpdate' } });
}

/** The same event, as Emmett appends it: type, data and metadata. */
export const toEmmett = (event: NewEvent): EmmettEvent => ({
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});
