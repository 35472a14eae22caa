import { randomBytes } from 'node:crypto';
import { openPool } from '@accord/event-store';
import type { Pool } from 'pg';
import { chunks, KEY_BYTES, KeyStoreError, type PersonKeyStore } from './person-key-store';

/** Any fixed number: serialises creating the table when several API processes start at once. */
const SCHEMA_LOCK_KEY = 7_415_2031;

/**
 * Keys in the `person_keys` table. It is not part of the log: unlike the event tables it has
 * no trigger refusing DELETE. After a delete, VACUUM FULL rewrites the table into a new file,
 * so the deleted row's bytes do not linger in the table's pages until a later vacuum.
 */
export class PostgresPersonKeyStore implements PersonKeyStore {
  private constructor(private readonly pool: Pool) {}

  static async connect(url: string): Promise<PostgresPersonKeyStore> {
    const pool = openPool(url, 4);
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
        await client.query(`CREATE TABLE IF NOT EXISTS person_keys (
          person_id TEXT PRIMARY KEY,
          key BYTEA NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      return new PostgresPersonKeyStore(pool);
    } catch (error) {
      await pool.end();
      throw new KeyStoreError(
        `cannot open the key store table person_keys: ${(error as Error).message} (check ACCORD_KEY_STORE_URL or DATABASE_URL)`,
      );
    }
  }

  async keyFor(personId: string): Promise<Buffer> {
    await this.pool.query(
      'INSERT INTO person_keys (person_id, key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING',
      [personId, randomBytes(KEY_BYTES)],
    );
    const key = await this.find(personId);
    if (!key) throw new KeyStoreError(`the key of ${personId} was destroyed while it was made`);
    return key;
  }

  async find(personId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ key: Buffer }>(
      'SELECT key FROM person_keys WHERE person_id = $1',
      [personId],
    );
    return rows[0]?.key;
  }

  async findMany(personIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const ids of chunks([...new Set(personIds)])) {
      const { rows } = await this.pool.query<{ person_id: string; key: Buffer }>(
        'SELECT person_id, key FROM person_keys WHERE person_id = ANY($1)',
        [ids],
      );
      for (const row of rows) keys.set(row.person_id, row.key);
    }
    return keys;
  }

  async destroy(personId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM person_keys WHERE person_id = $1', [
      personId,
    ]);
    await this.pool.query('VACUUM FULL person_keys');
    return (rowCount ?? 0) > 0;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
