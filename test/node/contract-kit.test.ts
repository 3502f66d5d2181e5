// The contract test kit against the real reference server: `node server/main.ts` on a free port with
// a temporary data directory, every scenario as a test, then a restart on the same data directory
// (an account made before it still signs in). The server is stopped and the directory removed even
// when something fails.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isValidBusinessNumber } from '../../src/rules/business-number.ts';
import { createContext, runScenario, selectScenarios } from '../contract/index.ts';
import { birthDateYearsAgo, brnCheckDigit, newBusinessNumber, operationOf } from '../contract/kit.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const allowedOrigin = 'https://sibling.example.test';
const running = new Set<ChildProcess>();
const dataDir = mkdtempSync(join(tmpdir(), 'membership-contract-'));

function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
// Never leave a server behind: normal exit, or the runner stopping this file.
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(1);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node server/main.ts`; resolves once it printed its "membership API" line. */
function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    MEMBERSHIP_DATA_DIR: dataDir,
    RATE_LIMIT_SCALE: '100',
    MEMBERSHIP_ALLOWED_ORIGINS: allowedOrigin,
  };
  delete env.NODE_TEST_CONTEXT;
  delete env.MEMBERSHIP_SANDBOX;
  const child = spawn(process.execPath, ['server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the reference server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('membership API')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the reference server exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
}

async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

describe('contract kit helpers', () => {
  test('BRN check digits follow docs/domain.md (valid and invalid examples), generated BRNs pass the rules module', () => {
    for (const brn of ['124-81-00998', '120-81-47521', '220-81-62517', '116-82-00276', '106-81-00030']) {
      const digits = brn.replace(/-/g, '');
      assert.equal(brnCheckDigit(digits.slice(0, 9)), Number(digits[9]), brn);
    }
    for (const brn of ['124-81-00999', '116-82-00278', '123-45-67890']) {
      const digits = brn.replace(/-/g, '');
      assert.notEqual(brnCheckDigit(digits.slice(0, 9)), Number(digits[9]), brn);
    }
    for (let i = 0; i < 200; i += 1) {
      const brn = newBusinessNumber();
      assert.ok(isValidBusinessNumber(brn), brn);
    }
  });

  test('birth dates are counted from today in Asia/Seoul', () => {
    // 20:00 UTC on 21 November is already 22 November in Seoul.
    assert.equal(birthDateYearsAgo(14, 1, new Date('2026-11-21T20:00:00Z')), '2012-11-23');
    assert.equal(birthDateYearsAgo(14, 1, new Date('2026-12-31T03:00:00Z')), '2013-01-01');
    assert.equal(birthDateYearsAgo(14, 0, new Date('2026-03-01T00:00:00Z')), '2012-03-01');
  });

  test('requests map to the operations of the contract', () => {
    const base = 'http://127.0.0.1:1/api/v1/';
    const op = (method: string, path: string) => operationOf(base, method, new URL(path, base));
    assert.equal(op('GET', 'companies/lookup')?.id, 'lookupCompany');
    assert.equal(op('PATCH', 'companies/co_1')?.id, 'updateCompany');
    assert.equal(op('GET', 'companies/co_1/members')?.id, 'listCompanyMembers');
    assert.equal(op('DELETE', 'session')?.id, 'logout');
    assert.equal(op('POST', 'verifications/vrf_1/mobile-code/resend')?.id, 'resendMobileCode');
    assert.equal(op('GET', 'no-such-operation'), null);
    assert.equal(op('GET', '/sandbox/inbox.json'), undefined);
  });
});

describe('contract kit against the reference server', async () => {
  const port = await freePort();
  const ctx = createContext({ baseUrl: `http://127.0.0.1:${port}/api/v1/`, allowedOrigin });
  let server: ChildProcess | undefined;

  before(async () => {
    server = await startServer(port, dataDir);
  });
  after(async () => {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const scenario of selectScenarios()) {
    test(scenario.name, { timeout: 60_000 }, () => runScenario(ctx, scenario));
  }

  test('restart: an account created before a restart still signs in', { timeout: 60_000 }, async () => {
    const account = await ctx.member();
    await stopServer(server);
    server = await startServer(port, dataDir);
    const session = await ctx.newBrowser().call('login', { body: { loginId: account.loginId, password: account.password } });
    assert.equal(session.member?.memberId, account.memberId);
    assert.equal(session.member?.name, account.person.name);
  });
});
