import { type NewEvent } from '@accord/event-store';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Emmett's event stores, installed in bench/peers (a package of their own, so that Accord's
 * `npm install` does not compile sqlite3) and loaded by name at run time with the few types
 * this benchmark uses, so the type check does not depend on a peer's declarations.
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
  /** No close: the connection it was given is closed by whoever opened it. */
  getSQLiteEventStore(options: {
    fileName: string;
    schema: { autoMigration: 'CreateOrUpdate' };
    connectionOptions: { singleton: true; connection: unknown };
  }): Pick<EmmettEventStore, 'appendToStream'>;
}
interface EmmettPostgresModule {
  getPostgreSQLEventStore(
    connectionString: string,
    options: { schema: { autoMigration: 'CreateOrUpdate' } },
  ): EmmettEventStore;
}

export const EMMETT_SQLITE = '@event-driven-io/emmett-sqlite';
export const EMMETT_POSTGRES = '@event-driven-io/emmett-postgresql';

const PEERS_DIR = join(__dirname, 'peers');
const fromPeers = createRequire(join(PEERS_DIR, 'package.json'));
const load = <T>(name: string): Promise<T> => Promise.resolve(fromPeers(name) as T);

/** Whether a peer is installed in bench/peers. */
export function installed(name: string): boolean {
  try {
    fromPeers.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Installs the peers from bench/peers' lock file unless they are there already. */
export function installPeers(): void {
  if (installed(EMMETT_SQLITE) && installed(EMMETT_POSTGRES)) return;
  console.error('installing the benchmark peers in bench/peers (first run only)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: PEERS_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('installing the benchmark peers in bench/peers failed');
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
    close: () => {
      connection.close();
      return Promise.resolve();
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
