import { Client, escapeLiteral, Pool, type PoolClient, type QueryResult } from 'pg';
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
import { type AppendOutcome, asError, type QueuedAppend } from '../queued-append';
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

/** Appends per transaction at most: bounds one statement's size and the first caller's wait. */
const MAX_GROUP = 1_000;

/**
 * The rows one transaction inserts, planned append by append: each is checked (idempotency,
 * expected revision) against the stored log plus the appends planned before it, and numbered
 * and chained after them. An append that fails a check adds nothing.
 */
class GroupPlan {
  readonly columns = {
    position: [] as number[],
    id: [] as string[],
    stream: [] as string[],
    revision: [] as number[],
    type: [] as string[],
    data: [] as string[],
    metadata: [] as string[],
    hash: [] as string[],
  };
  private readonly ids: Map<string, { revision: number; position: number }>;
  private readonly heads: Map<string, { revision: number; hash: string }>;

  constructor(
    found: readonly { id: string; revision: number; position: number }[],
    heads: readonly { stream: string; revision: number; hash: string }[],
    private position: number,
  ) {
    this.ids = new Map(found.map((row) => [row.id, row]));
    this.heads = new Map(heads.map((head) => [head.stream, head]));
  }

  add({ stream, events, expectedRevision }: QueuedAppend): AppendResult {
    const known = events.filter((event) => this.ids.has(event.id)).length;
    if (known === events.length) {
      const last = this.ids.get(events[events.length - 1]!.id)!;
      return { revision: last.revision, position: Number(last.position), duplicate: true };
    }
    if (known > 0) {
      throw new IdempotencyMismatchError(
        `${known} of the ${events.length} event ids are already stored: a retry must resend the same events`,
      );
    }
    const head = this.heads.get(stream);
    const actual = head ? head.revision : 'no_stream';
    const matches =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' ? !head : actual === expectedRevision);
    if (!matches) throw new WrongExpectedRevisionError(stream, expectedRevision, actual);

    let revision = head ? head.revision : -1;
    let previousHash = head?.hash ?? GENESIS_HASH;
    for (const event of events) {
      this.position += 1;
      revision += 1;
      previousHash = chainHash(previousHash, event);
      const c = this.columns;
      c.position.push(this.position);
      c.id.push(event.id);
      c.stream.push(stream);
      c.revision.push(revision);
      c.type.push(event.type);
      c.data.push(JSON.stringify(event.data));
      c.metadata.push(JSON.stringify(event.metadata));
      c.hash.push(previousHash);
      this.ids.set(event.id, { revision, position: this.position });
    }
    this.heads.set(stream, { revision, hash: previousHash });
    return { revision, position: this.position, duplicate: false };
  }
}

/**
 * The event store on PostgreSQL, for several API processes on one database.
 *
 * Global order: a plain sequence hands out positions at insert time, but transactions commit
 * in another order, so a reader could see position 11 before 10 commits and skip 10 for good.
 * Here every append transaction takes one advisory lock before it reads the heads and
 * numbers its events, and holds it until commit: positions are handed out in commit order,
 * and a reader never sees a gap that fills later. The price is that appends are serialised
 * across processes; group commit (see append) lets one transaction carry many of them.
 */
export class PostgresEventStore implements EventStore {
  private readonly hub: SubscriptionHub;
  private listener: Client | undefined;
  private queued: QueuedAppend[] = [];
  /** The loop writing queued appends, while there are any. */
  private writing: Promise<void> | undefined;

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

  /**
   * Group commit: while one transaction is in flight, appends queue up; the next transaction
   * takes every queued append once it holds the append lock and writes them together, so one
   * commit (one WAL flush) makes them all durable. Each caller is answered after that commit.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      assertValidAppend(stream, events, expectedRevision);
    } catch (error) {
      return Promise.reject(asError(error));
    }
    return new Promise((resolve, reject) => {
      this.queued.push({ stream, events, expectedRevision, resolve, reject });
      this.writing ??= this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    while (this.queued.length > 0) await this.commit(() => this.queued.splice(0, MAX_GROUP));
    // No await between the last look at the queue and this line: a later append starts anew.
    this.writing = undefined;
  }

  /** One transaction for the group `take` returns. Never throws: each append is answered. */
  private async commit(take: () => QueuedAppend[]): Promise<void> {
    let group: QueuedAppend[] | undefined;
    let outcomes: AppendOutcome[] | undefined;
    let failure: Error | undefined;
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      group = take();
      outcomes = await this.appendLocked(client, group);
      await client.query('COMMIT');
    } catch (error) {
      failure = asError(error);
      await client?.query('ROLLBACK').catch(() => undefined);
    } finally {
      client?.release();
    }
    group ??= take();
    if (failure || !outcomes) {
      // A row the database refused fails its whole transaction: alone, each append meets only
      // its own fate. A retry of a commit that did land is answered as a duplicate.
      if (group.length > 1) for (const append of group) await this.commit(() => [append]);
      else for (const append of group) append.reject(failure ?? new Error('append failed'));
      return;
    }
    const written = outcomes.filter((o) => 'result' in o && !o.result.duplicate);
    const last = written[written.length - 1];
    if (last && 'result' in last) this.notifier.notify(last.result.position);
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome) group[i]!.resolve(outcome.result);
      else group[i]!.reject(outcome.error);
    });
  }

  /**
   * One round trip opens the transaction, takes the append lock (see the class comment) and
   * reads what the group needs. The read is a statement of its own on purpose: under READ
   * COMMITTED a statement sees what committed before it started, so only a statement issued
   * after the lock was granted sees the previous holder's events. A multi-statement query
   * takes no parameters, hence the escaped literals. The group's appends are then checked in
   * arrival order against what is stored plus the appends before them, in memory: a refused
   * append has written nothing, so it needs no savepoint.
   */
  private async appendLocked(
    client: PoolClient,
    group: readonly QueuedAppend[],
  ): Promise<AppendOutcome[]> {
    const ids = group.flatMap((append) => append.events.map((e) => escapeLiteral(e.id)));
    const streams = [...new Set(group.map((append) => escapeLiteral(append.stream)))];
    const results = (await client.query(
      `BEGIN;
       SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY});
       SELECT
         (SELECT COALESCE(json_agg(json_build_object('id', id, 'revision', revision, 'position', position)), '[]'::json)
            FROM events WHERE id IN (${ids.join(', ')})) AS found,
         (SELECT COALESCE(json_agg(json_build_object('stream', s.stream, 'revision', h.revision, 'hash', h.hash)), '[]'::json)
            FROM unnest(ARRAY[${streams.join(', ')}]::text[]) AS s(stream)
            CROSS JOIN LATERAL (SELECT revision, hash FROM events e
                                 WHERE e.stream = s.stream ORDER BY revision DESC LIMIT 1) h) AS heads,
         (SELECT COALESCE(MAX(position), 0) FROM events) AS last_position`,
    )) as unknown as QueryResult<{
      found: { id: string; revision: number; position: number }[];
      heads: { stream: string; revision: number; hash: string }[];
      last_position: string;
    }>[];
    const rows = results[2]!.rows;
    const { found, heads, last_position: lastPosition } = rows[0]!;
    const plan = new GroupPlan(found, heads, Number(lastPosition));
    const outcomes = group.map((append): AppendOutcome => {
      try {
        return { result: plan.add(append) };
      } catch (error) {
        return { error: asError(error) };
      }
    });
    if (plan.columns.position.length > 0) {
      const c = plan.columns;
      // Column arrays and unnest: one statement of fixed shape for any number of rows. The
      // insert and the notification (delivered at commit) in one round trip.
      await client.query(
        `WITH inserted AS (
           INSERT INTO events (position, id, stream, revision, type, data, metadata, hash)
           SELECT * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[], $8::text[], $9::text[])
           RETURNING position
         )
         SELECT pg_notify($1, (SELECT MAX(position) FROM inserted)::text)`,
        [CHANNEL, c.position, c.id, c.stream, c.revision, c.type, c.data, c.metadata, c.hash],
      );
    }
    return outcomes;
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

  /** Appends already accepted are committed (and answered) before the pool closes. */
  async close(): Promise<void> {
    await this.writing;
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
