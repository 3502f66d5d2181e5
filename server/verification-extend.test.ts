import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMembershipError, type MembershipClient } from '../src/api/index.ts';
import { codeTtlMs, verificationMaxLifetimeMs } from './routes/verification.ts';
import { getSandboxPerson, sandboxPersonIds } from './sandbox/people.ts';
import { latestSandboxCode, mobileCodeBody } from './sandbox/testing.ts';
import { testServer, type TestServer } from './testing.ts';

// extendMobileCode (WCAG 2.2.1): more time for the code already sent, never a new code.
const { hong } = sandboxPersonIds;

async function rejects(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMembershipError(error), String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function withCode(h: TestServer, client: MembershipClient) {
  const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
  const { verificationId } = start;
  const status = await client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, hong) });
  const code = await latestSandboxCode(h, getSandboxPerson(hong).mobile);
  assert.ok(code);
  return { verificationId, status, code };
}

describe('extendMobileCode', () => {
  it('gives the same code a full period again, sends nothing, and the code still works after the old limit', async () => {
    const h = testServer();
    const client = h.client();
    const { verificationId, status, code } = await withCode(h, client);
    h.advance(150_000);
    const extended = await client.call('extendMobileCode', { params: { verificationId } });
    assert.equal(Date.parse(extended.expiresAt) - Date.parse(status.expiresAt), 150_000, 'a full period from now');
    assert.equal(extended.resendAvailableAt, status.resendAvailableAt, 'the resend wait is unchanged');
    assert.equal(extended.resendsLeft, status.resendsLeft, 'no resend used');
    assert.equal((await h.deps.store.listSandboxMessages(10)).length, 1, 'no new SMS');
    h.advance(codeTtlMs - 1_000);
    const result = await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    assert.equal(result.method, 'mobile');
    await rejects(client.call('extendMobileCode', { params: { verificationId } }), 'VERIFICATION_INVALID');
  });

  it('keeps the verification alive past its 10 minutes while extended, up to its longest life', async () => {
    const h = testServer();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    const startedAt = h.deps.now();
    let extensions = 0;
    let expiresAt = 0;
    while (expiresAt < startedAt + verificationMaxLifetimeMs) {
      h.advance(codeTtlMs - 10_000);
      expiresAt = Date.parse((await client.call('extendMobileCode', { params: { verificationId } })).expiresAt);
      extensions += 1;
      assert.ok(extensions < 20, 'the extensions end');
    }
    assert.ok(extensions >= 9, `at least nine extensions within ${verificationMaxLifetimeMs / 60_000} minutes (got ${extensions})`);
    assert.ok(h.deps.now() > startedAt + 10 * 60_000, 'past the 10 minutes of a verification');
    await rejects(client.call('extendMobileCode', { params: { verificationId } }), 'ATTEMPTS_EXCEEDED');
    const result = await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    assert.equal(result.method, 'mobile', 'the code still works in its last period');
  });

  it('refuses an expired code (ask for a new one), no code yet, another site and an unknown id', async () => {
    const h = testServer();
    const client = h.client();
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
    await rejects(client.call('extendMobileCode', { params: { verificationId: start.verificationId } }), 'VERIFICATION_NOT_FOUND');
    const { verificationId } = await withCode(h, client);
    await rejects(h.client('animal').call('extendMobileCode', { params: { verificationId } }), 'VERIFICATION_NOT_FOUND');
    await rejects(client.call('extendMobileCode', { params: { verificationId: 'vrf_nope' } }), 'VERIFICATION_NOT_FOUND');
    h.advance(codeTtlMs);
    await rejects(client.call('extendMobileCode', { params: { verificationId } }), 'CODE_EXPIRED');
  });
});
