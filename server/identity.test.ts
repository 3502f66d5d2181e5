import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IdentityProvider, MobileClaim } from './identity.ts';
import { testServer } from './testing.ts';

// An agency's provider plugged in through the interface: the flow, captcha and tokens stay the server's.

function agencyProvider() {
  const sent: { mobile: string; code: string }[] = [];
  const claims: MobileClaim[] = [];
  const provider: IdentityProvider = {
    name: 'agency-test',
    async checkMobileClaim(claim) {
      claims.push(claim);
      if (claim.name !== '김민원') return { ok: false, code: 'IDENTITY_MISMATCH', message: 'not the subscriber' };
      return { ok: true, person: { ...claim, ci: 'agency-ci-1', di: 'agency-di-1' } };
    },
    async sendCode(mobile, code) {
      sent.push({ mobile, code });
    },
    pageMethods: () => [],
  };
  return { provider, sent, claims };
}

describe('identity provider interface', () => {
  test('a given provider checks the claim and sends the code; the token carries its CI/DI; no sandbox pages', async () => {
    const { provider, sent, claims } = agencyProvider();
    const h = testServer({ identity: provider, config: { sandbox: false } });
    const client = h.client();
    assert.deepEqual((await client.call('getSiteConfig', {})).verificationMethods.map((m) => m.id), ['mobile'], 'page methods only if the provider has them');
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
    const record = await h.deps.store.getVerification(start.verificationId);
    const claim = { carrier: 'KT' as const, name: '김민원', birthDate: '1990-05-05', gender: 'female' as const, nationality: 'domestic' as const, mobile: '010-2222-3333' };
    await client.call('requestMobileCode', { params: { verificationId: start.verificationId }, body: { ...claim, captchaAnswer: record!.captchaAnswer!, providerTermsAgreed: true } });
    assert.deepEqual(claims, [{ ...claim, mobile: '01022223333' }]);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.mobile, '01022223333');
    const result = await client.call('confirmMobileCode', { params: { verificationId: start.verificationId }, body: { code: sent[0]!.code } });
    assert.equal(result.person.name, '김민원');
    const token = await h.deps.store.listSandboxMessages(10);
    assert.deepEqual(token, [], 'nothing went to the sandbox inbox');
    assert.equal((await h.request('/sandbox/inbox')).status, 404);
  });

  test("the provider's refusal is the contract's error, and no code is sent", async () => {
    const { provider, sent } = agencyProvider();
    const h = testServer({ identity: provider });
    const client = h.client();
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
    const record = await h.deps.store.getVerification(start.verificationId);
    const body = { carrier: 'KT' as const, name: '다른사람', birthDate: '1990-05-05', gender: 'female' as const, nationality: 'domestic' as const, mobile: '010-2222-3333', captchaAnswer: record!.captchaAnswer!, providerTermsAgreed: true as const };
    await assert.rejects(client.call('requestMobileCode', { params: { verificationId: start.verificationId }, body }), { code: 'IDENTITY_MISMATCH' });
    assert.equal(sent.length, 0);
  });
});
