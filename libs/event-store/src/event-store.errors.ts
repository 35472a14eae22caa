import type { ExpectedRevision } from './event-store.port';

export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream is not at the expected revision. `actual` is its real revision, or 'no_stream'. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream} is at revision ${String(actual)}, expected ${String(expected)}`);
  }
}

export class InvalidStreamNameError extends EventStoreError {
  readonly code = 'STORE.INVALID_STREAM_NAME';
  constructor(readonly stream: string) {
    super(`invalid stream name "${stream}": expected <category>-<id>, e.g. initiative-4f1c…`);
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'STORE.INVALID_APPEND';
}

/** Some, but not all, of an append's event ids are already stored: the retry does not match the first attempt. */
export class IdempotencyMismatchError extends EventStoreError {
  readonly code = 'STORE.IDEMPOTENCY_MISMATCH';
}
