// `npm test`: jest, with the type check and the linters running beside it at a lower priority.
// Jest's workers spend part of their time waiting (on a browser, a second API process, a
// timer); the checks use those idle moments instead of holding up the tests for a minute and a
// half beforehand. The checks' output is kept and shown after jest's; any failure fails the run.
// Arguments go to jest (`npm test -- test/e2e/roster.e2e-spec.ts`).
const { spawn } = require('node:child_process');
const { accessSync, constants, existsSync, mkdirSync } = require('node:fs');
const { setPriority } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const CHECKS = [
  ['type check (API, libraries, tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['type check (web app)', bin('tsc'), ['-p', 'apps/web/tsconfig.json']],
  ['ESLint', bin('eslint'), ['.']],
  ['Prettier', bin('prettier'), ['--check', '.']],
  ['layer rules', bin('depcruise'), ['--config', '.dependency-cruiser.js', 'apps', 'libs']],
];
const LOWER_PRIORITY = 10;
const RAM_DISK = '/dev/shm';

function check([name, command, args]) {
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    setPriority(child.pid, LOWER_PRIORITY);
  } catch {
    // Not allowed here: it runs at the same priority, which is only slower.
  }
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) =>
    child.on('close', (code, signal) =>
      resolve({
        name,
        ok: code === 0,
        code,
        signal,
        output,
        seconds: (Date.now() - started) / 1000,
      }),
    ),
  );
}

// The tests' temporary files (SQLite ledgers, the PostgreSQL server's data, browser profiles,
// transpile caches) go to a RAM file system where there is one: a test's SQLite file is still
// a real file, but its commits (synchronous = FULL) no longer wait for a disk. The folder
// stays between runs, so the caches in it stay warm.
function temporaryFolder() {
  if (process.env.TMPDIR || !existsSync(RAM_DISK)) return process.env.TMPDIR;
  const folder = join(RAM_DISK, `accord-tests-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return folder;
  } catch {
    return undefined;
  }
}

function jest(args) {
  const tmp = temporaryFolder();
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--maxWorkers=2', ...args],
    { cwd: root, stdio: 'inherit', env: tmp ? { ...process.env, TMPDIR: tmp } : process.env },
  );
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
}

async function main() {
  const checks = Promise.all(CHECKS.map(check));
  const tests = await jest(process.argv.slice(2));
  const results = await checks;
  console.log('\nChecks run beside the tests:');
  for (const { name, ok, code, signal, seconds } of results)
    console.log(
      `  ${ok ? 'passed' : 'FAILED'}  ${name} (${seconds.toFixed(0)} s${ok ? '' : `, ${signal ?? `exit ${code}`}`})`,
    );
  for (const { name, ok, output } of results)
    if (!ok) console.error(`\n${name} failed:\n${output.trimEnd()}`);
  const failed = tests.code !== 0 || results.some((result) => !result.ok);
  if (tests.code !== 0) console.error(`\njest failed (${tests.signal ?? `exit ${tests.code}`})`);
  process.exit(failed ? 1 : 0);
}

void main();
