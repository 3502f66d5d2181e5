// Stops `npm start` / `npm test` at once on a Node older than package.json's "engines" range, with
// one line (found, needed, how to get it). Plain old syntax on purpose: it must parse on any Node.
// PREFLIGHT_NODE_VERSION fakes the running version (for its own test).
import { readFileSync } from 'fs';

var pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
var range = pkg.engines.node; // ">=MAJOR.MINOR[.PATCH]"
var found = process.env.PREFLIGHT_NODE_VERSION || process.versions.node;

function parts(version) {
  return String(version).replace(/^[^0-9]*/, '').split('.').map(function (n) { return parseInt(n, 10) || 0; });
}

function atLeast(have, need) {
  for (var i = 0; i < 3; i += 1) {
    if ((have[i] || 0) !== (need[i] || 0)) return (have[i] || 0) > (need[i] || 0);
  }
  return true;
}

if (!/^>=\s*\d+(\.\d+){0,2}$/.test(range)) {
  console.error('scripts/preflight.mjs understands only ">=X.Y" engines ranges, not "' + range + '"');
  process.exit(1);
}
if (!atLeast(parts(found), parts(range))) {
  console.error('membership-elements needs Node ' + range + ' but found Node ' + found + ' (' + process.execPath + '): ' +
    'install Node 24 LTS (https://nodejs.org/en/download, or "nvm install 24") and put it first on PATH.');
  process.exit(1);
}
