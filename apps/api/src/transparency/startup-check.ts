import { openNote, rootAt, withStoredNodes } from '@accord/transparency';
import type { LogKey } from './log-key';
import type { TransparencyService } from './transparency.service';
import type { TreeMaintainer } from './tree-maintainer';

/** The log no longer extends a checkpoint the ledger signed: it must not serve or append. */
export class LogRewrittenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogRewrittenError';
  }
}

/**
 * For every tree's last signed checkpoint: its signature is the log's, the stored nodes still
 * give its root, and the log's own events (the tree's streams, in position order) still hash
 * to it. Any event deleted, altered, moved or truncated away since then fails one of these.
 */
export async function checkLogExtendsCheckpoints(
  maintainer: TreeMaintainer,
  service: TransparencyService,
  key: LogKey,
): Promise<number> {
  await maintainer.migrate();
  const checkpoints = await maintainer.trees.lastCheckpoints();
  for (const checkpoint of checkpoints) {
    const origin = maintainer.origin(checkpoint.tree);
    const refuse = (reason: string) =>
      new LogRewrittenError(
        `the ledger no longer extends its signed checkpoint ${origin} at size ${checkpoint.size}: ${reason}; refusing to start`,
      );
    try {
      openNote(checkpoint.note, [key.verifier(origin)]);
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
          (addresses) => maintainer.trees.nodes(checkpoint.tree, addresses),
        ),
      );
    } catch (error) {
      throw refuse(`the stored tree is incomplete (${(error as Error).message})`);
    }
    if (!stored.equals(checkpoint.root)) throw refuse('the stored tree nodes give another root');
    const fromLog = await service.rootFromLog(checkpoint.tree, checkpoint.size);
    if (fromLog.found < checkpoint.size) {
      throw refuse(`the log holds ${fromLog.found} of its ${checkpoint.size} events`);
    }
    if (!fromLog.root.equals(checkpoint.root)) {
      throw refuse(
        "the log's events hash to another root (an event was altered, moved or replaced)",
      );
    }
  }
  return checkpoints.length;
}
