import Database from 'better-sqlite3';
import { type Client } from 'graphql-ws';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { LEDGER_EVENTS_WITH_PEOPLE } from './people.operations';
import { type TestApp } from './test-app';

async function withPg<T>(app: TestApp, use: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ connectionString: app.storage.databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The main file must be there; its write-ahead log may not be (after a TRUNCATE checkpoint). */
const fileBytes = (main: string, wal?: string) =>
  Buffer.concat([readFileSync(main), ...(wal && existsSync(wal) ? [readFileSync(wal)] : [])]);

/**
 * The ledger as it lies in storage, as bytes to search: on SQLite the database file and its
 * write-ahead log, read straight from disk; on PostgreSQL every row of the event tables and
 * of every read model, as the server gives them as text.
 */
export async function ledgerStorageBytes(app: TestApp): Promise<Buffer> {
  if (app.storage.kind === 'sqlite') {
    const db = join(app.storage.dir, 'accord.db');
    return fileBytes(db, `${db}-wal`);
  }
  return withPg(app, async (client) => {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_name <> 'person_keys'`,
    );
    const dumps: string[] = [];
    for (const { table_name } of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM "${table_name}" t`,
      );
      dumps.push(...rows.map((r) => r.row));
    }
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['events', 'rm_people', 'rm_journal']),
    );
    return Buffer.from(dumps.join('\n'), 'utf8');
  });
}

/** The person's key as the key store holds it, read around the app; undefined when none. */
export async function storedKey(app: TestApp, personId: string): Promise<Buffer | undefined> {
  if (app.storage.kind === 'sqlite') {
    const db = new Database(app.config.keyStore.kind === 'sqlite' ? app.config.keyStore.file : '', {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const row = db.prepare('SELECT key FROM person_keys WHERE person_id = ?').get(personId) as
        { key: Buffer } | undefined;
      return row?.key;
    } finally {
      db.close();
    }
  }
  return withPg(app, async (client) => {
    const { rows } = await client.query<{ key: Buffer }>(
      'SELECT key FROM person_keys WHERE person_id = $1',
      [personId],
    );
    return rows[0]?.key;
  });
}

/**
 * The key store's own files, read straight from disk: on SQLite `<db>.keys` and its
 * write-ahead log; on PostgreSQL the data file of the person_keys table after a checkpoint
 * (only where the server runs on this machine, as it does when the tests start it).
 */
export async function keyStoreFileBytes(app: TestApp): Promise<Buffer> {
  if (app.config.keyStore.kind === 'sqlite') {
    const file = app.config.keyStore.file;
    return fileBytes(file, `${file}-wal`);
  }
  return withPg(app, async (client) => {
    await client.query('CHECKPOINT');
    const { rows } = await client.query<{ dir: string; path: string }>(
      `SELECT current_setting('data_directory') AS dir, pg_relation_filepath('person_keys') AS path`,
    );
    const { dir, path } = rows[0]!;
    return fileBytes(join(dir, path));
  });
}

/** A subscription to an initiative's events that also asks who each actor is. */
export class PeopleSubscriber {
  readonly events: any[] = [];
  readonly errors: unknown[] = [];
  private readonly stop: () => void;

  constructor(client: Client, initiativeId: string) {
    this.stop = client.subscribe(
      { query: LEDGER_EVENTS_WITH_PEOPLE, variables: { initiativeId } },
      {
        next: (message) => {
          if (message.errors) this.errors.push(...message.errors);
          else this.events.push((message.data as any).ledgerEvents);
          this.arrived();
        },
        error: (error) => {
          this.errors.push(error);
          this.arrived();
        },
        complete: () => undefined,
      },
    );
  }

  /** Called after every message: waits look again at what arrived. */
  private readonly watchers = new Set<() => void>();
  private arrived(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  /** Resolves as soon as what arrived satisfies `condition`; fails after `ms`, or resolves if `orElse` is 'resolve'. */
  until(
    condition: () => boolean,
    what: string,
    ms = 15_000,
    orElse: 'fail' | 'resolve' = 'fail',
  ): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.watchers.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => condition() && done();
      const timer = setTimeout(
        () => done(orElse === 'fail' ? new Error(`timed out waiting for ${what}`) : undefined),
        ms,
      );
      this.watchers.add(check);
    });
  }

  close(): void {
    this.stop();
  }
}

/**
 * Deletes the key around the app, as if forgetPerson had stopped after destroying the key and
 * before recording the event.
 */
export async function deleteKeyBehindTheApp(app: TestApp, personId: string): Promise<void> {
  if (app.config.keyStore.kind === 'sqlite') {
    const db = new Database(app.config.keyStore.file, { fileMustExist: true });
    try {
      db.prepare('DELETE FROM person_keys WHERE person_id = ?').run(personId);
    } finally {
      db.close();
    }
    return;
  }
  await withPg(app, (client) =>
    client.query('DELETE FROM person_keys WHERE person_id = $1', [personId]),
  );
}
