import {
  eventLeafHash,
  frontierAddresses,
  nodeKey,
  openNote,
  rootAt,
  TreeBuilder,
  withStoredNodes,
} from '@accord/transparency';
import type { LogKey } from './log-key';
import type { TransparencyService } from './transparency.service';
import type { TreeMaintainer } from './tree-maintainer';
import type { StoredCheckpoint, TreeStore } from './tree-store';

/** The log no longer extends a checkpoint the ledger signed: it must not serve or append. */
export class LogRewrittenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogRewrittenError';
  }
}

const READ_BATCH = 5_000;

/**
 * For every tree's last signed checkpoint: its signature is the log's, the stored nodes still
 * give its root, and the log's own events still hash to it. A tree is read whole from the log
 * (its streams, in position order) the first time; after that, only the events since the
 * checkpoint the last start-up checked, from the stored frontier of that size, so a start reads
 * what was appended since the last one, not the whole ledger. Any event deleted, altered, moved
 * or truncated away since a start-up checked it fails the next one; an event older than that is
 * rechecked by `accord verify` (every event, every checkpoint) and by the partners' witnesses.
 */
export async function checkLogExtendsCheckpoints(
  maintainer: TreeMaintainer,
  service: TransparencyService,
  key: LogKey,
): Promise<number> {
  await maintainer.migrate();
  const trees = maintainer.trees;
  const checkpoints = await trees.lastCheckpoints();
  const checked = await trees.startupChecked();
  const tails: Tail[] = [];
  for (const checkpoint of checkpoints) {
    const refuse = refusal(maintainer.origin(checkpoint.tree), checkpoint);
    try {
      openNote(checkpoint.note, [key.verifier(maintainer.origin(checkpoint.tree))]);
    } catch (error) {
      throw refuse(
        `the stored checkpoint does not carry the log's signature (${(error as Error).message})`,
      );
    }
    let stored: Buffer;
    try {
      stored = Buffer.from(
        await withStoredNodes(
          (node) => rootAt(node, checkpoint.size),
          (addresses) => trees.nodes(checkpoint.tree, addresses),
        ),
      );
    } catch (error) {
      throw refuse(`the stored tree is incomplete (${(error as Error).message})`);
    }
    if (!stored.equals(checkpoint.root)) throw refuse('the stored tree nodes give another root');
    const from = Math.min(checked.get(checkpoint.tree) ?? 0, checkpoint.size);
    if (from === 0) {
      const fromLog = await service.rootFromLog(checkpoint.tree, checkpoint.size);
      expectRoot(refuse, checkpoint, fromLog.found, fromLog.root);
    } else if (from < checkpoint.size) {
      tails.push(await tailOf(trees, checkpoint, from, refuse));
    }
  }
  await checkTails(service, tails);
  const unchecked = checkpoints.filter((c) => (checked.get(c.tree) ?? 0) < c.size);
  await trees.markStartupChecked(unchecked.map(({ tree, size }) => ({ tree, size })));
  return checkpoints.length;
}

type Refuse = (reason: string) => LogRewrittenError;

const refusal =
  (origin: string, checkpoint: StoredCheckpoint): Refuse =>
  (reason) =>
    new LogRewrittenError(
      `the ledger no longer extends its signed checkpoint ${origin} at size ${checkpoint.size}: ${reason}; refusing to start`,
    );

function expectRoot(refuse: Refuse, checkpoint: StoredCheckpoint, found: number, root: Buffer) {
  if (found < checkpoint.size) {
    throw refuse(`the log holds ${found} of its ${checkpoint.size} events`);
  }
  if (!root.equals(checkpoint.root)) {
    throw refuse("the log's events hash to another root (an event was altered, moved or replaced)");
  }
}

interface Tail {
  checkpoint: StoredCheckpoint;
  refuse: Refuse;
  builder: TreeBuilder;
  /** Log positions of the leaves still to hash, in leaf order. */
  positions: number[];
  next: number;
}

/** The tree as it stood at `from` (its stored frontier), and the positions of the leaves after. */
async function tailOf(
  trees: TreeStore,
  checkpoint: StoredCheckpoint,
  from: number,
  refuse: Refuse,
): Promise<Tail> {
  const addresses = frontierAddresses(from);
  const nodes = await trees.nodes(checkpoint.tree, addresses);
  const frontier = addresses.map(({ level, index }) => nodes.get(nodeKey(level, index)));
  if (frontier.some((hash) => hash === undefined)) {
    throw refuse(`the stored tree is incomplete at size ${from}`);
  }
  return {
    checkpoint,
    refuse,
    builder: TreeBuilder.resume(from, frontier as Buffer[]),
    positions: await trees.leafPositions(checkpoint.tree, from, checkpoint.size),
    next: 0,
  };
}

/** One pass over the log from the first tail's first position, each event to its tail. */
async function checkTails(log: Pick<TransparencyService, 'readLog'>, tails: Tail[]): Promise<void> {
  if (tails.length === 0) return;
  const owner = new Map<number, Tail>();
  for (const tail of tails) for (const position of tail.positions) owner.set(position, tail);
  const first = Math.min(...tails.map((tail) => tail.positions[0] ?? Infinity));
  const last = Math.max(...tails.map((tail) => tail.positions.at(-1) ?? 0));
  for (let from = first; Number.isFinite(from) && from <= last;) {
    const batch = await log.readLog(from, READ_BATCH);
    if (batch.length === 0) break;
    for (const event of batch) {
      const tail = owner.get(event.position);
      if (!tail) continue;
      tail.builder.append(eventLeafHash(event));
      tail.next += 1;
    }
    from = batch.at(-1)!.position + 1;
  }
  for (const tail of tails) {
    const { checkpoint, refuse, builder } = tail;
    // Leaves whose position the log no longer holds were never appended.
    const found = checkpoint.size - tail.positions.length + tail.next;
    expectRoot(refuse, checkpoint, found, builder.root());
  }
}
