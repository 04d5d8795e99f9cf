// Jest globalSetup: compiles the dashboard's page scripts once, as `npm run build` does (dist/src/dashboard/web), so
// the browser tests load this checkout's scripts; built per suite, two workers rewrote them under each other's pages.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function buildPageScripts() {
  const root = join(__dirname, '..', '..');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'src/dashboard/web/tsconfig.json'], { cwd: root, stdio: 'pipe' });
};
