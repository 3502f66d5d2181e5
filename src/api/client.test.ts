// Node has no `location`: a client with a relative API base (as a page would configure it) must not
// throw when it is built during a server-side import; its calls fail as a MembershipError.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MembershipClient } from './client.ts';
import { MembershipError } from './errors.ts';

test('a relative api-base without a location constructs, and calls fail as NETWORK_ERROR', async () => {
  assert.equal(globalThis.location, undefined);
  const client = new MembershipClient({ apiBase: '/api/v1', siteId: 'trade', retryLimit: 0 });
  assert.equal(client.apiBase.pathname, '/api/v1/');
  const failure = await client.call('getSiteConfig', {}).catch((error: unknown) => error);
  assert.ok(failure instanceof MembershipError, String(failure));
  assert.equal(failure.code, 'NETWORK_ERROR');
});

test('an absolute api-base still resolves as before', () => {
  const client = new MembershipClient({ apiBase: 'https://members.example.go.kr/api/v1', siteId: 'trade' });
  assert.equal(client.apiBase.href, 'https://members.example.go.kr/api/v1/');
  assert.equal(client.captchaUrl('v1').startsWith('https://members.example.go.kr/api/v1/'), true);
});

test('every operation is loaded from the group module that defines it, and the captcha paths match the contract', async () => {
  const { operations } = await import('./contract.ts');
  const { operationGroups } = await import('./operation-groups.ts');
  assert.deepEqual(Object.keys(operationGroups).sort(), Object.keys(operations).sort());
  for (const [id, group] of Object.entries(operationGroups)) {
    assert.equal((await group())[id], operations[id as keyof typeof operations], id);
  }
  const client = new MembershipClient({ apiBase: 'https://members.example.go.kr/api/v1/', siteId: 'trade' });
  const image = new URL(client.captchaUrl('v1'));
  const audio = new URL(client.captchaAudioUrl('v1', 'ko'));
  assert.equal(image.pathname, `/api/v1${operations.getCaptchaImage.path.replace('{verificationId}', 'v1')}`);
  assert.equal(audio.pathname, `/api/v1${operations.getCaptchaAudio.path.replace('{verificationId}', 'v1')}`);
});
