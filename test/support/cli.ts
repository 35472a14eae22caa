import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_SECRET, type TestApp } from './test-app';

const root = join(__dirname, '..', '..');

/** Runs the CLI as a separate process on the app's storage, as an operator would next to a running API. */
export function cli(
  app: TestApp,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools/register-ts.js'), join(root, 'apps/api/src/cli.ts'), ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        ACCORD_DB_FILE: join(app.storage.dir, 'accord.db'),
        ACCORD_JWT_SECRET: TEST_SECRET,
        ...(app.storage.kind === 'postgres'
          ? { ACCORD_STORE: 'postgres', DATABASE_URL: app.storage.databaseUrl }
          : { ACCORD_STORE: 'sqlite' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
