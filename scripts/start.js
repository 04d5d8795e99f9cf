// `npm start`: builds when a source is newer than dist/ (build-if-needed.js), then runs the compiled service with the
// @apron/* path aliases resolved against dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');
require('./build-if-needed').buildIfNeeded();
const dist = path.join(__dirname, '..', 'dist');
register({
  baseUrl: dist,
  paths: { '@apron/*': ['libs/*/src'] },
});
require(path.join(dist, 'src', 'main.js'));
