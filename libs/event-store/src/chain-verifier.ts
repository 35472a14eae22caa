import type {
  ChainHead,
  JsonObject,
  StoredEvent,
  VerifyOptions,
  VerifyResult,
} from './event-store.port';
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

  /** Continues a stream's chain from a link an earlier walk verified. */
  continueFrom(head: ChainHead): void {
    this.heads.set(head.stream, { revision: head.revision, hash: head.hash });
  }

  headOf(stream: string): ChainHead | undefined {
    const head = this.heads.get(stream);
    return head && { stream, ...head };
  }

  /** Undefined when the event extends its stream's chain; otherwise why it does not. */
  check(link: StoredLink): string | undefined {
    const wrongRevision = this.revisionProblem(link);
    if (wrongRevision) return wrongRevision;
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
    return this.extend(link, content);
  }

  /** As check, for an event whose data and metadata the store has already parsed (readAll). */
  checkStored(event: StoredEvent): string | undefined {
    return this.revisionProblem(event) ?? this.extend(event, event);
  }

  private revisionProblem(link: { stream: string; revision: number }): string | undefined {
    const previous = this.heads.get(link.stream);
    const expectedRevision = previous ? previous.revision + 1 : 0;
    if (link.revision !== expectedRevision)
      return `revision ${link.revision} where ${expectedRevision} was expected`;
    return undefined;
  }

  private extend(
    link: { stream: string; revision: number; hash: string },
    content: { type: string; data: JsonObject; metadata: JsonObject },
  ): string | undefined {
    const previous = this.heads.get(link.stream);
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
 * empty page ends the walk) and names the first event whose link does not hold. With
 * `headsOf`, a stream first met in a page continues from the head an earlier walk recorded.
 */
export async function verifyChain(
  nextPage: (last: VerifiableRow | undefined) => Promise<readonly VerifiableRow[]>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const { headsOf, onVerified, signal } = options;
  const verifier = new ChainVerifier();
  const met = new Set<string>();
  let checked = 0;
  let last: VerifiableRow | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const rows = await nextPage(last);
    if (rows.length === 0) return { ok: true, checked };
    const streams = [...new Set(rows.map((row) => row.stream))];
    if (headsOf) {
      const unmet = streams.filter((stream) => !met.has(stream));
      for (const head of await headsOf(unmet)) verifier.continueFrom(head);
    }
    for (const stream of streams) met.add(stream);
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
    last = rows[rows.length - 1]!;
    if (onVerified) {
      const heads = streams.map((stream) => verifier.headOf(stream)!);
      await onVerified({ position: last.position, heads });
    }
  }
}
