import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_SECRET, type TestApp } from './test-app';

const root = join(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  /** Standard output and standard error, in the order written. */
  output: string;
  stdout: string;
  stderr: string;
}

/** Runs the operator's CLI (`apps/api/src/cli.ts`) as its own process with these settings. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CliResult> {
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools/register-ts.js'), join(root, 'apps/api/src/cli.ts'), ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const result = { output: '', stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    result.output += chunk.toString();
    result.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    result.output += chunk.toString();
    result.stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ...result })));
}

/** Runs the CLI as a separate process on the app's storage, as an operator would next to a running API. */
export function cli(app: TestApp, args: string[]): Promise<CliResult> {
  return runCli(args, {
    ACCORD_DB_FILE: join(app.storage.dir, 'accord.db'),
    ACCORD_JWT_SECRET: TEST_SECRET,
    ...(app.storage.kind === 'postgres'
      ? { ACCORD_STORE: 'postgres', DATABASE_URL: app.storage.databaseUrl }
      : { ACCORD_STORE: 'sqlite' }),
  });
}
