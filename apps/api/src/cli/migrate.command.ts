import {
  type EventStore,
  migrateLedger,
  PostgresEventStore,
  redactConnectionString,
  SqliteEventStore,
} from '@accord/event-store';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { redactUrl } from '../ledger/open-ledger';
import { UsageError } from './usage-error';

async function openStore(spec: string): Promise<{ store: EventStore; name: string }> {
  if (spec.startsWith('sqlite:')) {
    const file = resolve(spec.slice('sqlite:'.length));
    return { store: new SqliteEventStore(file), name: `SQLite ${file}` };
  }
  if (/^postgres(ql)?:\/\//.test(spec)) {
    return { store: await PostgresEventStore.connect(spec), name: `PostgreSQL ${redactUrl(spec)}` };
  }
  if (/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(spec)) {
    const { KurrentDbEventStore } = await import('@accord/event-store/kurrentdb');
    return {
      store: await KurrentDbEventStore.connect(spec),
      name: `KurrentDB ${redactConnectionString(spec)}`,
    };
  }
  throw new UsageError(
    `"${spec}" is not a store: use sqlite:<file>, a postgres:// URL or a kurrentdb:// connection string`,
  );
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  });
  if (!values.from || !values.to) throw new UsageError('migrate needs --from and --to');
  const from = await openStore(values.from);
  const to = await openStore(values.to).catch(async (error: unknown) => {
    await from.store.close();
    throw error;
  });
  try {
    console.error(`copying ${from.name} -> ${to.name}`);
    const result = await migrateLedger(from.store, to.store, {
      onProgress: (p) =>
        console.error(
          `  ${p.skipped + p.copied} of ${p.sourceHead} positions (${p.copied} copied now)`,
        ),
    });
    console.error(
      `done: ${result.copied} events copied, ${result.skipped} already there; the copy verifies`,
    );
  } finally {
    await from.store.close();
    await to.store.close();
  }
}
