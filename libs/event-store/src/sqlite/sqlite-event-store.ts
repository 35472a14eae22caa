import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

export interface SqliteEventStoreOptions {
  /** How often a waiting subscription looks for appends made by other processes on the same file. */
  pollIntervalMs?: number;
}

interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

const MAX_READ = 10_000;
const VERIFY_BATCH = 5_000;

/**
 * Durability: WAL with synchronous = FULL syncs the WAL on every commit, so an acknowledged
 * append survives a process kill and a power loss. NORMAL would survive a process kill but may
 * lose the last commits on power loss; a ledger of promises should not.
 * busy_timeout lets several processes share the file: a writer waits for the lock instead of failing.
 */
export function configureDatabase(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
}

/** The log: position is the commit order (SQLite has one writer); triggers make every row immutable. */
export function ensureEventStoreSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      stream TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (stream, revision)
    );
    CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correcting event instead'); END;
    CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correcting event instead'); END;
  `);
}

const toStored = (row: EventRow): StoredEvent => ({
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  position: row.position,
  type: row.type,
  data: JSON.parse(row.data) as JsonObject,
  metadata: JSON.parse(row.metadata) as JsonObject,
  hash: row.hash,
});

function checkExpectation(
  stream: string,
  expected: ExpectedRevision,
  actual: number | 'no_stream',
): void {
  const matches =
    expected === 'any' || (expected === 'no_stream' ? actual === 'no_stream' : actual === expected);
  if (!matches) throw new WrongExpectedRevisionError(stream, expected, actual);
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly ownsDatabase: boolean;
  private readonly hub: SubscriptionHub;
  private readonly notifier: AppendNotifier;
  private readonly statements;
  /**
   * One append: inside a group's transaction a savepoint, so a failure undoes only its own
   * rows; called with .immediate() outside of one, a transaction of its own.
   */
  private readonly appendOne: Database.Transaction<SqliteEventStore['appendEvents']>;
  private readonly commitGroup: Database.Transaction<SqliteEventStore['appendGroup']>;
  private queued: QueuedAppend[] = [];
  private flushScheduled: NodeJS.Immediate | undefined;

  /** `database`: a file name (opened and closed by the store) or a connection shared with read models. */
  constructor(database: string | Database.Database, options: SqliteEventStoreOptions = {}) {
    if (typeof database === 'string') {
      mkdirSync(dirname(database), { recursive: true });
      this.db = new Database(database);
      this.ownsDatabase = true;
    } else {
      this.db = database;
      this.ownsDatabase = false;
    }
    this.notifier = new AppendNotifier(options.pollIntervalMs ?? 200);
    this.hub = new SubscriptionHub(this.notifier);
    configureDatabase(this.db);
    ensureEventStoreSchema(this.db);
    this.statements = {
      insert: this.db.prepare<[string, string, number, string, string, string, string]>(
        'INSERT INTO events (id, stream, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      streamHead: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      byId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
      readStream: this.db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?',
      ),
      readStreamPage: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      head: this.db.prepare<[], { head: number | null }>(
        'SELECT MAX(position) AS head FROM events',
      ),
    };
    this.appendOne = this.db.transaction(this.appendEvents.bind(this));
    this.commitGroup = this.db.transaction(this.appendGroup.bind(this));
  }

  /**
   * Group commit: the append waits for the end of this turn of the event loop, and every
   * append queued by then is written in one IMMEDIATE transaction, so one WAL sync (see
   * configureDatabase) makes them all durable. Each caller is answered after that commit.
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
      this.flushScheduled ??= setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    const group = this.queued;
    this.queued = [];
    if (group.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      // Alone, an append needs no savepoint: its failure rolls back its own transaction.
      const only = group.length === 1 ? group[0]! : undefined;
      outcomes = only
        ? [{ result: this.appendOne.immediate(only.stream, only.events, only.expectedRevision) }]
        : this.commitGroup.immediate(group);
    } catch (error) {
      // The transaction failed (a lone append refused, the lock, the disk): none of it was stored.
      for (const append of group) append.reject(asError(error));
      return;
    }
    // Positions grow in arrival order: the last write of the group holds the highest.
    const written = outcomes.filter((o) => 'result' in o && !o.result.duplicate);
    const last = written[written.length - 1];
    if (last && 'result' in last) this.notifier.notify(last.result.position);
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome) group[i]!.resolve(outcome.result);
      else group[i]!.reject(outcome.error);
    });
  }

  /** Runs inside the group's transaction, in arrival order: each append sees the ones before it. */
  private appendGroup(group: readonly QueuedAppend[]): AppendOutcome[] {
    return group.map(({ stream, events, expectedRevision }) => {
      try {
        return { result: this.appendOne(stream, events, expectedRevision) };
      } catch (error) {
        // SQLite ends the whole transaction on some errors (I/O, full disk): then nothing of
        // the group can commit, so the group fails as one.
        if (!this.db.inTransaction) throw error;
        return { error: asError(error) };
      }
    });
  }

  private appendEvents(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): AppendResult {
    const earlier = this.earlierAppend(events);
    if (earlier) return earlier;

    const head = this.statements.streamHead.get(stream);
    checkExpectation(stream, expectedRevision, head ? head.revision : 'no_stream');
    let previousHash = head?.hash ?? GENESIS_HASH;
    let revision = head ? head.revision : -1;
    let position = 0;
    for (const event of events) {
      revision += 1;
      previousHash = chainHash(previousHash, event);
      const info = this.statements.insert.run(
        event.id,
        stream,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        previousHash,
      );
      position = Number(info.lastInsertRowid);
    }
    return { revision, position, duplicate: false };
  }

  /** All ids stored: the first result, nothing written. Some stored: the retry is not the same append. */
  private earlierAppend(events: readonly NewEvent[]): AppendResult | undefined {
    const stored = events.map((event) => this.statements.byId.get(event.id));
    const found = stored.filter((row): row is EventRow => row !== undefined);
    if (found.length === 0) return undefined;
    if (found.length < events.length) {
      throw new IdempotencyMismatchError(
        `${found.length} of the ${events.length} event ids are already stored: a retry must resend the same events`,
      );
    }
    const last = found[found.length - 1]!;
    return { revision: last.revision, position: last.position, duplicate: true };
  }

  readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    assertValidStreamName(stream);
    return Promise.resolve(this.statements.readStream.all(stream, fromRevision).map(toStored));
  }

  readAll(fromPosition = 1, limit = 1_000): Promise<StoredEvent[]> {
    const bounded = Math.max(1, Math.min(limit, MAX_READ));
    return Promise.resolve(this.statements.readAll.all(fromPosition, bounded).map(toStored));
  }

  readEventById(id: string): Promise<StoredEvent | undefined> {
    const row = this.statements.byId.get(id);
    return Promise.resolve(row && toStored(row));
  }

  headPosition(): Promise<number> {
    return Promise.resolve(this.statements.head.get()?.head ?? 0);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return this.hub.subscribe((from, limit) => this.readAll(from, limit), options);
  }

  verify(stream?: string, options: VerifyOptions = {}): Promise<VerifyResult> {
    if (stream !== undefined) assertValidStreamName(stream);
    const size = options.pageSize ?? VERIFY_BATCH;
    return verifyChain(async (last) => {
      // Pages, with a turn of the event loop between them: a long log never blocks the server.
      if (last) await new Promise((resolve) => setImmediate(resolve));
      return stream === undefined
        ? this.statements.readAll.all(last ? last.position + 1 : (options.fromPosition ?? 1), size)
        : this.statements.readStreamPage.all(stream, last ? last.revision + 1 : 0, size);
    }, options);
  }

  /** Appends already accepted are committed (and answered) before the connection closes. */
  close(): Promise<void> {
    this.flush();
    this.hub.closeAll();
    if (this.ownsDatabase && this.db.open) this.db.close();
    return Promise.resolve();
  }
}
