import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id (version 5 layout, SHA-256 based) from a command id and the event's index
 * in that command: a retried command produces the same event ids, so the store can see it.
 */
export function deterministicEventId(commandId: string, index: number): string {
  const bytes = createHash('sha256').update(`${commandId}/${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
