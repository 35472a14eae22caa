#!/usr/bin/env node
// `npm run accord -- …`: runs the CLI from compiled JavaScript, compiling only when a source
// changed since the last build. A fresh `dist/` (what `npm start` serves) is used as it is; a
// stale one is never rebuilt from here, because a server may be running from it: the CLI then
// compiles into `dist-cli/` of its own instead.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const ENTRY = join('apps', 'api', 'src', 'cli.js');
const BUILDS = [
  { dir: 'dist', tsconfig: null },
  { dir: 'dist-cli', tsconfig: 'apps/api/tsconfig.cli.json' },
];
const CONFIG_FILES = ['tsconfig.json', 'apps/api/tsconfig.app.json', 'nest-cli.json'];
const SOURCE_DIRS = ['apps/api/src', 'libs'];

function isSource(name) {
  return name.endsWith('.ts') && !/\.(spec|e2e-spec)\.ts$/.test(name);
}

function newestIn(dir, newest) {
  let latest = newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'node_modules')
        latest = newestIn(path, latest);
    } else if (isSource(entry.name)) {
      latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return latest;
}

function newestSource() {
  let newest = 0;
  for (const file of CONFIG_FILES) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  for (const dir of SOURCE_DIRS) newest = newestIn(join(root, dir), newest);
  return newest;
}

function builtAt(build) {
  try {
    return statSync(join(root, build.dir, ENTRY)).mtimeMs;
  } catch {
    return -1;
  }
}

function freshBuild() {
  const sources = newestSource();
  const fresh = BUILDS.filter((build) => builtAt(build) >= sources);
  if (fresh.length > 0) return fresh[0];
  const own = BUILDS[1];
  process.stderr.write('accord: sources changed since the last build; compiling the CLI…\n');
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const result = spawnSync(process.execPath, [nest, 'build', 'api', '--path', own.tsconfig], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('accord: the build failed (see above); nothing was run\n');
    process.exit(1);
  }
  return own;
}

require(join(root, freshBuild().dir, ENTRY));
