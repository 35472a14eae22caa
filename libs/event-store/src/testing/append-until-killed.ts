// Child process of the durability test: appends one event per transaction and prints each
// acknowledged position, until it is killed.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

async function main(file: string): Promise<void> {
  const store = new SqliteEventStore(file);
  for (let n = 0; ; n++) {
    const { position } = await store.append(
      `durable-${n % 7}`,
      [{ id: randomUUID(), type: 'Tick.v1', data: { n }, metadata: {} }],
      'any',
    );
    process.stdout.write(`${position}\n`);
  }
}

void main(process.argv[2]!);
