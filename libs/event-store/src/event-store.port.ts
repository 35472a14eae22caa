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

/** A stream's last verified link: where its chain continues from. */
export interface ChainHead {
  stream: string;
  revision: number;
  hash: string;
}

/** How far a walk of the whole log got: every event up to `position` extends its chain. */
export interface VerifiedPage {
  position: number;
  /** The heads of the streams this page moved, as the page left them. */
  heads: readonly ChainHead[];
}

export interface VerifyOptions {
  /** Whole log only: check the events from this position on (inclusive). Default 1. */
  fromPosition?: number;
  /**
   * Whole log from a later position: the last verified link of those of `streams` that have
   * one, recorded by an earlier walk. A stream without one must start at revision 0.
   */
  headsOf?: (streams: readonly string[]) => Promise<readonly ChainHead[]>;
  /** Called after each page whose events all verified, before the next page is read. */
  onVerified?: (page: VerifiedPage) => Promise<void>;
  /** Looked at between pages: once aborted, the walk stops and verify rejects with its reason. */
  signal?: AbortSignal;
  /** Events read per page (the adapter's default when absent). */
  pageSize?: number;
}

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
  verify(stream?: string, options?: VerifyOptions): Promise<VerifyResult>;
  close(): Promise<void>;
}
