import type { PoolClient } from 'pg';

/** Any fixed number: the key of the advisory lock that serialises appends (see PostgresEventStore). */
export const APPEND_LOCK_KEY = 7_415_2026;
const SCHEMA_LOCK_KEY = 7_415_2027;

/**
 * The one-round-trip append (see PostgresEventStore.appendAssumed): the rows come numbered by
 * revision and chained by hash from the heads the caller assumed. Under the append lock it
 * checks those heads (-1: no stream) and that none of the group's ids is stored yet; if all hold it numbers the
 * rows after the last position, inserts them, notifies, and returns that last position before
 * them. Otherwise it writes nothing and returns NULL, and the caller takes the locked path.
 * A PL/pgSQL statement takes a new snapshot, so the reads after the lock see the previous
 * holder's commit (one SQL statement could not: its snapshot predates the lock).
 */
const APPEND_FUNCTION = `
      CREATE OR REPLACE FUNCTION accord_append(
        check_streams text[], check_revisions integer[], check_ids text[], ids text[], streams text[],
        revisions integer[], types text[], datas text[], metadatas text[], hashes text[],
        channel text
      ) RETURNS bigint LANGUAGE plpgsql
        -- Its statements' plans are cached with the connection. Planned while the log was tiny,
        -- they would scan the whole table, at a cost growing with the log: indexes, always.
        SET enable_seqscan = off AS $$
      DECLARE
        last_position bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
        IF EXISTS (SELECT 1 FROM events WHERE id = ANY (check_ids)) THEN
          RETURN NULL;
        END IF;
        IF EXISTS (
          SELECT 1 FROM unnest(check_streams, check_revisions) AS c(stream, revision)
           WHERE COALESCE((SELECT MAX(e.revision) FROM events e WHERE e.stream = c.stream), -1)
                 <> c.revision
        ) THEN
          RETURN NULL;
        END IF;
        SELECT COALESCE(MAX(position), 0) INTO last_position FROM events;
        INSERT INTO events (position, id, stream, revision, type, data, metadata, hash)
          SELECT last_position + r.n, r.id, r.stream, r.revision, r.type, r.data, r.metadata, r.hash
            FROM unnest(ids, streams, revisions, types, datas, metadatas, hashes)
                 WITH ORDINALITY AS r(id, stream, revision, type, data, metadata, hash, n);
        IF cardinality(ids) > 0 THEN
          PERFORM pg_notify(channel, (last_position + cardinality(ids))::text);
        END IF;
        RETURN last_position;
      END $$;`;

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
      ${APPEND_FUNCTION}
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
