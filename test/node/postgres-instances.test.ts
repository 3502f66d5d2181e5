// Two reference servers (`node server/main.ts`) on one real PostgreSQL, started here (Debian's binaries;
// the test fails with install instructions when they are missing): the contract kit passes against
// each, and the two behave as one — one account for one login ID, one MASTER for one BRN, a session
// and a retried submit accepted by the other, an ID-check limit counted across both, demo data seeded
// once although both started together.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import postgres from 'postgres';
import type { ServerDeps } from '../../server/context.ts';
import { randomToken, sha256 } from '../../server/crypto.ts';
import { sessionCookie } from '../../server/http.ts';
import { demoAccounts } from '../../server/seed.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import { startPostgres, type TestPostgres } from '../../server/store/postgres-testing.ts';
import type { VerificationRecord } from '../../server/store/types.ts';
import { issueVerificationToken } from '../../server/verification-tokens.ts';
import { createContext, runScenario, selectScenarios, type ContractContext } from '../contract/index.ts';
import { companyDetails, newPerson, type TestPerson } from '../contract/kit.ts';
import { startServer, type ServerProcess } from './server-process.ts';

let pg: TestPostgres;
let a: ServerProcess;
let b: ServerProcess;
const contexts: Record<'A' | 'B', ContractContext | undefined> = { A: undefined, B: undefined };
const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** A database of its own on the test server, as a postgres:// URL. */
async function database(name: string): Promise<string> {
  const admin = postgres(pg.url, { onnotice: () => {} });
  try {
    await admin`CREATE DATABASE ${admin(name)}`;
  } finally {
    await admin.end();
  }
  return pg.url.replace(/\/postgres$/, `/${name}`);
}

// Every instance needs the same secret (stored SMS codes are HMACs under it): a code sent by one is
// checked by the other.
const shared = { MEMBERSHIP_SECRET: 'postgres-instances-test-secret-0123456789' };

before(async () => {
  pg = await startPostgres();
  const url = await database('instances');
  // Started together: both migrate and seed the same empty database at once.
  [a, b] = (await Promise.all([0, 1].map(() => startServer({ ...shared, DATABASE_URL: url, RATE_LIMIT_SCALE: '100' })))) as [ServerProcess, ServerProcess];
  contexts.A = createContext({ baseUrl: a.apiBase });
  contexts.B = createContext({ baseUrl: b.apiBase });
});

after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await pg?.stop();
});

/** Runs `work` with a store on the instances' database (what the servers see). */
async function withStore<T>(work: (store: PostgresStore) => Promise<T>): Promise<T> {
  const store = await PostgresStore.open(pg.url.replace(/\/postgres$/, '/instances'));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const deps = (store: PostgresStore) => ({ store, now: Date.now, config: { verificationTokenTtl: 600 } }) as unknown as ServerDeps;

/** A signup verification token of `person`, as a finished mobile verification would give it. */
async function signupToken(store: PostgresStore, person: TestPerson): Promise<string> {
  const now = Date.now();
  const verification: VerificationRecord = {
    verificationId: `race-${crypto.randomUUID()}`, siteId: 'trade', method: 'mobile', purpose: 'signup', mode: 'otp', createdAt: now,
    expiresAt: now + 600_000, sessionHash: null, resetId: null, captchaAnswer: null, claimed: null, codeHash: null, codeExpiresAt: null,
    codeAttempts: 0, resends: 0, lastSentAt: null, person: null, providerResultId: null, done: true,
  };
  await store.putVerification(verification);
  const id = crypto.randomUUID();
  const verified = {
    name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality,
    mobile: person.mobile.replace(/\D/g, ''), carrier: person.carrier, ci: `ci-${id}`, di: `di-${id}`,
  };
  return (await issueVerificationToken(deps(store), verification, verified)).verificationToken;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

/** A new member and a live session of theirs. */
async function signedInMember(store: PostgresStore): Promise<Session> {
  const id = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  const now = Date.now();
  const memberId = `mem-${id}`;
  await store.createMember({
    memberId, loginId: `m${id}`, loginKey: `m${id}`, passwordHash: 'not-used', memberType: 'individual', name: '테스트', nameEn: null,
    birthDate: '1990-01-01', gender: 'female', nationality: 'domestic', email: `m${id}@example.com`, mobile: null, phone: null, fax: null,
    department: null, position: null, address: null, interestItems: [], interestRegions: [], di: `di-${id}`, ci: `ci-${id}`,
    verifiedWith: 'mobile', joinedSiteId: 'trade', joinedAt: now,
  }, []);
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await store.createSession({ sessionHash: await sha256(token), memberId, csrfToken, createdAt: now, expiresAt: now + 3_600_000, reverifiedAt: null });
  return { cookie: `${sessionCookie}=${token}`, csrfToken };
}

/** A JSON POST to an instance (no client timeout: 50 at once queue behind password hashing). */
function post(server: ServerProcess, path: string, body: unknown, session?: Session): Promise<Response> {
  return fetch(new URL(path, server.apiBase), {
    method: 'POST',
    headers: {
      'content-type': 'application/json', 'x-site-id': 'trade', 'idempotency-key': crypto.randomUUID(),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
}

const ctx = (name: 'A' | 'B') => contexts[name]!;

// One instance after the other: side by side, their password hashing competes for the same cores.
describe('contract kit on each of two instances', () => {
  for (const name of ['A', 'B'] as const) {
    describe(`instance ${name}`, () => {
      for (const scenario of selectScenarios()) {
        test(scenario.name, { timeout: 120_000 }, () => runScenario(ctx(name), scenario));
      }
    });
  }
});

describe('two instances behave as one', () => {
  test('the demo data was seeded once although both started together', async () => {
    const sql = postgres(pg.url.replace(/\/postgres$/, '/instances'), { onnotice: () => {} });
    try {
      const logins = demoAccounts.map((account) => account.loginId);
      const [members] = await sql`SELECT count(*)::int AS n FROM members WHERE login_key IN ${sql(logins)}`;
      assert.equal(members?.['n'], demoAccounts.length);
      const roles = await sql`SELECT l.role FROM company_links l JOIN companies c USING (company_id) WHERE c.business_number = '1248100998' ORDER BY l.role`;
      assert.deepEqual(roles.map((r) => r['role']), ['associate', 'master']);
    } finally {
      await sql.end();
    }
  });

  test('50 simultaneous signups of one login ID spread over both make one account', { timeout: 300_000 }, async () => {
    const loginId = `race${Date.now().toString(36)}`;
    const people = range(50).map(() => newPerson());
    // Verified beforehand in the database (the verification flow itself is the kit's business).
    const tokens = await withStore((store) => Promise.all(people.map((person) => signupToken(store, person))));
    const consents = await ctx('A').consents();
    const answers = await Promise.all(people.map(async (person, i) => {
      const body = { memberType: 'individual', verificationToken: tokens[i], consents, details: ctx('A').signupDetails(person, loginId, 'Race2026!pw') };
      const response = await post(i % 2 === 0 ? a : b, 'members', body);
      return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code ?? 'ok' };
    }));
    assert.deepEqual(answers.filter((r) => r.status === 201).length, 1, JSON.stringify(answers));
    assert.deepEqual([...new Set(answers.filter((r) => r.status !== 201).map((r) => r.code))], ['LOGIN_ID_TAKEN']);
    for (const name of ['A', 'B'] as const) {
      const { available } = await ctx(name).newBrowser().call('checkLoginIdAvailability', { params: { loginId } });
      assert.equal(available, false);
    }
  });

  test('50 simultaneous first links of one BRN spread over both make one MASTER', { timeout: 300_000 }, async () => {
    // Members and their sessions made in the database: the race under test is the link.
    const sessions = await withStore((store) => Promise.all(range(50).map(() => signedInMember(store))));
    // The sandbox registry knows this BRN, so it registers without a certificate.
    const company = companyDetails('2208162517', await ctx('A').site());
    const answers = await Promise.all(sessions.map(async (session, i) => {
      const response = await post(i % 2 === 0 ? a : b, 'me/company', { mode: 'register', company }, session);
      return ((await response.json()) as { role?: string; error?: { code: string } }).role ?? 'error';
    }));
    assert.equal(answers.filter((r) => r === 'master').length, 1, answers.join(', '));
    assert.equal(answers.filter((r) => r === 'associate').length, 49, answers.join(', '));
  });

  test('an SMS code confirmed at once on both instances gives one usable verification token', async () => {
    // 20 verifications, each confirmed on A and on B at the same moment. The later confirm is a repeat of
    // an accepted one (as after a lost answer): it may answer too, but voids the earlier token, so exactly
    // one token of each verification can be used.
    const first = Math.floor(Math.random() * 9000);
    const pending = await Promise.all(range(20).map(async (i) => {
      const browser = ctx('A').newBrowser();
      // Distinct numbers: the code is read back from the shared outbox by number.
      const person = newPerson({ mobile: `010-9999-${String(first + i).padStart(4, '0')}` });
      const start = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'find-id' } });
      assert.equal(start.kind, 'otp');
      const { verificationId } = start;
      await browser.call('requestMobileCode', { params: { verificationId }, body: ctx('A').mobileCodeBody(person, await ctx('A').captchaAnswer(verificationId)) });
      const code = await ctx('B').latestCode(person.mobile);
      assert.ok(code, 'the sandbox SMS is in the shared outbox');
      return { verificationId, code };
    }));
    const confirm = (name: 'A' | 'B', { verificationId, code }: (typeof pending)[number]) =>
      ctx(name).newBrowser().call('confirmMobileCode', { params: { verificationId }, body: { code } });
    const outcomes = await Promise.all(pending.map((p) => Promise.allSettled([confirm('A', p), confirm('B', p)])));
    for (const results of outcomes) {
      const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
      assert.ok(codes.every((code) => code === 'VERIFICATION_INVALID'), `answers other than a token: ${codes.join(', ')}`);
      const tokens = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.verificationToken] : []));
      const usable = await Promise.all(tokens.map((verificationToken, i) =>
        ctx(i % 2 === 0 ? 'B' : 'A').newBrowser().call('findLoginIds', { body: { verificationToken } }).then(
          () => true,
          (error: { code?: string }) => (assert.equal(error.code, 'VERIFICATION_INVALID'), false),
        )));
      assert.equal(usable.filter(Boolean).length, 1, `usable tokens of ${tokens.length}`);
    }
  });

  test('a session made on one instance is accepted by the other, and ended there for both', async () => {
    const account = await ctx('A').member();
    const onA = await ctx('A').signIn(account);
    const cookie = onA.lastSetCookie.map((line) => line.split(';')[0]).join('; ');
    const getSession = (server: ServerProcess) =>
      fetch(new URL('session', server.apiBase), { headers: { cookie, 'x-site-id': 'trade' } }).then((r) => r.json() as Promise<{ member: { memberId: string } | null; csrfToken: string | null }>);
    const onB = await getSession(b);
    assert.equal(onB.member?.memberId, account.memberId);
    const logout = await fetch(new URL('session', b.apiBase), { method: 'DELETE', headers: { cookie, 'x-site-id': 'trade', 'x-csrf-token': onB.csrfToken ?? '' } });
    assert.equal(logout.status, 204);
    assert.equal((await getSession(a)).member, null);
  });

  test('a retried signup (same Idempotency-Key) that lands on the other instance is still one account', async () => {
    const person = newPerson();
    const onA = ctx('A').newBrowser();
    const loginId = `retry${Date.now().toString(36)}`;
    const body = {
      memberType: 'individual' as const,
      ...(await ctx('A').signupTokens(onA, person)),
      consents: await ctx('A').consents(),
      details: ctx('A').signupDetails(person, loginId, 'Retry2026!pw'),
    };
    const idempotencyKey = crypto.randomUUID();
    const first = await onA.call('createMember', { body }, { idempotencyKey });
    const retried = await ctx('B').newBrowser().call('createMember', { body }, { idempotencyKey });
    assert.deepEqual(retried, first);
    const { accounts } = await ctx('B').newBrowser().call('findLoginIds', { body: { verificationToken: await ctx('B').verify(ctx('B').newBrowser(), 'find-id', person) } });
    assert.equal(accounts.length, 1);
  });
});

describe('rate limits shared by two instances', () => {
  let c: ServerProcess;
  let d: ServerProcess;
  before(async () => {
    // Their own database and the normal limits (60 ID checks a minute per client).
    const url = await database('limits');
    [c, d] = (await Promise.all([0, 1].map(() => startServer({ ...shared, DATABASE_URL: url })))) as [ServerProcess, ServerProcess];
  });
  after(() => Promise.all([c?.stop(), d?.stop()]));

  test('the ID-check limit counts the checks made on both', async () => {
    const check = (server: ServerProcess, i: number) =>
      fetch(new URL(`login-ids/free${i}x/availability`, server.apiBase), { headers: { 'x-site-id': 'trade' } });
    const statuses = await Promise.all(range(60).map((i) => check(i % 2 === 0 ? c : d, i).then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([200]), 'each instance saw 30 checks: within the limit');
    for (const server of [c, d]) {
      const over = await check(server, 99);
      assert.equal(over.status, 429, 'the 61st check, on either instance, is over the shared limit');
      assert.ok(Number(over.headers.get('retry-after')) > 0);
    }
  });
});
