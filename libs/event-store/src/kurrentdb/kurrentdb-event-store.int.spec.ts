import { createServer } from 'node:net';
import { describeEventStoreConformance } from '../testing/conformance.suite';
import { KurrentDbUnavailableError } from './kurrentdb-errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * The conformance suite against a real KurrentDB, when one is named:
 *   KURRENTDB_CONNECTION_STRING='kurrentdb://localhost:2113?tls=false' npx jest kurrentdb
 * Each test uses fresh stream names, so a shared (even non-empty) database is fine. Without
 * the variable nothing here pretends to pass: the suite is not registered, and says so.
 */
const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreConformance('KurrentDB', async () => {
    const connect = () => KurrentDbEventStore.connect(connectionString, { pollIntervalMs: 100 });
    const opened = [await connect()];
    return {
      store: opened[0]!,
      reopen: async () => {
        opened.push(await connect());
        return opened[opened.length - 1]!;
      },
      cleanup: async () => {
        for (const store of opened) await store.close();
      },
    };
  });
} else {
  console.warn(
    'KurrentDB conformance suite NOT run: set KURRENTDB_CONNECTION_STRING (e.g. kurrentdb://localhost:2113?tls=false) to run it against a server',
  );
}

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('KurrentDB event store start-up', () => {
  it('refuses an unreachable server with one line naming it, without its password', async () => {
    const port = await closedPort();
    const failure = KurrentDbEventStore.connect(
      `kurrentdb://admin:changeit@127.0.0.1:${port}?tls=false`,
    );
    await expect(failure).rejects.toBeInstanceOf(KurrentDbUnavailableError);
    const error = (await failure.catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `cannot use KurrentDB at kurrentdb://admin:***@127.0.0.1:${port}?tls=false: no node answered (unavailable)`,
    );
  });

  it('refuses a connection string that is not one, saying what was expected', async () => {
    const failure = KurrentDbEventStore.connect('http://127.0.0.1:2113');
    await expect(failure).rejects.toBeInstanceOf(KurrentDbUnavailableError);
    await expect(failure).rejects.toThrow(
      /^cannot use KurrentDB at http:\/\/127\.0\.0\.1:2113: .*kurrentdb:\/\//,
    );
  });
});
