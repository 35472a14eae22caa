import {
  ChainVerifier,
  type EventStore,
  type StoredEvent,
  type VerifyResult,
} from '@accord/event-store';
import {
  eventLeafHash,
  openCheckpoint,
  TransparencyError,
  TreeBuilder,
} from '@accord/transparency';
import type { LogKey } from './log-key';
import { treeOfFirstEvent } from './log-trees';
import type { StoredCheckpoint, TreeStore } from './tree-store';

export interface TreeVerification {
  /** Events read from the log. */
  events: number;
  trees: number;
  /** Stored checkpoints whose signature and root were checked. */
  checkpoints: number;
  /** What does not hold, one sentence each, in the order found; empty when all is well. */
  problems: string[];
}

const READ_BATCH = 5_000;

/**
 * Rebuilds every tree from the log alone (each stream to the tree its first event names, in
 * position order) and checks each stored checkpoint against it: the log's signature, its
 * origin and size, and the root the rebuilt tree had at that size. It also checks that each
 * stream is still in the tree the ledger recorded for it. Reads the log once, from the start,
 * whatever was verified before; keeps one frontier per tree in memory.
 */
export function verifyTrees(
  store: EventStore,
  trees: TreeStore,
  key: LogKey,
  origin: (tree: string) => string,
): Promise<TreeVerification> {
  return walkTrees(store, trees, key, origin, () => undefined);
}

export interface LedgerVerification {
  /** What store.verify() of the whole log answers. */
  chains: VerifyResult;
  trees: TreeVerification;
}

/**
 * `accord verify` in one read of the log: each event read for the trees also extends its
 * stream's hash chain, so the log is read and parsed once instead of once per check. The
 * chains are judged as store.verify() judges them (the first event that breaks one is named
 * and the chains are not followed further); the trees are rebuilt to the end whatever the
 * chains found. A row the store cannot hand over as an event fails the read, as it fails
 * verifyTrees.
 */
export async function verifyLedger(
  store: EventStore,
  trees: TreeStore,
  key: LogKey,
  origin: (tree: string) => string,
): Promise<LedgerVerification> {
  const chainVerifier = new ChainVerifier();
  let chains: VerifyResult | undefined;
  let checked = 0;
  const treeResult = await walkTrees(store, trees, key, origin, (event) => {
    if (chains) return;
    const reason = chainVerifier.checkStored(event);
    if (reason === undefined) {
      checked += 1;
      return;
    }
    const { stream, revision, position } = event;
    chains = { ok: false, checked, firstMismatch: { stream, revision, position, reason } };
  });
  return { chains: chains ?? { ok: true, checked }, trees: treeResult };
}

async function walkTrees(
  store: EventStore,
  trees: TreeStore,
  key: LogKey,
  origin: (tree: string) => string,
  onEvent: (event: StoredEvent) => void,
): Promise<TreeVerification> {
  const problems: string[] = [];
  const pending = new Map<string, StoredCheckpoint[]>();
  let checkpoints = 0;
  for (const checkpoint of await trees.allCheckpoints()) {
    checkpoints += 1;
    const where = `${origin(checkpoint.tree)} at size ${checkpoint.size}`;
    try {
      const opened = openCheckpoint(checkpoint.note, {
        origin: origin(checkpoint.tree),
        logKeys: [key.verifier(origin(checkpoint.tree))],
      });
      if (opened.checkpoint.size !== checkpoint.size)
        problems.push(`the checkpoint ${where} signs size ${opened.checkpoint.size}`);
      else if (!Buffer.from(opened.checkpoint.root).equals(checkpoint.root))
        problems.push(`the checkpoint ${where} signs another root than the one stored with it`);
    } catch (error) {
      if (!(error instanceof TransparencyError)) throw error;
      problems.push(`the checkpoint ${where} does not verify: ${error.message}`);
    }
    const list = pending.get(checkpoint.tree) ?? [];
    list.push(checkpoint);
    pending.set(checkpoint.tree, list);
  }
  for (const list of pending.values()) list.sort((a, b) => b.size - a.size);

  const recorded = await trees.allStreams();
  const builders = new Map<string, TreeBuilder>();
  const streams = new Map<string, string>();
  let events = 0;
  for (let from = 1; ;) {
    const batch = await store.readAll(from, READ_BATCH);
    if (batch.length === 0) break;
    for (const event of batch) {
      events += 1;
      onEvent(event);
      let tree = streams.get(event.stream);
      if (tree === undefined) {
        tree = treeOfFirstEvent(event);
        streams.set(event.stream, tree);
        const stored = recorded.get(event.stream);
        if (stored !== undefined && stored !== tree) {
          problems.push(
            `${event.stream} begins at position ${event.position} with an event of ${origin(tree)}, but the ledger recorded it in ${origin(stored)}`,
          );
        }
      }
      let builder = builders.get(tree);
      if (!builder) builders.set(tree, (builder = TreeBuilder.empty()));
      builder.append(eventLeafHash(event));
      const due = pending.get(tree);
      const next = due?.at(-1);
      if (next?.size === builder.size) {
        due!.pop();
        if (!builder.root().equals(next.root)) {
          problems.push(
            `the log's first ${next.size} events of ${origin(tree)} (up to position ${event.position}) hash to another root than its signed checkpoint: an event was altered, moved, removed or replaced`,
          );
        }
      }
    }
    from = batch.at(-1)!.position + 1;
  }
  for (const [tree, due] of pending) {
    if (due.length === 0) continue;
    const size = builders.get(tree)?.size ?? 0;
    problems.push(
      `the log holds ${size} events of ${origin(tree)}, but the ledger signed a checkpoint of ${due[0]!.size}: events were removed`,
    );
  }
  return { events, trees: builders.size, checkpoints, problems };
}
