// Lets plain `node` run the project's TypeScript sources (a second API process in the tests,
// the benchmarks): transpiles each file (with decorator metadata, which Nest's injection needs)
// and resolves the @accord/* path aliases. Type checking is tsc's job, not this hook's.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@accord\/(domain|event-store|projections|transparency)(\/.*)?$/.exec(request);
  const target = alias ? join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request;
  return resolve.call(this, target, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};
