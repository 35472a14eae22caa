import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { format } from 'node:util';
import { runCommandLine } from '../../apps/api/src/cli/command-line';
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

/** The settings an operator's CLI needs for the app's storage. */
const storageEnv = (app: TestApp) => ({
  ACCORD_DB_FILE: join(app.storage.dir, 'accord.db'),
  ACCORD_JWT_SECRET: TEST_SECRET,
  ...(app.storage.kind === 'postgres'
    ? { ACCORD_STORE: 'postgres', DATABASE_URL: app.storage.databaseUrl }
    : { ACCORD_STORE: 'sqlite' }),
});

/** Runs the CLI as a separate process on the app's storage, as an operator would next to a running API. */
export function cli(app: TestApp, args: string[]): Promise<CliResult> {
  return runCli(args, storageEnv(app));
}

/** The same command on the app's storage, its module run in this process (runCliInProcess). */
export function cliInProcess(app: TestApp, args: string[]): Promise<CliResult> {
  return runCliInProcess(args, storageEnv(app));
}

/**
 * Runs a command line inside this process, through the CLI's own command table and exit codes
 * (runCommandLine), with `env` in process.env while it runs, and reports as runCli does. For
 * the steps of a scenario where the process boundary proves nothing and only the command's
 * logic and output matter: about a second and a half less per call than a process. The CLI as
 * a process is proved by cli.e2e-spec, and each suite using this keeps a runCli of the command.
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CliResult> {
  const result = { output: '', stdout: '', stderr: '' };
  const write = (stream: 'stdout' | 'stderr', text: string) => {
    result.output += text;
    result[stream] += text;
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  // What a command writes, through the console or straight to the streams (progress lines).
  const spies = [
    jest
      .spyOn(console, 'log')
      .mockImplementation((...parts: unknown[]) => write('stdout', `${format(...parts)}\n`)),
    jest
      .spyOn(console, 'error')
      .mockImplementation((...parts: unknown[]) => write('stderr', `${format(...parts)}\n`)),
    ...(['stdout', 'stderr'] as const).map((stream) =>
      jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
        write(stream, chunk.toString());
        return true;
      }),
    ),
  ];
  setEnv(env);
  try {
    return { code: await runCommandLine(args), ...result };
  } finally {
    setEnv(saved);
    for (const spy of spies) spy.mockRestore();
  }
}
