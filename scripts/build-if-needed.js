// `npm start` and `npm run demo` start from the existing build when it is newer than every source, and build first
// otherwise (the same two compilations as `npm run build`). A second start then takes seconds, not a full compile.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** Written after a build made here: a source saved again unchanged makes tsc emit nothing, so outputs keep old times. */
const STAMP = path.join(DIST, '.start-build-stamp');
const BUILD_OUTPUTS = [STAMP, path.join(DIST, '.tsbuildinfo.build'), path.join(DIST, 'src', 'main.js')];
const COMPILATIONS = ['tsconfig.build.json', path.join('src', 'dashboard', 'web', 'tsconfig.json')];

/** Files and folders (a deleted file changes its folder's time), spec files and notes left out. */
function newestMtimeMs(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(full));
    else if (!/\.(spec|e2e-spec)\.ts$|\.md$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function newestSourceMtimeMs() {
  const files = readdirSync(ROOT).filter((name) => /^tsconfig.*\.json$/.test(name) || name === 'package.json');
  let newest = Math.max(0, ...files.map((name) => statSync(path.join(ROOT, name)).mtimeMs));
  for (const dir of ['src', 'libs']) {
    if (existsSync(path.join(ROOT, dir))) newest = Math.max(newest, newestMtimeMs(path.join(ROOT, dir)));
  }
  return newest;
}

/** Why a build is needed, or null when dist/ is newer than every source (or no sources ship, as in the image). */
function reasonToBuild() {
  if (!existsSync(path.join(DIST, 'src', 'main.js'))) return 'no build in dist/ yet';
  if (!existsSync(path.join(ROOT, 'src'))) return null;
  const builtMs = Math.max(...BUILD_OUTPUTS.filter(existsSync).map((file) => statSync(file).mtimeMs));
  return newestSourceMtimeMs() > builtMs ? 'sources changed since the last build' : null;
}

/** One start-up line, as JSON when JSON logs are chosen (LOG_FORMAT, or NODE_ENV=production). */
function say(level, message) {
  const format = (process.env.LOG_FORMAT || (process.env.NODE_ENV === 'production' ? 'json' : 'pretty')).trim();
  const json = format.toLowerCase() === 'json';
  const line = json
    ? JSON.stringify({ time: new Date().toISOString(), level, context: 'Build', msg: message })
    : message;
  (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

function buildIfNeeded() {
  const reason = reasonToBuild();
  if (!reason) return;
  say('info', `Building the service (${reason}); later starts reuse the build until a source changes`);
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of COMPILATIONS) {
    try {
      execFileSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      say(
        'error',
        `Build failed (tsc -p ${project}):\n${(error.stdout || '') + (error.stderr || '') || error.message}`,
      );
      process.exit(1);
    }
  }
  writeFileSync(STAMP, new Date().toISOString() + '\n');
}

module.exports = { buildIfNeeded, reasonToBuild };
