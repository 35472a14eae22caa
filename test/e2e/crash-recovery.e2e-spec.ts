import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { ONE_YEAR_AHEAD } from '../support/fixtures';
import { JOIN, LAUNCH, MAKE, REPORT } from '../support/operations';
import { ASSIGN_ROLE } from '../support/roster.fixtures';
import { TEST_SECRET } from '../support/test-app';

const root = join(__dirname, '..', '..');
const node = (script: string, args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ['-r', join(root, 'tools/register-ts.js'), join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Every read-model table of the file, rows sorted, for comparing two states of it. */
function readModels(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare(`SELECT * FROM ${name}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('A crash between an append and the projections, on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-crash-'));
  const env = {
    ACCORD_DB_FILE: join(dir, 'accord.db'),
    ACCORD_JWT_SECRET: TEST_SECRET,
    ACCORD_STORE: 'sqlite',
    HOST: '127.0.0.1',
  };
  let api: ChildProcess | undefined;
  let url = '';
  let token = '';

  async function startApi(): Promise<void> {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    api = node('apps/api/src/main.ts', [], { ...env, PORT: String(port) });
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const ready = await request(url)
        .get('/ready')
        .then((res) => res.status === 200 && res.body.projections.every((p: any) => p.lag === 0))
        .catch(() => false);
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the API did not become ready');
  }

  const gql = (query: string, variables: Record<string, unknown>) =>
    request(url)
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({ query, variables })
      .then((res) => res.body as { data?: any; errors?: unknown[] });

  beforeAll(async () => {
    token = await new TokenService({
      secret: new TextEncoder().encode(TEST_SECRET),
      issuer: 'accord-local',
      audience: 'accord',
    }).issue({ personId: 'bo', partnerId: 'food-bank' });
  });
  afterAll(() => {
    api?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('after kill -9 mid-writes and a restart, the read models equal a fresh rebuild', async () => {
    await startApi();
    await gql(LAUNCH, {
      input: { initiativeId: 'crash', name: 'n', problemStatement: 'p', commonAgenda: 'a' },
    });
    await gql(JOIN, {
      input: {
        initiativeId: 'crash',
        partnerId: 'food-bank',
        organisationName: 'Food Bank',
        sector: 'NONPROFIT',
      },
    });
    // Bo launched it, so he is its backbone staff; he makes himself the food bank's representative.
    await gql(ASSIGN_ROLE, {
      input: {
        initiativeId: 'crash',
        personId: 'bo',
        partnerId: 'food-bank',
        role: 'PARTNER_REPRESENTATIVE',
        termStart: '2020-01-01',
      },
    });
    // Writers that keep going until the process dies under them; it is killed mid-stream, once
    // a few writes have been answered (a signal, not a guess at how long they take).
    let answered = 0;
    let enoughAnswered!: () => void;
    const enough = new Promise<void>((resolve) => (enoughAnswered = resolve));
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let i = 0; ; i++) {
        const id = `w${writer}-${i}`;
        const made = await gql(MAKE, {
          input: {
            commitmentId: id,
            initiativeId: 'crash',
            partnerId: 'food-bank',
            description: id,
            dueDate: ONE_YEAR_AHEAD,
          },
        }).catch(() => undefined);
        if (!made) return i;
        if (++answered === 12) enoughAnswered();
        await gql(REPORT, { input: { commitmentId: id, percent: 10, note: 'started' } }).catch(
          () => undefined,
        );
      }
    });
    await enough;
    api!.kill('SIGKILL');
    const written = await Promise.all(writers);
    expect(written.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    await startApi();
    const recovered = readModels(env.ACCORD_DB_FILE);
    api!.kill('SIGTERM');
    await new Promise((resolve) => api!.once('exit', resolve));

    const rebuild = node('apps/api/src/cli.ts', ['projections', 'rebuild'], env);
    let output = '';
    rebuild.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => rebuild.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('journal: rebuilt from');

    const rebuilt = readModels(env.ACCORD_DB_FILE);
    expect(Object.keys(recovered).length).toBeGreaterThan(10);
    expect(recovered.rm_commitments!.length).toBeGreaterThan(0);
    expect(rebuilt).toEqual(recovered);
  }, 240_000);
});
