import { deterministicEventId, type EventStore } from '@accord/event-store';

/**
 * Lengthens a stream quickly, straight through the store: appends `count` copies of its last
 * event (each with its own id and command id), in batches, as if that many commands had run.
 */
export async function appendCopiesOfLast(
  store: EventStore,
  stream: string,
  count: number,
  batchSize = 250,
): Promise<void> {
  const history = await store.readStream(stream);
  const last = history[history.length - 1];
  if (!last) throw new Error(`${stream} has no event to copy`);
  let revision = last.revision;
  for (let done = 0; done < count;) {
    const batch = Array.from({ length: Math.min(batchSize, count - done) }, (_, n) => {
      const commandId = `bulk-${stream}-${done + n}`;
      return {
        id: deterministicEventId(commandId, 0),
        type: last.type,
        data: last.data,
        metadata: { ...last.metadata, commandId, causationId: commandId },
      };
    });
    revision = (await store.append(stream, batch, revision)).revision;
    done += batch.length;
  }
}
