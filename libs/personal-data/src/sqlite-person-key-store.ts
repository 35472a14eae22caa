import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { chunks, KEY_BYTES, KeyStoreError, type PersonKeyStore } from './person-key-store';

/**
 * Keys in their own SQLite file beside the ledger's (`<db>.keys` by default), readable by the
 * owner only. secure_delete makes SQLite overwrite a deleted row with zeros instead of only
 * unlinking it; after each delete a TRUNCATE checkpoint copies the zeroed pages into the file
 * and empties the write-ahead log, so the old key bytes are in neither file.
 */
export class SqlitePersonKeyStore implements PersonKeyStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqlitePersonKeyStore {
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Create it owner-only before SQLite opens it; the -wal and -shm files take its mode.
      closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      db.exec(`CREATE TABLE IF NOT EXISTS person_keys (
        person_id TEXT PRIMARY KEY,
        key BLOB NOT NULL,
        created_at TEXT NOT NULL
      )`);
      return new SqlitePersonKeyStore(db);
    } catch (error) {
      throw new KeyStoreError(
        `cannot open the key store ${file}: ${(error as Error).message} (check ACCORD_KEY_STORE_FILE and the folder's permissions)`,
      );
    }
  }

  keyFor(personId: string): Promise<Buffer> {
    this.db
      .prepare(
        'INSERT INTO person_keys (person_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (person_id) DO NOTHING',
      )
      .run(personId, randomBytes(KEY_BYTES), new Date().toISOString());
    return Promise.resolve(this.read(personId)!);
  }

  find(personId: string): Promise<Buffer | undefined> {
    return Promise.resolve(this.read(personId));
  }

  findMany(personIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const ids of chunks([...new Set(personIds)])) {
      const rows = this.db
        .prepare(
          `SELECT person_id, key FROM person_keys WHERE person_id IN (${ids.map(() => '?').join(', ')})`,
        )
        .all(...ids) as Array<{ person_id: string; key: Buffer }>;
      for (const row of rows) keys.set(row.person_id, row.key);
    }
    return Promise.resolve(keys);
  }

  destroy(personId: string): Promise<boolean> {
    const { changes } = this.db
      .prepare('DELETE FROM person_keys WHERE person_id = ?')
      .run(personId);
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result?.busy) {
      throw new KeyStoreError(
        'the key was deleted but the key store is busy, so its write-ahead log still holds the old bytes; retry the command',
      );
    }
    return Promise.resolve(changes > 0);
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  private read(personId: string): Buffer | undefined {
    const row = this.db.prepare('SELECT key FROM person_keys WHERE person_id = ?').get(personId) as
      { key: Buffer } | undefined;
    return row?.key;
  }
}
