import { Client, Pool, type PoolClient } from 'pg';
import { assertValidAppend, assertValidStreamName } from '../append-validation';
import { AppendNotifier } from '../append-notifier';
import { verifyChain } from '../chain-verifier';
import { IdempotencyMismatchError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  VerifyResult,
} from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { SubscriptionHub } from '../subscription';
import { APPEND_LOCK_KEY, ensurePostgresSchema } from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** Fallback for a missed notification: how often a waiting subscription looks for new events. */
  pollIntervalMs?: number;
  /** Pool size; appends are serialised anyway, reads run in parallel. */
  maxConnections?: number;
}

interface EventRow {
  position: string;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

const CHANNEL = 'accord_events';
const MAX_READ = 10_000;
const VERIFY_BATCH = 5_000;

const toStored = (row: EventRow): StoredEvent => ({
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  position: Number(row.position),
  type: row.type,
  data: JSON.parse(row.data) as JsonObject,
  metadata: JSON.parse(row.metadata) as JsonObject,
  hash: row.hash,
});

/**
 * The event store on PostgreSQL, for several API processes on one database.
 *
 * Global order: a plain sequence hands out positions at insert time, but transactions commit
 * in another order, so a reader could see position 11 before 10 commits and skip 10 for good.
 * Here every append takes one transaction-scoped advisory lock before it reads the head and
 * numbers its events, and holds it until commit: positions are handed out in commit order,
 * and a reader never sees a gap that fills later. The price is that appends are serialised
 * across processes, which a governance ledger's write rate easily affords.
 */
export class PostgresEventStore implements EventStore {
  private readonly hub: SubscriptionHub;
  private listener: Client | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
    private readonly notifier: AppendNotifier,
  ) {
    this.hub = new SubscriptionHub(notifier);
  }

  static async connect(
    connectionString: string,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString, max: options.maxConnections ?? 10 });
    // An idle connection the server drops is discarded by the pool; the next query reconnects.
    pool.on('error', () => undefined);
    const store = new PostgresEventStore(
      pool,
      connectionString,
      new AppendNotifier(options.pollIntervalMs ?? 500),
    );
    try {
      const client = await pool.connect();
      try {
        await ensurePostgresSchema(client);
      } finally {
        client.release();
      }
      await store.listen();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(stream, events, expectedRevision);
    const client = await this.pool.connect();
    try {
      // One round trip opens the transaction and takes the append lock (see the class comment).
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
      const result = await this.appendLocked(client, stream, events, expectedRevision);
      await client.query('COMMIT');
      if (!result.duplicate) this.notifier.notify(result.position);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Runs under the append lock. Its reads are a statement of their own on purpose: under
   * READ COMMITTED a statement sees what committed before it started, so only a statement
   * issued after the lock was granted sees the previous holder's events.
   */
  private async appendLocked(
    client: PoolClient,
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = events.map((e) => e.id);
    const { rows } = await client.query<{
      found: { id: string; revision: number; position: number }[];
      head: { revision: number; hash: string } | null;
      last_position: number;
    }>(
      `SELECT
         (SELECT COALESCE(json_agg(json_build_object('id', id, 'revision', revision, 'position', position)), '[]'::json)
            FROM events WHERE id = ANY($1::text[])) AS found,
         (SELECT json_build_object('revision', revision, 'hash', hash)
            FROM events WHERE stream = $2 ORDER BY revision DESC LIMIT 1) AS head,
         (SELECT COALESCE(MAX(position), 0) FROM events) AS last_position`,
      [ids, stream],
    );
    const { found, head, last_position: lastPosition } = rows[0]!;
    if (found.length === events.length) {
      const last = found.find((row) => row.id === ids[ids.length - 1])!;
      return { revision: last.revision, position: Number(last.position), duplicate: true };
    }
    if (found.length > 0) {
      throw new IdempotencyMismatchError(
        `${found.length} of the ${events.length} event ids are already stored: a retry must resend the same events`,
      );
    }
    const actual = head ? head.revision : 'no_stream';
    const matches =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' ? !head : actual === expectedRevision);
    if (!matches) throw new WrongExpectedRevisionError(stream, expectedRevision, actual);

    let position = Number(lastPosition);
    let revision = head ? head.revision : -1;
    let previousHash = head?.hash ?? GENESIS_HASH;
    const values: unknown[] = [CHANNEL];
    const tuples: string[] = [];
    for (const event of events) {
      position += 1;
      revision += 1;
      previousHash = chainHash(previousHash, event);
      const at = values.length;
      tuples.push(
        `($${at + 1}::bigint, $${at + 2}, $${at + 3}, $${at + 4}::integer, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8})`,
      );
      values.push(
        position,
        event.id,
        stream,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        previousHash,
      );
    }
    // The insert and the notification (delivered at commit) in one round trip.
    await client.query(
      `WITH inserted AS (
         INSERT INTO events (position, id, stream, revision, type, data, metadata, hash) VALUES ${tuples.join(', ')}
         RETURNING position
       )
       SELECT pg_notify($1, (SELECT MAX(position) FROM inserted)::text)`,
      values,
    );
    return { revision, position, duplicate: false };
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    assertValidStreamName(stream);
    const { rows } = await this.pool.query<EventRow>(
      'SELECT * FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision',
      [stream, fromRevision],
    );
    return rows.map(toStored);
  }

  async readAll(fromPosition = 1, limit = 1_000): Promise<StoredEvent[]> {
    const bounded = Math.max(1, Math.min(limit, MAX_READ));
    const { rows } = await this.pool.query<EventRow>(
      'SELECT * FROM events WHERE position >= $1 ORDER BY position LIMIT $2',
      [fromPosition, bounded],
    );
    return rows.map(toStored);
  }

  async readEventById(id: string): Promise<StoredEvent | undefined> {
    const { rows } = await this.pool.query<EventRow>('SELECT * FROM events WHERE id = $1', [id]);
    return rows[0] && toStored(rows[0]);
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string }>(
      'SELECT COALESCE(MAX(position), 0) AS head FROM events',
    );
    return Number(rows[0]!.head);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return this.hub.subscribe((from, limit) => this.readAll(from, limit), options);
  }

  verify(stream?: string): Promise<VerifyResult> {
    if (stream !== undefined) assertValidStreamName(stream);
    return verifyChain(async (last) => {
      const { rows } =
        stream === undefined
          ? await this.pool.query<EventRow>(
              'SELECT * FROM events WHERE position >= $1 ORDER BY position LIMIT $2',
              [last ? last.position + 1 : 1, VERIFY_BATCH],
            )
          : await this.pool.query<EventRow>(
              'SELECT * FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3',
              [stream, last ? last.revision + 1 : 0, VERIFY_BATCH],
            );
      return rows.map((row) => ({ ...row, position: Number(row.position) }));
    });
  }

  async close(): Promise<void> {
    this.hub.closeAll();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** Appends by other processes arrive as NOTIFY; polling covers a dropped listener connection. */
  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.connectionString });
    listener.on('notification', (message) => this.notifier.notify(Number(message.payload ?? 0)));
    listener.on('error', () => {
      if (this.listener === listener) this.listener = undefined;
    });
    await listener.connect();
    await listener.query(`LISTEN ${CHANNEL}`);
    this.listener = listener;
  }
}
