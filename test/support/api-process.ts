import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { TEST_SECRET } from './test-app';

const root = join(__dirname, '..', '..');

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

/** The API as its own process (`node apps/api/src/main.ts`), as an operator runs it. */
export class ApiProcess {
  private stdoutText = '';
  private stderrText = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.stdoutText += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', join(root, 'tools/register-ts.js'), join(root, 'apps/api/src/main.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          ACCORD_JWT_SECRET: TEST_SECRET,
          HOST: '127.0.0.1',
          PORT: String(port),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const api = new ApiProcess(`http://127.0.0.1:${port}`, child);
    await api.ready();
    return api;
  }

  get stdout(): string {
    return this.stdoutText;
  }

  /** The first line of standard output containing `text`, once the process has written it. */
  waitForOutput(text: string): Promise<string> {
    const find = () => this.stdoutText.split('\n').find((line) => line.includes(text));
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onData = () => {
        const line = find();
        if (line === undefined) return;
        this.child.stdout?.off('data', onData);
        resolve(line);
      };
      this.child.stdout?.on('data', onData);
      void this.exited.then(() => reject(new Error(`the API exited without writing ${text}`)));
    });
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`API process exited: ${this.stdoutText}${this.stderrText}`);
      const ok = await request(this.url)
        .get('/health')
        .then((res) => res.status === 200)
        .catch(() => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`API process did not become healthy: ${this.stdoutText}${this.stderrText}`);
  }

  async gql(token: string, query: string, variables: Record<string, unknown>, requestId?: string) {
    const call = request(this.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`);
    if (requestId) call.set('x-request-id', requestId);
    const res = await call.send({ query, variables });
    return { data: res.body.data, errors: res.body.errors } as { data: any; errors?: any[] };
  }

  /** Sends SIGTERM; resolves with the exit code once the process has ended. */
  terminate(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
