// Child process of the durability test: eight concurrent writers append one event per command
// (so group commit writes several per transaction) and print each acknowledged position, until
// the process is killed.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

async function writer(store: SqliteEventStore, id: number): Promise<void> {
  for (let n = 0; ; n++) {
    const { position } = await store.append(
      `durable-${id}`,
      [{ id: randomUUID(), type: 'Tick.v1', data: { n }, metadata: {} }],
      'any',
    );
    process.stdout.write(`${position}\n`);
  }
}

async function main(file: string): Promise<void> {
  const store = new SqliteEventStore(file);
  await Promise.all(Array.from({ length: 8 }, (_, id) => writer(store, id)));
}

void main(process.argv[2]!);
