import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  type KurrentLog,
  LogConflictError,
  type LogEvent,
  type LogExpectation,
  type LogRecord,
  type LogStart,
} from './kurrentdb-log';

/** Thrown for a record without a commit position: servers before 22.6 do not send one on stream reads. */
export class UnsupportedServerError extends Error {
  constructor(stream: string) {
    super(
      `KurrentDB returned an event of ${stream} without its log position: Accord needs KurrentDB 22.6 or newer`,
    );
    this.name = 'UnsupportedServerError';
  }
}

/** The client's record (of a stream or of $all) as a LogRecord. */
export function toLogRecord(resolved: ResolvedEvent): LogRecord | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const commit = event.position?.commit ?? resolved.commitPosition;
  // No event sits at 0 (the log starts with the server's own records): 0 means "not sent".
  if (commit === undefined || commit <= 0n) throw new UnsupportedServerError(event.streamId);
  return {
    eventId: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    commit,
  };
}

/** The client's refusal of an append as the adapter's, with the stream's actual revision. */
export function toLogConflict(error: WrongExpectedVersionError, stream: string): LogConflictError {
  const actual = error.actualState;
  return new LogConflictError(stream, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
}

async function collect(events: AsyncIterable<ResolvedEvent>): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  for await (const resolved of events) {
    const record = toLogRecord(resolved);
    if (record) records.push(record);
  }
  return records;
}

const RESUBSCRIBE_AFTER_MS = 1_000;

/**
 * The KurrentLog on the official client. Every call asks for the leader: a follower may not
 * have an append yet, and a command reads what it just wrote.
 */
export class KurrentDbClientLog implements KurrentLog {
  private readonly watches = new Set<AllStreamSubscription>();
  private closed = false;

  constructor(private readonly client: KurrentDBClient) {}

  static fromConnectionString(connectionString: string): KurrentDbClientLog {
    return new KurrentDbClientLog(KurrentDBClient.connectionString(connectionString));
  }

  async append(
    stream: string,
    events: readonly LogEvent[],
    expected: LogExpectation,
  ): Promise<{ lastRevision: number }> {
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) => ({
          id: event.eventId,
          contentType: 'application/json' as const,
          type: event.type,
          data: event.data,
          metadata: event.metadata,
        })),
        { streamState: expected === 'no_stream' ? NO_STREAM : expected, requiresLeader: true },
      );
      return { lastRevision: Number(result.nextExpectedRevision) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw toLogConflict(error, stream);
      throw error;
    }
  }

  async readStream(
    stream: string,
    from: number | 'end',
    count: number,
    direction: 'forwards' | 'backwards',
  ): Promise<LogRecord[]> {
    try {
      return await collect(
        this.client.readStream(stream, {
          fromRevision: from === 'end' ? END : BigInt(from),
          maxCount: count,
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          requiresLeader: true,
        }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  readAll(
    from: LogStart,
    count: number,
    direction: 'forwards' | 'backwards',
  ): Promise<LogRecord[]> {
    return collect(
      this.client.readAll({
        fromPosition:
          from === 'start' ? START : from === 'end' ? END : { commit: from, prepare: from },
        maxCount: count,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        requiresLeader: true,
      }),
    );
  }

  /** A live subscription to $all from its end; dropped ones are renewed until close(). */
  watch(committed: (record: LogRecord) => void): () => void {
    let current: AllStreamSubscription | undefined;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const start = () => {
      if (stopped || this.closed) return;
      const subscription = this.client.subscribeToAll({ fromPosition: END });
      current = subscription;
      this.watches.add(subscription);
      subscription.on('data', (resolved: ResolvedEvent) => {
        try {
          const record = toLogRecord(resolved);
          if (record) committed(record);
        } catch {
          // A record without a position wakes nobody; polling still finds what follows.
        }
      });
      const renew = () => {
        this.watches.delete(subscription);
        if (current !== subscription || stopped) return;
        current = undefined;
        timer = setTimeout(start, RESUBSCRIBE_AFTER_MS);
      };
      subscription.on('error', renew);
      subscription.on('end', renew);
    };
    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      if (current) {
        this.watches.delete(current);
        void current.unsubscribe().catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.watches].map((s) => s.unsubscribe().catch(() => undefined)));
    this.watches.clear();
    await this.client.dispose();
  }
}
