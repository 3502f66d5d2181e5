// Enumeration: login, find-ID, reset and signup answer an existing and an unknown ID in the same shape,
// and the password work (scrypt, counted through the hasher) happens on both paths. Timing is printed
// as a figure (median, p90), never asserted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scryptHasher } from '../../server/scrypt.ts';
import { attackServer, consents, newPerson, printTable, putMember, signupBody, spread, verificationToken, type Answer, type AttackServer } from './harness.ts';

const samples = 15;
const figures: string[][] = [];

/** The JSON's shape: keys and value types, arrays by their first element; the message text too. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}
const sameAnswer = (a: Answer, b: Answer) => ({ status: a.status === b.status, shape: JSON.stringify(shape(a.body)) === JSON.stringify(shape(b.body)) });

async function timed(run: () => Promise<Answer>): Promise<{ answer: Answer; ms: number }> {
  const started = performance.now();
  const answer = await run();
  return { answer, ms: performance.now() - started };
}

describe('enumeration (real scrypt, cost 2^13 to keep the run short)', () => {
  let h: AttackServer;
  before(async () => {
    h = await attackServer({ hasher: scryptHasher(2 ** 13) });
    await putMember(h, 'existing01');
    // The first sign-in of the process hashes the stand-in password unknown IDs are checked against.
    await h.agent().login('warmup01', 'Wrong!2026pw');
  });
  after(() => {
    printTable('Enumeration: existing vs unknown ID (ms, sequential, this machine under load)', ['operation', 'existing median', 'existing p90', 'unknown median', 'unknown p90', 'hash work existing/unknown'], figures);
    h.close();
  });

  /** Runs both paths alternately, `samples` times; the hasher calls per request on each path. */
  async function compare(name: string, existing: () => Promise<Answer>, unknown: () => Promise<Answer>) {
    const times = { existing: [] as number[], unknown: [] as number[] };
    const work = { existing: 0, unknown: 0 };
    let answers: { existing?: Answer; unknown?: Answer } = {};
    for (let i = 0; i < samples; i += 1) {
      for (const path of ['existing', 'unknown'] as const) {
        const before = h.counts.hash + h.counts.verify;
        const { answer, ms } = await timed(path === 'existing' ? existing : unknown);
        work[path] += h.counts.hash + h.counts.verify - before;
        times[path].push(ms);
        answers[path] ??= answer;
        h.advance(60_000); // no rate limit or throttle between samples
      }
    }
    const e = spread(times.existing);
    const u = spread(times.unknown);
    figures.push([name, e.median.toFixed(1), e.p90.toFixed(1), u.median.toFixed(1), u.p90.toFixed(1), `${(work.existing / samples).toFixed(2)} / ${(work.unknown / samples).toFixed(2)}`]);
    return { answers: answers as Required<typeof answers>, work };
  }

  test('login: a wrong password and an unknown ID answer alike, both verify a hash', async () => {
    const agent = h.agent();
    const { answers, work } = await compare('login', () => agent.login('existing01', 'Wrong!2026pw'), () => agent.login('unknown01', 'Wrong!2026pw'));
    assert.deepEqual(sameAnswer(answers.existing, answers.unknown), { status: true, shape: true });
    assert.equal(answers.existing.body.error.code, 'INVALID_CREDENTIALS');
    assert.equal(answers.existing.body.error.message, answers.unknown.body.error.message);
    assert.equal(work.existing, samples, 'one hash verification per try on an existing ID');
    assert.equal(work.unknown, samples, 'and one on an unknown ID');
  });

  test('password reset start: the same answer whether the ID exists and the mobile matches or not', async () => {
    const agent = h.agent();
    const { answers } = await compare('reset start', () => agent.post('/account-recovery/password-resets', { loginId: 'existing01', mobile: '010-9999-0000' }, { 'idempotency-key': crypto.randomUUID() }),
      () => agent.post('/account-recovery/password-resets', { loginId: 'unknown01', mobile: '010-1111-2222' }, { 'idempotency-key': crypto.randomUUID() }));
    assert.deepEqual(sameAnswer(answers.existing, answers.unknown), { status: true, shape: true });
    assert.ok(answers.existing.status < 300, JSON.stringify(answers.existing.body));
  });

  test('find ID: a verified person with and without accounts get the same shape', async () => {
    const member = await h.store.findMemberByLoginKey('existing01');
    const person = { ...newPerson(), di: member!.di, ci: member!.ci };
    const agent = h.agent();
    const { answers } = await compare('find ID',
      async () => agent.post('/account-recovery/login-ids', { verificationToken: (await verificationToken(h, { person, purpose: 'find-id' })).token }),
      async () => agent.post('/account-recovery/login-ids', { verificationToken: (await verificationToken(h, { purpose: 'find-id' })).token }));
    assert.equal(answers.existing.status, answers.unknown.status);
    assert.deepEqual(Object.keys(answers.existing.body), Object.keys(answers.unknown.body));
    assert.equal(answers.existing.body.accounts.length, 1, 'the verified owner sees their (masked) ID');
    assert.deepEqual(answers.unknown.body.accounts, []);
  });

  test('signup: a taken ID costs the same password hash as a free one (the answer itself is the 중복확인 verdict)', async () => {
    const answers = await consents(h);
    const agent = h.agent();
    let free = 0;
    const { answers: got, work } = await compare('signup',
      async () => agent.post('/members', signupBody((await verificationToken(h)).token, 'existing01', answers), { 'idempotency-key': crypto.randomUUID() }),
      async () => agent.post('/members', signupBody((await verificationToken(h)).token, `freshid${(free += 1)}`, answers), { 'idempotency-key': crypto.randomUUID() }));
    assert.equal(got.existing.body.error.code, 'LOGIN_ID_TAKEN');
    assert.equal(got.unknown.status, 201);
    assert.equal(work.existing, samples, 'the taken ID was hashed too');
    assert.equal(work.unknown, samples);
  });

  test('the stand-in hash is each server\'s own: a second server in the process still does the work for unknown IDs', async () => {
    // A first server with a cheap hasher signs in an unknown ID, then one with scrypt does the same.
    const cheap = await attackServer();
    await cheap.agent().login('nobody01', 'Wrong!2026pw');
    cheap.close();
    const checkedAgainst: string[] = [];
    const scrypt = scryptHasher(2 ** 10);
    const second = await attackServer({ hasher: { hash: scrypt.hash, verify: (value, stored) => (checkedAgainst.push(stored.split('$').slice(0, 2).join('$')), scrypt.verify(value, stored)) } });
    try {
      await second.agent().login('nobody02', 'Wrong!2026pw');
      assert.deepEqual(checkedAgainst, ['scrypt$1024'], 'the unknown ID was checked against a hash of this server\'s own kind and cost');
    } finally {
      second.close();
    }
  });
});
