// Runs the compiled demo (src/demo/main.ts) with the @apron/* path aliases resolved against dist/, like start.js,
// building first only when a source is newer than the build.
const path = require('node:path');
const { register } = require('tsconfig-paths');
require('./build-if-needed').buildIfNeeded();
const dist = path.join(__dirname, '..', 'dist');
register({
  baseUrl: dist,
  paths: { '@apron/*': ['libs/*/src'] },
});
require(path.join(dist, 'src', 'demo', 'main.js'));
