// The Node version gate: `npm start` / `npm test` run scripts/preflight.mjs first, and `npm install`
// stops through npm's engine-strict (.npmrc) before it fetches anything.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };

function preflight(version: string) {
  const env = { ...process.env, PREFLIGHT_NODE_VERSION: version };
  return spawnSync(process.execPath, ['scripts/preflight.mjs'], { cwd: root, env, encoding: 'utf8' });
}

describe('Node version gate', () => {
  it('stops an older Node with one line: found, needed, how to get it', () => {
    const run = preflight('20.20.2');
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /found Node 20\.20\.2/);
    assert.ok(lines[0]!.includes(`needs Node ${pkg.engines.node}`), run.stderr);
    assert.match(lines[0]!, /install Node 24/);
  });

  it('stops a Node just below the range and lets the lowest supported one through, silently', () => {
    const [major, minor] = pkg.engines.node.replace('>=', '').split('.').map(Number) as [number, number];
    assert.equal(preflight(`${major}.${minor - 1}.9`).status, 1);
    const ok = preflight(`${major}.${minor}.0`);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stderr + ok.stdout, '');
  });

  it('runs before npm start and npm test do anything, and npm install is engine-strict', () => {
    assert.match(pkg.scripts.start!, /^node scripts\/preflight\.mjs && /);
    assert.match(pkg.scripts.test!, /^node scripts\/preflight\.mjs && /);
    assert.match(readFileSync(`${root}.npmrc`, 'utf8'), /^engine-strict=true$/m);
  });
});
