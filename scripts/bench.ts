#!/usr/bin/env node
// `npm run bench`: ID checks/s (login-ID availability), signups/s and logins/s with p99 (real scrypt
// hashing, real SQLite) against the deployable entry (`npm run serve`, sandbox on) on loopback, with
// autocannon. Prints figures; asserts nothing about speed. Options: --seconds N (default 10),
// --connections N (default 50; ID checks and signups), --login-connections N (default 20).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../server/config.ts';
import type { ServerDeps } from '../server/context.ts';
import { pbkdf2Hasher } from '../server/crypto.ts';
import { memoryRateLimiter } from '../server/rate-limit.ts';
import { sandboxRegistry } from '../server/registry.ts';
import { SqliteStore } from '../server/store/sqlite.ts';
import { issueVerificationToken } from '../server/verification-tokens.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, 'login-connections': { type: 'string', default: '20' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const loginConnections = Number(values['login-connections']);
const dataDir = mkdtempSync(join(tmpdir(), 'membership-bench-'));

/** Verification tokens of distinct synthetic adults, written into the database before the server starts. */
async function prepareTokens(count: number): Promise<string[]> {
  const store = new SqliteStore(join(dataDir, 'membership.sqlite'));
  const deps = { store, config: defaultConfig('http://127.0.0.1'), now: Date.now, hasher: pbkdf2Hasher(1), limiter: memoryRateLimiter(), registry: sandboxRegistry() } satisfies ServerDeps;
  deps.config.verificationTokenTtl = 3600;
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const verification = {
      verificationId: `bench-${i}`, siteId: 'trade', method: 'mobile', purpose: 'signup' as const, mode: 'otp' as const,
      createdAt: Date.now(), expiresAt: Date.now() + 3_600_000, sessionHash: null, resetId: null, captchaAnswer: null, claimed: null,
      codeHash: null, codeExpiresAt: null, codeAttempts: 0, resends: 0, lastSentAt: null, person: null, providerResultId: null, done: true,
    };
    const person = { name: '벤치', birthDate: '1990-01-01', gender: 'female' as const, nationality: 'domestic' as const, mobile: '01000000000', carrier: 'SKT', ci: `bench-ci-${i}`, di: `bench-di-${i}` };
    await store.putVerification(verification);
    tokens.push((await issueVerificationToken(deps, verification, person)).verificationToken);
  }
  store.close();
  return tokens;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port: number) {
  const child = spawn(process.execPath, ['server/serve.ts'], {
    env: { ...process.env, PORT: String(port), MEMBERSHIP_DATA_DIR: dataDir, RATE_LIMIT_SCALE: '1000000', MEMBERSHIP_SANDBOX: 'on', MEMBERSHIP_SECRET: randomBytes(32).toString('base64') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    // Keeps reading the JSON request log (a full pipe would stall the server).
    child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('"event":"started"') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

function report(name: string, result: autocannon.Result, clients = connections) {
  const ok = result['2xx'];
  console.log(
    `${name.padEnd(28)} ${result.requests.average.toFixed(1).padStart(8)} req/s  ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms  ` +
      `(${ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${clients} connections, ${result.duration} s)`,
  );
}

const tokens = await prepareTokens(3000);
const port = await freePort();
const server = await startServer(port);
const base = `http://127.0.0.1:${port}/api/v1`;
try {
  let n = 0;
  const availability = await autocannon({
    url: base, connections, duration: seconds,
    requests: [{ method: 'GET', headers: { 'x-site-id': 'trade' }, setupRequest: (request) => ({ ...request, path: `/api/v1/login-ids/bench${(n += 1)}/availability` }) }],
  });
  report('login ID availability (GET)', availability);

  let next = 0;
  // Each signup hashes with scrypt (~0.4 s of one core): 50 clients queue behind the hashing, so
  // measure a full minute and allow long answers.
  const signup = await autocannon({
    url: base, connections, duration: Math.max(seconds, 60), timeout: 120,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        const i = next;
        next += 1;
        if (i >= tokens.length) return { ...request, path: '/api/v1/site', method: 'GET', body: undefined };
        return {
          ...request,
          path: '/api/v1/members',
          headers: { 'x-site-id': 'trade', 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
          body: JSON.stringify({
            memberType: 'individual', verificationToken: tokens[i],
            consents: [{ documentId: 'trade-terms', version: '2026-01-01', agreed: true }, { documentId: 'trade-privacy', version: '2026-01-01', agreed: true }],
            details: { loginId: `bench${i}x`, password: 'Bench-Passw0rd!', email: `bench${i}@example.com`, phone: '02-123-4567', address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '1층' } },
          }),
        };
      },
    }],
  });
  if (next > tokens.length) console.log(`(signup ran out of ${tokens.length} prepared verifications; the rest were GET /site)`);
  report('signup (POST, scrypt)', signup);

  // Logins of the accounts just made (each verifies one scrypt hash): logins/s and p99.
  let account = 0;
  // Signups still in flight when the run ended may not exist: use the surely finished ones.
  const created = Math.max(1, Math.min(next, tokens.length, signup['2xx']) - connections);
  // The server is still hashing the signups that were in flight: one login queues behind them, so the
  // login run starts on an idle server.
  await fetch(`${base}/session`, { method: 'POST', headers: { 'x-site-id': 'trade', 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'bench0x', password: 'Bench-Passw0rd!' }) });
  const login = await autocannon({
    url: base, connections: loginConnections, duration: Math.max(seconds, 60), timeout: 120,
    requests: [{
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: '/api/v1/session',
        headers: { 'x-site-id': 'trade', 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: `bench${(account += 1) % created}x`, password: 'Bench-Passw0rd!' }),
      }),
    }],
  });
  report('login (POST, scrypt)', login, loginConnections);
  console.log(`(${availableParallelism()} cores, password-hash threads ${process.env.UV_THREADPOOL_SIZE ?? `${Math.max(4, availableParallelism())} (serve's default)`}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
