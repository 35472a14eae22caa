import { createHash } from 'node:crypto';
import stringify from 'json-stable-stringify';
import type { JsonObject } from './event-store.port';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '';

/** JSON with object keys sorted (UTF-16 order), no white space: the same bytes on every machine. */
export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** SHA-256 hex of the previous hash in the stream and the canonical JSON of the event's content. */
export function chainHash(
  previousHash: string,
  event: { type: string; data: JsonObject; metadata: JsonObject },
): string {
  return createHash('sha256')
    .update(previousHash)
    .update(canonicalJson({ type: event.type, data: event.data, metadata: event.metadata }))
    .digest('hex');
}
