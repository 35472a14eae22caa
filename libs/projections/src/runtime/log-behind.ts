import type { EventStore } from '@accord/event-store';

/**
 * A read model has applied events the log no longer holds: the log was truncated or replaced
 * by an older copy under it. Its message is the one line an operator needs: what was found,
 * and the two ways out.
 */
export class ReadModelAheadOfLogError extends Error {
  constructor(
    readonly projection: string,
    readonly checkpoint: number,
    readonly head: number,
    found = `but the log ends at position ${head}`,
  ) {
    super(
      `read model ${projection} has applied the log up to position ${checkpoint}, ${found}: the log lost events (truncated, or restored from an older copy); restore the log from a backup that reaches position ${checkpoint}, or accept the log as it is with: npm run accord -- projections rebuild --accept-log`,
    );
    this.name = 'ReadModelAheadOfLogError';
  }
}

/** The read model furthest ahead of the log's head, if any is. */
export function aheadOfHead(
  positions: readonly { name: string; position: number }[],
  head: number,
): ReadModelAheadOfLogError | undefined {
  const furthest = [...positions].sort((a, b) => b.position - a.position)[0];
  return furthest && furthest.position > head
    ? new ReadModelAheadOfLogError(furthest.name, furthest.position, head)
    : undefined;
}

/**
 * At start-up: every checkpoint is the position of an event the read model applied, so the
 * log must reach it and still hold an event there (a log that lost its last events and then
 * grew past them again, as SQLite's AUTOINCREMENT does, reaches the checkpoint but has a hole).
 */
export async function checkReadModelsAgainstLog(
  store: EventStore,
  positions: readonly { name: string; position: number }[],
): Promise<void> {
  const head = await store.headPosition();
  const ahead = aheadOfHead(positions, head);
  if (ahead) throw ahead;
  for (const position of new Set(positions.map((p) => p.position))) {
    if (position === 0) continue;
    const [event] = await store.readAll(position, 1);
    if (event?.position === position) continue;
    const name = positions.find((p) => p.position === position)!.name;
    throw new ReadModelAheadOfLogError(
      name,
      position,
      head,
      `but the log holds no event at that position (it ends at ${head})`,
    );
  }
}
