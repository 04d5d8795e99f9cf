// Runs the service's TypeScript sources in a child process (`node -r ./test/support/ts-register.cjs src/main.ts`),
// compiled file by file with TypeScript itself: unlike tsx (esbuild), it emits the decorator metadata NestJS injects by.
// Compiling the app's ~400 files costs several CPU seconds per start, so each output is cached in the temp directory
// under a hash of the compiler version, options, file name and source: a later start compiles only what changed.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const ts = require('typescript');
const { register } = require('tsconfig-paths');

const ROOT = join(__dirname, '..', '..');
register({ baseUrl: ROOT, paths: { '@apron/*': ['libs/*/src'] } });

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
  inlineSourceMap: true,
};
const CACHE = join(tmpdir(), `apron-ts-register-${ts.version}`);
mkdirSync(CACHE, { recursive: true });
const OPTIONS_KEY = JSON.stringify(compilerOptions);

function compiled(filename) {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(OPTIONS_KEY).update('\0').update(filename).update('\0').update(source);
  const cached = join(CACHE, `${key.digest('hex')}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, outputText);
    renameSync(partial, cached);
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(compiled(filename), filename);
};
