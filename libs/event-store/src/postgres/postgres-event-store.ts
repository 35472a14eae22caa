import { Client, escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';
import { openPool } from './open-pool';
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
  VerifyOptions,
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

interface StreamHead {
  revision: number;
  hash: string;
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
/** Stream heads this process remembers, to chain an append without reading its stream's head. */
const MAX_KNOWN_HEADS = 10_000;

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
  /** Each stream's head as planned: the stored head, moved on by the appends planned after it. */
  readonly heads: Map<string, StreamHead>;

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
  /**
   * The latest head this process has seen of recently used streams. A stored event never
   * changes, so "revision r of stream s has hash h" stays true; whether r is still the head is
   * checked by the append itself (see appendAssumed).
   */
  private readonly knownHeads = new Map<string, StreamHead>();

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
    const pool = openPool(connectionString, options.maxConnections ?? 10);
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
      let written = await this.appendAssumed(client, group);
      if (!written) {
        written = await this.appendLocked(client, group);
        await client.query('COMMIT');
      }
      outcomes = written.outcomes;
      for (const [stream, head] of written.heads) this.rememberHead(stream, head);
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
   * The usual case in one round trip, one implicit transaction: the group is planned in memory
   * against the heads this process assumes (no stream for 'no_stream', the remembered or
   * freshly read event at the expected revision, the remembered head for 'any'), and the
   * accord_append function (see postgres-schema.ts) writes it under the append lock only if,
   * there, every assumed head is still the stream's head and no event id is stored yet. Then
   * the hashes chained in memory are right, and every outcome is what appendLocked would have
   * planned. Undefined when an assumption failed: nothing was written.
   */
  private async appendAssumed(
    client: PoolClient,
    group: readonly QueuedAppend[],
  ): Promise<{ outcomes: AppendOutcome[]; heads: Map<string, StreamHead> } | undefined> {
    const assumed = await this.assumedHeads(client, group);
    const plan = new GroupPlan(
      [],
      [...assumed].flatMap(([stream, head]) => (head ? [{ stream, ...head }] : [])),
      0,
    );
    const outcomes = group.map((append): AppendOutcome => {
      try {
        return { result: plan.add(append) };
      } catch (error) {
        return { error: asError(error) };
      }
    });
    const c = plan.columns;
    const { rows } = await client.query<{ last: string | null }>({
      name: 'accord_append',
      text: 'SELECT accord_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS last',
      values: [
        [...assumed.keys()],
        [...assumed.values()].map((head) => head?.revision ?? -1),
        group.flatMap((append) => append.events.map((event) => event.id)),
        c.id,
        c.stream,
        c.revision,
        c.type,
        c.data,
        c.metadata,
        c.hash,
        CHANNEL,
      ],
    });
    const last = rows[0]?.last;
    if (last === null || last === undefined) return undefined;
    const offset = Number(last);
    for (const outcome of outcomes)
      if ('result' in outcome)
        outcome.result = { ...outcome.result, position: outcome.result.position + offset };
    return { outcomes, heads: plan.heads };
  }

  /**
   * The head each stream of the group is assumed to have, from its first append's expectation.
   * Only an expected revision this process has not seen, or 'any' on a stream it has not seen,
   * costs a read (one for the group; outside the transaction, as a stored event never changes).
   */
  private async assumedHeads(
    client: PoolClient,
    group: readonly QueuedAppend[],
  ): Promise<Map<string, StreamHead | undefined>> {
    const assumed = new Map<string, StreamHead | undefined>();
    const unknown: { stream: string; revision: number | null }[] = [];
    for (const { stream, expectedRevision } of group) {
      if (assumed.has(stream)) continue;
      const known = this.knownHeads.get(stream);
      if (expectedRevision === 'no_stream') assumed.set(stream, undefined);
      else if (expectedRevision === 'any' ? known : known?.revision === expectedRevision)
        assumed.set(stream, known);
      else {
        assumed.set(stream, undefined);
        unknown.push({ stream, revision: expectedRevision === 'any' ? null : expectedRevision });
      }
    }
    if (unknown.length > 0) {
      const { rows } = await client.query<{ stream: string; revision: number; hash: string }>(
        `SELECT w.stream, h.revision, h.hash
           FROM unnest($1::text[], $2::integer[]) AS w(stream, revision)
           CROSS JOIN LATERAL (SELECT revision, hash FROM events e
                                WHERE e.stream = w.stream AND (w.revision IS NULL OR e.revision = w.revision)
                                ORDER BY revision DESC LIMIT 1) h`,
        [unknown.map((u) => u.stream), unknown.map((u) => u.revision)],
      );
      for (const row of rows) assumed.set(row.stream, { revision: row.revision, hash: row.hash });
    }
    return assumed;
  }

  private rememberHead(stream: string, head: StreamHead): void {
    const known = this.knownHeads.get(stream);
    if (known && known.revision >= head.revision) return;
    this.knownHeads.delete(stream);
    this.knownHeads.set(stream, head);
    if (this.knownHeads.size > MAX_KNOWN_HEADS)
      this.knownHeads.delete(this.knownHeads.keys().next().value!);
  }

  /**
   * The general case, when appendAssumed's assumptions failed: one round trip opens the transaction, takes the append lock (see the class comment) and
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
  ): Promise<{ outcomes: AppendOutcome[]; heads: Map<string, StreamHead> }> {
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
    return { outcomes, heads: plan.heads };
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    assertValidStreamName(stream);
    const { rows } = await this.pool.query<EventRow>(
      'SELECT * FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision',
      [stream, fromRevision],
    );
    const head = rows[rows.length - 1];
    if (head) this.rememberHead(stream, { revision: head.revision, hash: head.hash });
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

  verify(stream?: string, options: VerifyOptions = {}): Promise<VerifyResult> {
    if (stream !== undefined) assertValidStreamName(stream);
    const size = options.pageSize ?? VERIFY_BATCH;
    return verifyChain(async (last) => {
      const { rows } =
        stream === undefined
          ? await this.pool.query<EventRow>(
              'SELECT * FROM events WHERE position >= $1 ORDER BY position LIMIT $2',
              [last ? last.position + 1 : (options.fromPosition ?? 1), size],
            )
          : await this.pool.query<EventRow>(
              'SELECT * FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3',
              [stream, last ? last.revision + 1 : 0, size],
            );
      return rows.map((row) => ({ ...row, position: Number(row.position) }));
    }, options);
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
