// Runs the compiled service with the @apron/* path aliases resolved against dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const dist = path.join(__dirname, '..', 'dist');
register({
  baseUrl: dist,
  paths: { '@apron/*': ['libs/*/src'] },
});
require(path.join(dist, 'src', 'main.js'));
