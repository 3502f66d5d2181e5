// Verification tokens and provider results at the server: replayed, expired, foreign-site and
// other-purpose tokens are refused, and a provider result is exchanged once only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sha256 } from '../../server/crypto.ts';
import { sandboxPersonIds } from '../../server/sandbox/people.ts';
import { verifyByIpin, verifyByMobile } from '../../server/sandbox/testing.ts';
import { attackServer, consents, printTable, signupBody, verificationToken, type AttackServer } from './harness.ts';

const rows: string[][] = [];

describe('verification tokens and provider results', () => {
  let h: AttackServer;
  let answers: unknown[];
  before(async () => {
    h = await attackServer();
    answers = await consents(h);
  });
  after(() => {
    printTable('Verification tokens: misuse → answer', ['misuse', 'HTTP', 'code'], rows);
    h.close();
  });

  const signup = (token: string, loginId: string, site = 'trade') => h.agent(site).post('/members', signupBody(token, loginId, answers), { 'idempotency-key': crypto.randomUUID() });
  const refused = (name: string, answer: { status: number; body: any }, code: string) => {
    rows.push([name, String(answer.status), answer.body?.error?.code ?? '(none)']);
    assert.ok(answer.status >= 400 && answer.status < 500, `${name}: ${answer.status}`);
    assert.equal(answer.body.error.code, code, name);
  };

  test('a token used once is refused the second time (signup, find ID, a real mobile verification)', async () => {
    const { token } = await verificationToken(h);
    assert.equal((await signup(token, 'replay01')).status, 201);
    refused('signup token replayed', await signup(token, 'replay02'), 'VERIFICATION_INVALID');
    assert.equal(await h.store.findMemberByLoginKey('replay02'), null);
    const client = h.client();
    const real = await verifyByMobile(h, client, sandboxPersonIds.hong, 'find-id');
    assert.equal((await h.agent().post('/account-recovery/login-ids', { verificationToken: real.verificationToken })).status, 200);
    refused('find-ID token (mobile) replayed', await h.agent().post('/account-recovery/login-ids', { verificationToken: real.verificationToken }), 'VERIFICATION_INVALID');
  });

  test('an expired token is refused', async () => {
    const { token } = await verificationToken(h);
    h.advance(h.deps.config.verificationTokenTtl * 1000 + 1);
    refused('expired signup token', await signup(token, 'expired01'), 'VERIFICATION_EXPIRED');
  });

  test('a token of another site or another purpose is refused', async () => {
    refused('token of the animal site on trade', await signup((await verificationToken(h, { site: 'animal' })).token, 'foreign01'), 'VERIFICATION_INVALID');
    refused('find-ID token for a signup', await signup((await verificationToken(h, { purpose: 'find-id' })).token, 'purpose01'), 'VERIFICATION_PURPOSE_MISMATCH');
    refused('signup token for find ID', await h.agent().post('/account-recovery/login-ids', { verificationToken: (await verificationToken(h)).token }), 'VERIFICATION_PURPOSE_MISMATCH');
    refused('reverify token for a signup', await signup((await verificationToken(h, { purpose: 'reverify' })).token, 'purpose02'), 'VERIFICATION_PURPOSE_MISMATCH');
    refused('made-up token', await signup('x'.repeat(43), 'madeup01'), 'VERIFICATION_INVALID');
    for (const id of ['foreign01', 'purpose01', 'purpose02', 'madeup01']) assert.equal(await h.store.findMemberByLoginKey(id), null);
  });

  test('a provider (i-PIN) result is exchanged once: a replay, also from another browser, is refused', async () => {
    const client = h.client();
    const result = await verifyByIpin(h, client, sandboxPersonIds.hong, 'signup');
    const record = await h.store.getVerificationToken(await sha256(result.verificationToken));
    const verification = await h.store.getVerification(record!.verificationId);
    assert.ok(verification?.providerResultId, 'the provider left a result id');
    const path = `/verifications/${verification.verificationId}/provider-result`;
    const again = await h.agent().post(path, { resultId: verification.providerResultId }, { 'idempotency-key': crypto.randomUUID() });
    rows.push(['provider result exchanged again (other browser)', String(again.status), again.body?.error?.code ?? '(none)']);
    assert.ok(again.status >= 400 && again.status < 500, `replayed exchange answered ${again.status} ${JSON.stringify(again.body)}`);
    assert.equal(again.body.verificationToken, undefined, 'no second token');
  });

  test('a provider result is not accepted for another verification, and a redirect never returns to a foreign origin', async () => {
    const client = h.client();
    const first = await verifyByIpin(h, client, sandboxPersonIds.hong, 'signup');
    const record = await h.store.getVerificationToken(await sha256(first.verificationToken));
    const { providerResultId } = (await h.store.getVerification(record!.verificationId))!;
    const other = await h.agent().post('/verifications', { method: 'ipin', purpose: 'signup', mode: 'popup' }, { 'idempotency-key': crypto.randomUUID() });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    const swapped = await h.agent().post(`/verifications/${other.body.verificationId}/provider-result`, { resultId: providerResultId }, { 'idempotency-key': crypto.randomUUID() });
    rows.push(['provider result of another verification', String(swapped.status), swapped.body?.error?.code ?? '(none)']);
    assert.ok(swapped.status >= 400 && swapped.status < 500, `answered ${swapped.status}`);
    for (const returnUrl of ['https://evil.example/return', 'javascript:alert(1)', '//evil.example/return']) {
      const start = await h.agent().post('/verifications', { method: 'ipin', purpose: 'signup', mode: 'redirect', returnUrl }, { 'idempotency-key': crypto.randomUUID() });
      rows.push([`redirect returnUrl ${returnUrl}`, String(start.status), start.body?.error?.code ?? '(none)']);
      assert.ok(start.status >= 400 && start.status < 500, `${returnUrl}: ${start.status}`);
    }
  });
});
