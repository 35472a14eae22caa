import { canonicalJson } from '@accord/event-store';
import { createHash } from 'node:crypto';

/** The envelope's fields: they say how and when a command is sent, not what it asks. */
const ENVELOPE_FIELDS = new Set(['commandId', 'occurredAt', 'expectedRevision']);

/** Absent and null read the same, as they do to the resolvers: `{ phone: null }` is `{}`. */
function withoutAbsent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAbsent);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutAbsent(field)]),
  );
}

/** SHA-256 hex of a mutation's input in canonical form (sorted keys), envelope fields left out. */
export function payloadHash(input: object): string {
  const payload = Object.fromEntries(
    Object.entries(input).filter(([key]) => !ENVELOPE_FIELDS.has(key)),
  );
  return createHash('sha256')
    .update(canonicalJson(withoutAbsent(payload)))
    .digest('hex');
}
