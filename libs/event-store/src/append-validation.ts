import { InvalidAppendError, InvalidStreamNameError } from './event-store.errors';
import type { ExpectedRevision, NewEvent } from './event-store.port';

const STREAM_NAME = /^[a-z][a-zA-Z0-9]*-[A-Za-z0-9_.:-]{1,200}$/;
const MAX_TYPE_LENGTH = 200;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** Array.isArray without its type guard, which would widen a readonly NewEvent[] to any[]. */
const isList = (value: unknown): boolean => Array.isArray(value);

export function assertValidStreamName(stream: string): void {
  if (typeof stream !== 'string' || !STREAM_NAME.test(stream))
    throw new InvalidStreamNameError(String(stream));
}

/** The checks every adapter makes before it touches storage, so all reject the same appends the same way. */
export function assertValidAppend(
  stream: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): void {
  assertValidStreamName(stream);
  if (!(
    expectedRevision === 'no_stream' ||
    expectedRevision === 'any' ||
    (Number.isSafeInteger(expectedRevision) && expectedRevision >= 0)
  )) {
    throw new InvalidAppendError(
      `expectedRevision must be a revision (0 or more), "no_stream" or "any", got ${String(expectedRevision)}`,
    );
  }
  if (!isList(events) || events.length === 0)
    throw new InvalidAppendError('an append needs at least one event');
  const ids = new Set<string>();
  events.forEach((event, index) => {
    if (typeof event.id !== 'string' || event.id.length === 0)
      throw new InvalidAppendError(`events[${index}].id must be a non-empty string`);
    if (ids.has(event.id))
      throw new InvalidAppendError(`events[${index}].id ${event.id} appears twice in one append`);
    ids.add(event.id);
    if (
      typeof event.type !== 'string' ||
      event.type.length === 0 ||
      event.type.length > MAX_TYPE_LENGTH
    ) {
      throw new InvalidAppendError(
        `events[${index}].type must be 1 to ${MAX_TYPE_LENGTH} characters`,
      );
    }
    if (!isPlainObject(event.data))
      throw new InvalidAppendError(`events[${index}].data must be a JSON object`);
    if (!isPlainObject(event.metadata))
      throw new InvalidAppendError(`events[${index}].metadata must be a JSON object`);
  });
}
