import type { PoolClient } from 'pg';

/** Any fixed number: the key of the advisory lock that serialises appends (see PostgresEventStore). */
export const APPEND_LOCK_KEY = 7_415_2026;
const SCHEMA_LOCK_KEY = 7_415_2027;

/**
 * The log in PostgreSQL. data and metadata are TEXT, not JSONB: the hash covers exactly what
 * was written, and JSONB would refuse some strings JSON allows (\u0000). Triggers refuse
 * UPDATE, DELETE and TRUNCATE: a correction is a new event.
 */
export async function ensurePostgresSchema(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS events (
        position BIGINT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        stream TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (stream, revision)
      );
      CREATE OR REPLACE FUNCTION accord_events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are immutable: record a correcting event instead';
      END $$;
      DO $$ BEGIN
        CREATE TRIGGER events_are_never_changed BEFORE UPDATE OR DELETE ON events
          FOR EACH ROW EXECUTE FUNCTION accord_events_are_immutable();
      EXCEPTION WHEN duplicate_object THEN NULL; END $$;
      DO $$ BEGIN
        CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
          FOR EACH STATEMENT EXECUTE FUNCTION accord_events_are_immutable();
      EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
