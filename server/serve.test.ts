import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The deployable entry as an operator runs it: `node server/serve.ts` with environment variables.

const secret = 'test-secret-of-at-least-32-characters!';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'membership-serve-'));
  const child = spawn(process.execPath, ['server/serve.ts'], {
    env: { PATH: process.env.PATH ?? '', MEMBERSHIP_DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Run>((resolve) => child.once('exit', (code) => {
    rmSync(dataDir, { recursive: true, force: true });
    resolve({ code, stdout, stderr });
  }));
  const started = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = stdout.split('\n').find((l) => l.includes('"event":"started"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then((run) => reject(new Error(`exited ${run.code}: ${run.stderr}`)));
  });
  // Awaited only by the tests that expect a start; a refused start is not an unhandled rejection.
  started.catch(() => {});
  return { child, exited, started };
}

async function refused(env: Record<string, string>, message: RegExp) {
  const run = await start(env).exited;
  assert.equal(run.code, 1);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${run.stderr}`);
  assert.match(lines[0]!, message);
}

describe('npm run serve', () => {
  test('refuses the sandbox with an https PUBLIC_ORIGIN, with one clear line', async () => {
    await refused({ MEMBERSHIP_SECRET: secret, PUBLIC_ORIGIN: 'https://members.example.go.kr', MEMBERSHIP_SANDBOX: 'on' }, /^membership server: The sandbox identity provider .* refused with an https PUBLIC_ORIGIN/);
  });

  test('refuses an unusable RATE_LIMIT_SCALE and a missing secret', async () => {
    await refused({ MEMBERSHIP_SECRET: secret, RATE_LIMIT_SCALE: 'Infinity' }, /RATE_LIMIT_SCALE must be a finite number ≥ 1/);
    await refused({}, /MEMBERSHIP_SECRET is required/);
  });

  test('serves the API only: nothing seeded, no sandbox, no demo pages; logs JSON; stops cleanly on SIGTERM', async () => {
    const server = start({ MEMBERSHIP_SECRET: secret, RATE_LIMIT_SCALE: '2' });
    const base = `http://127.0.0.1:${await server.started}`;
    assert.equal((await fetch(`${base}/health`)).status, 200);
    assert.equal((await fetch(`${base}/ready`)).status, 200);
    const site = (await (await fetch(`${base}/api/v1/site`, { headers: { 'x-site-id': 'trade' } })).json()) as { verificationMethods: unknown[] };
    assert.deepEqual(site.verificationMethods, [], 'no provider, no methods');
    assert.equal((await fetch(`${base}/sandbox/inbox`)).status, 404);
    assert.equal((await fetch(`${base}/`)).status, 404, 'no demo pages');
    const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'x-site-id': 'trade', 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'demomember', password: 'Demo2026!pw' }) });
    assert.equal(login.status, 401, 'no demo accounts');
    server.child.kill('SIGTERM');
    const run = await server.exited;
    assert.equal(run.code, 0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; rateLimitScale?: number; sandbox?: boolean });
    const started = events.find((e) => e.event === 'started');
    assert.equal(started?.rateLimitScale, 2, 'the scale is logged at start');
    assert.equal(started?.sandbox, false);
    assert.ok(events.some((e) => e.event === 'request'));
    assert.equal(events.at(-1)?.event, 'stopped');
  });

  test("plugs in the agency's identity provider from MEMBERSHIP_IDENTITY_MODULE", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'membership-provider-'));
    const module = join(dir, 'provider.ts');
    writeFileSync(module, `export default (config) => ({
      name: 'agency-' + new URL(config.origin).hostname,
      async checkMobileClaim() { return { ok: false, code: 'IDENTITY_MISMATCH', message: 'no' }; },
      async sendCode() {},
      pageMethods: () => [],
    });\n`);
    const server = start({ MEMBERSHIP_SECRET: secret, MEMBERSHIP_IDENTITY_MODULE: module });
    const base = `http://127.0.0.1:${await server.started}`;
    const site = (await (await fetch(`${base}/api/v1/site`, { headers: { 'x-site-id': 'trade' } })).json()) as { verificationMethods: { id: string }[] };
    assert.deepEqual(site.verificationMethods.map((m) => m.id), ['mobile']);
    server.child.kill('SIGTERM');
    const run = await server.exited;
    rmSync(dir, { recursive: true, force: true });
    assert.match(run.stdout, /"identityProvider":"agency-localhost"/);
  });

  test('runs the sandbox only when asked, on an http origin', async () => {
    const server = start({ MEMBERSHIP_SECRET: secret, MEMBERSHIP_SANDBOX: 'on' });
    const base = `http://127.0.0.1:${await server.started}`;
    const site = (await (await fetch(`${base}/api/v1/site`, { headers: { 'x-site-id': 'trade' } })).json()) as { verificationMethods: { id: string }[] };
    assert.deepEqual(site.verificationMethods.map((m) => m.id), ['mobile', 'ipin']);
    assert.equal((await fetch(`${base}/sandbox/inbox`)).status, 200);
    server.child.kill('SIGTERM');
    assert.equal((await server.exited).code, 0);
  });
});
