/**
 * The one port every event store adapter implements (SQLite, PostgreSQL, KurrentDB).
 * Everything above the store (handlers, projections, verification) depends only on this.
 *
 * Numbering:
 * - a stream's revision is the 0-based index of an event in its stream;
 * - a global position is a positive integer, strictly increasing in commit order
 *   (not necessarily contiguous for every adapter; readers never assume +1 steps).
 */

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** 'no_stream': the stream must not exist yet. 'any': no check. A number: the revision of the stream's last event. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface NewEvent {
  /** Deterministic id (see deterministicEventId): the key of idempotent appends. */
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface StoredEvent extends NewEvent {
  stream: string;
  revision: number;
  position: number;
  /** SHA-256 hex of (previous hash in the stream + canonical JSON of type, data and metadata). */
  hash: string;
}

export interface AppendResult {
  /** Revision of the last event of the append (the stream's new revision). */
  revision: number;
  /** Global position of the last event of the append. */
  position: number;
  /** True when every event was already stored: nothing was written and the first result is returned. */
  duplicate: boolean;
}

export type VerifyResult =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      /** The first stored event whose hash does not match. */
      firstMismatch: { stream: string; revision: number; position: number; reason: string };
    };

export interface SubscribeOptions {
  /** Deliver events whose position is >= fromPosition. Default 1 (from the start). */
  fromPosition?: number;
  /** Largest batch to deliver at once. */
  batchSize?: number;
}

/**
 * A catch-up subscription: first every stored event from `fromPosition`, then each new
 * event as it commits; every event exactly once, in global order, as non-empty batches.
 */
export interface Subscription extends AsyncIterable<readonly StoredEvent[]> {
  close(): void;
}

export interface EventStore {
  append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  /** Events of one stream from `fromRevision` (inclusive), in revision order. Unknown stream: []. */
  readStream(stream: string, fromRevision?: number): Promise<StoredEvent[]>;
  /** Events of the whole log from `fromPosition` (inclusive), in commit order, at most `limit`. */
  readAll(fromPosition?: number, limit?: number): Promise<StoredEvent[]>;
  /** The stored event with this id, if any (used to answer a retried command with its first result). */
  readEventById(id: string): Promise<StoredEvent | undefined>;
  /** Position of the last committed event, 0 when the log is empty. */
  headPosition(): Promise<number>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Recompute the hash chain of one stream, or of every stream when none is given. */
  verify(stream?: string): Promise<VerifyResult>;
  close(): Promise<void>;
}
