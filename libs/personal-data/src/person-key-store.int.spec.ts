import {
  createTestDatabase,
  type TestDatabase,
} from '@accord/event-store/testing/postgres-test-database';
import { Client } from 'pg';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PersonKeyStore } from './person-key-store';
import { PostgresPersonKeyStore } from './postgres-person-key-store';
import { SqlitePersonKeyStore } from './sqlite-person-key-store';

interface Backend {
  open(): Promise<PersonKeyStore>;
  cleanUp(): Promise<void>;
}

const sqlite = (): Backend => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-keys-'));
  return {
    open: () => Promise.resolve(SqlitePersonKeyStore.open(join(dir, 'accord.db.keys'))),
    cleanUp: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
};

const postgres = (): Backend => {
  let database: TestDatabase | undefined;
  return {
    open: async () => {
      database ??= await createTestDatabase();
      return PostgresPersonKeyStore.connect(database.url);
    },
    cleanUp: async () => database?.drop(),
  };
};

describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgres],
])('Person key store on %s', (_, backend) => {
  let store: PersonKeyStore;
  let storage: Backend;

  beforeAll(async () => {
    storage = backend();
    store = await storage.open();
  });
  afterAll(async () => {
    await store.close();
    await storage.cleanUp();
  });

  it('makes a 32-byte key on first use and gives the same one after', async () => {
    const key = await store.keyFor('ana');
    expect(key).toHaveLength(32);
    expect(await store.keyFor('ana')).toEqual(key);
    expect(await store.find('ana')).toEqual(key);
    expect(await store.keyFor('bo')).not.toEqual(key);
  });

  it('finds none for a person without a key, and several at once', async () => {
    expect(await store.find('nobody')).toBeUndefined();
    const keys = await store.findMany(['ana', 'bo', 'nobody', 'ana']);
    expect([...keys.keys()].sort()).toEqual(['ana', 'bo']);
    expect(keys.get('ana')).toEqual(await store.find('ana'));
  });

  it('gives concurrent first requests for one person the same key', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => store.keyFor('chen')));
    for (const key of keys) expect(key).toEqual(keys[0]);
  });

  it('destroys a key once: afterwards there is none, and a second destroy says so', async () => {
    expect(await store.destroy('bo')).toBe(true);
    expect(await store.find('bo')).toBeUndefined();
    expect(await store.destroy('bo')).toBe(false);
    expect(await store.find('ana')).toHaveLength(32);
  });

  it('keeps its keys across a restart', async () => {
    const key = await store.find('ana');
    await store.close();
    store = await storage.open();
    expect(await store.find('ana')).toEqual(key);
  });
});

describe('SQLite person key store files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-keys-'));
  const file = join(dir, 'accord.db.keys');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bytes = () =>
    Buffer.concat([
      readFileSync(file),
      ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : []),
    ]);

  it('is readable by its owner only', async () => {
    const store = SqlitePersonKeyStore.open(file);
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves no byte of a destroyed key in the file or its write-ahead log', async () => {
    const store = SqlitePersonKeyStore.open(file);
    const doomed = await store.keyFor('ana');
    const kept = await store.keyFor('bo');
    expect(bytes().includes(doomed)).toBe(true);
    await store.destroy('ana');
    expect(bytes().includes(doomed)).toBe(false);
    expect(bytes().includes(kept)).toBe(true);
    await store.close();
  });
});

describe('Person key store on PostgreSQL, when the server drops its connections', () => {
  it('keeps working, and the dropped idle connections do not end the process', async () => {
    const database = await createTestDatabase();
    const store = await PostgresPersonKeyStore.connect(database.url);
    try {
      const key = await store.keyFor('ana');
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      try {
        // As a server restart or an operator would: end every other session of the database.
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
      } finally {
        await admin.end();
      }
      // Give the pool the moment to see its idle connections die (its 'error' events).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await store.find('ana')).toEqual(key);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
