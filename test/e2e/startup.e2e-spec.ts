import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { ConfigError, loadConfig } from '../../apps/api/src/config/accord-config';
import { StoreUnavailableError } from '../../apps/api/src/ledger/open-ledger';
import { runCli } from '../support/cli';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('Start-up with a bad configuration stops with one clear line', () => {
  it.each([
    [{ ACCORD_STORE: 'mongo' }, 'ACCORD_STORE must be sqlite, postgres or kurrentdb, got "mongo"'],
    [{ ACCORD_STORE: 'postgres' }, 'DATABASE_URL must be a postgres:// URL'],
    [
      { ACCORD_STORE: 'kurrentdb' },
      'KURRENTDB_CONNECTION_STRING must be a kurrentdb:// (or kurrentdb+discover://) connection string',
    ],
    [
      { ACCORD_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'http://kurrent:2113' },
      'KURRENTDB_CONNECTION_STRING must be a kurrentdb://',
    ],
    [
      {
        ACCORD_STORE: 'kurrentdb',
        KURRENTDB_CONNECTION_STRING: 'kurrentdb://kurrent:2113?tls=false',
        DATABASE_URL: 'mysql://db/accord',
      },
      'DATABASE_URL must be a postgres:// URL (the read models of ACCORD_STORE=kurrentdb)',
    ],
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ ACCORD_JWT_SECRET: 'short' }, 'ACCORD_JWT_SECRET must be at least 32 characters long'],
    [{ ACCORD_JWT_SECRET: '', ACCORD_JWT_SECRET_FILE: '/dev/null/key' }, 'ACCORD_JWT_SECRET_FILE'],
  ])('%j', (env, message) => {
    expect(() => loadConfig({ ACCORD_JWT_SECRET: secret, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ACCORD_JWT_SECRET: secret, ...env })).toThrow(message);
  });

  it('an unreachable PostgreSQL names the server (without its password) and what to check', async () => {
    const config = loadConfig({
      ACCORD_JWT_SECRET: secret,
      ACCORD_STORE: 'postgres',
      DATABASE_URL: 'postgres://accord:hunter2@127.0.0.1:1/ledger',
    });
    const failure = createApp(config, false);
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failure).rejects.toThrow(
      /^cannot use PostgreSQL at postgres:\/\/accord:\*\*\*@127\.0\.0\.1:1\/ledger: .*ECONNREFUSED.*check DATABASE_URL/,
    );
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it('KurrentDB with read models in PostgreSQL, or else in the SQLite file', () => {
    const base = {
      ACCORD_JWT_SECRET: secret,
      ACCORD_STORE: 'kurrentdb',
      KURRENTDB_CONNECTION_STRING: 'kurrentdb+discover://admin:changeit@cluster:2113',
      ACCORD_DB_FILE: '/var/accord/read-models.db',
    };
    expect(loadConfig(base).store).toEqual({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb+discover://admin:changeit@cluster:2113',
      readModels: { kind: 'sqlite', file: '/var/accord/read-models.db' },
    });
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://a:b@db/accord' }).store).toMatchObject({
      readModels: { kind: 'postgres', url: 'postgres://a:b@db/accord' },
    });
  });

  it('an unreachable KurrentDB names the server (without its password) and what to check', async () => {
    const port = await closedPort();
    const config = loadConfig({
      ACCORD_JWT_SECRET: secret,
      ACCORD_STORE: 'kurrentdb',
      KURRENTDB_CONNECTION_STRING: `kurrentdb://admin:hunter2@127.0.0.1:${port}?tls=false`,
    });
    const failure = createApp(config, false);
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    const error = (await failure.catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `cannot use KurrentDB at kurrentdb://admin:***@127.0.0.1:${port}?tls=false: no node answered (unavailable) (check KURRENTDB_CONNECTION_STRING, that the cluster runs, and that its tls setting matches the server's)`,
    );
  });

  it('migrate accepts a kurrentdb:// target, and an unreachable one stops it with one line', async () => {
    const port = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), 'accord-migrate-'));
    try {
      const { code, output } = await cli([
        'migrate',
        '--from',
        `sqlite:${join(dir, 'ledger.db')}`,
        '--to',
        `kurrentdb://127.0.0.1:${port}?tls=false`,
      ]);
      expect(code).toBe(1);
      expect(output.trim()).toBe(
        `cannot use KurrentDB at kurrentdb://127.0.0.1:${port}?tls=false: no node answered (unavailable)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('an SQLite file that cannot be created names the file and what to check', async () => {
    const config = loadConfig({ ACCORD_JWT_SECRET: secret, ACCORD_DB_FILE: '/dev/null/ledger.db' });
    await expect(createApp(config, false)).rejects.toThrow(
      /^cannot open the SQLite ledger \/dev\/null\/ledger\.db: .*check ACCORD_DB_FILE/,
    );
  });
});

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The operator's CLI as its own process. */
const cli = (args: string[]) => runCli(args, { ACCORD_JWT_SECRET: secret });
