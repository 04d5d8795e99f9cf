// Runs the service's TypeScript sources in a child process (`node -r ./test/support/ts-register.cjs src/main.ts`),
// compiled file by file with TypeScript itself: unlike tsx (esbuild), it emits the decorator metadata NestJS injects by.
const { readFileSync } = require('node:fs');
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

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
