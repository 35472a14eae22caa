// Lets plain `node` run the project's TypeScript sources (a second API process in the tests,
// the benchmarks): transpiles each file (with decorator metadata, which Nest's injection needs)
// and resolves the @accord/* path aliases. Type checking is tsc's job, not this hook's.
const Module = require('node:module');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const swcVersion = require('@swc/core/package.json').version;
const swc = () => require('@swc/core');
const { typescript: options } = require('./swc-options');

const root = join(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@accord\/([a-z-]+)(\/.*)?$/.exec(request);
  const target = alias ? join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request;
  return resolve.call(this, target, ...rest);
};

// Each process (a CLI run, a second API in the tests) would transpile the whole app again:
// keep the output in the temporary folder, keyed by the source, its path, the options and
// the compiler's version.
const cacheDir = join(tmpdir(), `accord-register-ts-swc-${swcVersion}`);
mkdirSync(cacheDir, { recursive: true });

function transpile(filename) {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256')
    .update(JSON.stringify([filename, options]))
    .update(source)
    .digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { code: outputText } = swc().transformSync(source, { ...options, filename });
    // Written whole under another name, then renamed: a reader never sees half a file.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, outputText);
    renameSync(partial, cached);
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(filename), filename);
};
