#!/usr/bin/env node
// `npm run accord -- …`: runs the CLI from `dist/` when that build is current (what `npm start`
// serves), otherwise straight from the TypeScript sources through tools/register-ts.js, which
// transpiles each file once and keeps it in a cache. A stale `dist/` is never rebuilt from
// here, because a server may be running from it; and no type check runs before a command
// (that is `npm run typecheck`'s job), so the first command after a change starts in seconds.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const BUILT_ENTRY = join(root, 'dist', 'apps', 'api', 'src', 'cli.js');
const SOURCE_ENTRY = join(root, 'apps', 'api', 'src', 'cli.ts');
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

function builtAt() {
  try {
    return statSync(BUILT_ENTRY).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() >= newestSource()) {
  require(BUILT_ENTRY);
} else {
  require('./register-ts');
  require(SOURCE_ENTRY);
}
