import type { JsonObject } from './event-store.port';
import { chainHash, GENESIS_HASH } from './hash-chain';

/** One stored event as read back from storage, before its JSON is trusted. */
export interface StoredLink {
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

/**
 * Walks stored events in log (or stream) order and recomputes each stream's chain.
 * Shared by every adapter, so they all judge a ledger the same way.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, { revision: number; hash: string }>();

  /** Undefined when the event extends its stream's chain; otherwise why it does not. */
  check(link: StoredLink): string | undefined {
    const previous = this.heads.get(link.stream);
    const expectedRevision = previous ? previous.revision + 1 : 0;
    if (link.revision !== expectedRevision)
      return `revision ${link.revision} where ${expectedRevision} was expected`;
    let content: { type: string; data: JsonObject; metadata: JsonObject };
    try {
      content = {
        type: link.type,
        data: JSON.parse(link.data) as JsonObject,
        metadata: JSON.parse(link.metadata) as JsonObject,
      };
    } catch {
      return 'stored data or metadata is not valid JSON';
    }
    const hash = chainHash(previous?.hash ?? GENESIS_HASH, content);
    if (hash !== link.hash) return `hash mismatch: stored ${link.hash}, recomputed ${hash}`;
    this.heads.set(link.stream, { revision: link.revision, hash: link.hash });
    return undefined;
  }
}
