import { createApp } from '../../apps/api/src/bootstrap';
import { ConfigError, loadConfig } from '../../apps/api/src/config/accord-config';
import { StoreUnavailableError } from '../../apps/api/src/ledger/open-ledger';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('Start-up with a bad configuration stops with one clear line', () => {
  it.each([
    [{ ACCORD_STORE: 'mongo' }, 'ACCORD_STORE must be sqlite or postgres, got "mongo"'],
    [{ ACCORD_STORE: 'postgres' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ ACCORD_STORE: 'kurrentdb' }, 'kurrentdb is not available yet'],
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

  it('an SQLite file that cannot be created names the file and what to check', async () => {
    const config = loadConfig({ ACCORD_JWT_SECRET: secret, ACCORD_DB_FILE: '/dev/null/ledger.db' });
    await expect(createApp(config, false)).rejects.toThrow(
      /^cannot open the SQLite ledger \/dev\/null\/ledger\.db: .*check ACCORD_DB_FILE/,
    );
  });
});
