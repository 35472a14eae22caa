// Runs the type check and the lint side by side (each is single-threaded; the machine has more
// than one core) and fails when either fails. Used by `npm test` before jest.
const { spawn } = require('node:child_process');

const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit' });
    child.on('close', (code, signal) => resolve({ script, ok: code === 0, code, signal }));
  });

Promise.all([run('typecheck'), run('lint')]).then((results) => {
  const failed = results.filter((result) => !result.ok);
  for (const { script, code, signal } of failed)
    console.error(`npm run ${script} failed (${signal ?? `exit ${code}`})`);
  process.exit(failed.length === 0 ? 0 : 1);
});
