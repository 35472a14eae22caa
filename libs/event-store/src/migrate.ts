import type { EventStore, StoredEvent } from './event-store.port';

export interface MigrationProgress {
  copied: number;
  skipped: number;
  sourceHead: number;
  lastPosition: number;
}

export interface MigrationOptions {
  batchSize?: number;
  onProgress?: (progress: MigrationProgress) => void;
  /** Stops after this many events have been copied (to test resuming). */
  stopAfter?: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Events of one original command, in one stream: appended together, as they were first. */
function appendGroups(events: readonly StoredEvent[]): StoredEvent[][] {
  const groups: StoredEvent[][] = [];
  for (const event of events) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    const sameAppend =
      previous !== undefined &&
      previous.stream === event.stream &&
      previous.revision + 1 === event.revision &&
      previous.metadata.commandId !== undefined &&
      previous.metadata.commandId === event.metadata.commandId;
    if (current && sameAppend) current.push(event);
    else groups.push([event]);
  }
  return groups;
}

/**
 * Copies a whole ledger from one store to another in global order, keeping ids, data,
 * metadata (so both times) and, because the chains are rebuilt from the same content, hashes.
 * Resumable: what the target already holds must be an exact prefix of the source, and the copy
 * goes on after it. Each copied event is checked against the source's hash as it lands.
 */
export async function migrateLedger(
  from: EventStore,
  to: EventStore,
  options: MigrationOptions = {},
): Promise<MigrationProgress> {
  const batchSize = options.batchSize ?? 1_000;
  const sourceHead = await from.headPosition();
  const progress: MigrationProgress = { copied: 0, skipped: 0, sourceHead, lastPosition: 0 };
  let position = await checkedPrefix(from, to, progress, batchSize);

  for (;;) {
    const batch = await from.readAll(position, batchSize);
    if (batch.length === 0) break;
    for (const group of appendGroups(batch)) {
      const first = group[0]!;
      const expected = first.revision === 0 ? 'no_stream' : first.revision - 1;
      await to.append(first.stream, group, expected);
      for (const event of group) {
        const copied = await to.readEventById(event.id);
        if (copied?.hash !== event.hash) {
          throw new MigrationError(
            `event ${event.id} (${event.stream}@${event.revision}) hashes differently in the target: the source's chain does not verify`,
          );
        }
      }
      progress.copied += group.length;
      progress.lastPosition = group[group.length - 1]!.position;
      if (options.stopAfter !== undefined && progress.copied >= options.stopAfter) {
        options.onProgress?.(progress);
        return progress;
      }
    }
    position = progress.lastPosition + 1;
    options.onProgress?.(progress);
  }
  const verified = await to.verify();
  if (!verified.ok) {
    throw new MigrationError(`the copy does not verify: ${JSON.stringify(verified.firstMismatch)}`);
  }
  return progress;
}

/** Walks what the target holds alongside the source; returns the source position to copy from. */
async function checkedPrefix(
  from: EventStore,
  to: EventStore,
  progress: MigrationProgress,
  batchSize: number,
): Promise<number> {
  let sourcePosition = 1;
  let targetPosition = 1;
  for (;;) {
    const held = await to.readAll(targetPosition, batchSize);
    if (held.length === 0) return sourcePosition;
    const original = await from.readAll(sourcePosition, held.length);
    held.forEach((event, index) => {
      const source = original[index];
      if (!source || source.id !== event.id || source.hash !== event.hash) {
        throw new MigrationError(
          `the target already holds ${event.stream}@${event.revision} (id ${event.id}), which is not the source's event at that place: copy into an empty store`,
        );
      }
    });
    progress.skipped += held.length;
    targetPosition = held[held.length - 1]!.position + 1;
    sourcePosition = original[original.length - 1]!.position + 1;
    progress.lastPosition = sourcePosition - 1;
  }
}
