import type { JsonObject, VerifyResult } from './event-store.port';
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

export interface VerifiableRow extends StoredLink {
  position: number;
}

/**
 * Verifies page after page (`nextPage` gets the last row checked, undefined at first; an
 * empty page ends the walk) and names the first event whose link does not hold.
 */
export async function verifyChain(
  nextPage: (last: VerifiableRow | undefined) => Promise<readonly VerifiableRow[]>,
): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  let checked = 0;
  let last: VerifiableRow | undefined;
  for (;;) {
    const rows = await nextPage(last);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const reason = verifier.check(row);
      if (reason) {
        return {
          ok: false,
          checked,
          firstMismatch: {
            stream: row.stream,
            revision: row.revision,
            position: row.position,
            reason,
          },
        };
      }
      checked += 1;
    }
    last = rows[rows.length - 1];
  }
}
