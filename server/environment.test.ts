import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, readEnvironment } from './env.ts';
import { demoPassword, seedDemoData } from './seed.ts';
import { testServer } from './testing.ts';

const secret = 'x'.repeat(32);

describe('environment', () => {
  test('RATE_LIMIT_SCALE is only a finite number ≥ 1', () => {
    assert.equal(readEnvironment({}, 'demo').rateLimitScale, 1);
    assert.equal(readEnvironment({ RATE_LIMIT_SCALE: '1000' }, 'demo').rateLimitScale, 1000);
    for (const bad of ['Infinity', '-1', '0.5', '0', 'NaN', 'lots', '1e400']) {
      assert.throws(() => readEnvironment({ RATE_LIMIT_SCALE: bad }, 'demo'), ConfigError, bad);
    }
    assert.throws(() => testServer({ config: { rateLimitScale: Number.POSITIVE_INFINITY } }), RangeError);
  });

  test('the demo runs the sandbox unless told off; the deployable entry only when told on', () => {
    assert.equal(readEnvironment({}, 'demo').sandbox, true);
    assert.equal(readEnvironment({ MEMBERSHIP_SANDBOX: 'off' }, 'demo').sandbox, false);
    assert.equal(readEnvironment({ MEMBERSHIP_SECRET: secret }, 'serve').sandbox, false);
    assert.equal(readEnvironment({ MEMBERSHIP_SECRET: secret, MEMBERSHIP_SANDBOX: 'on' }, 'serve').sandbox, true);
    assert.throws(() => readEnvironment({ MEMBERSHIP_SANDBOX: 'of' }, 'demo'), ConfigError);
  });

  test('the sandbox is refused with an https PUBLIC_ORIGIN, in both entries', () => {
    const https = { PUBLIC_ORIGIN: 'https://members.example.go.kr', MEMBERSHIP_SECRET: secret };
    assert.throws(() => readEnvironment({ ...https, MEMBERSHIP_SANDBOX: 'on' }, 'serve'), /sandbox .* refused with an https PUBLIC_ORIGIN/);
    assert.throws(() => readEnvironment(https, 'demo'), ConfigError);
    assert.equal(readEnvironment(https, 'serve').sandbox, false);
  });

  test('the deployable entry needs a long secret; TRUST_PROXY is a hop count', () => {
    assert.throws(() => readEnvironment({}, 'serve'), /MEMBERSHIP_SECRET is required/);
    assert.throws(() => readEnvironment({ MEMBERSHIP_SECRET: 'short' }, 'serve'), /at least 32/);
    assert.equal(readEnvironment({ TRUST_PROXY: '2' }, 'demo').trustProxyHops, 2);
    assert.equal(readEnvironment({}, 'demo').trustProxyHops, 0);
    assert.throws(() => readEnvironment({ TRUST_PROXY: 'yes' }, 'demo'), ConfigError);
    // The local demo answers pages opened as localhost and as 127.0.0.1.
    assert.deepEqual(readEnvironment({ PORT: '9000' }, 'demo').allowedOrigins, ['http://127.0.0.1:9000']);
    assert.deepEqual(readEnvironment({ MEMBERSHIP_SECRET: secret, MEMBERSHIP_ALLOWED_ORIGINS: 'https://a.example, https://b.example/' }, 'serve').allowedOrigins, ['https://a.example', 'https://b.example']);
  });
});

describe('session cookie', () => {
  test('on an https origin it is Secure and __Host- prefixed, and is read back under that name', async () => {
    const h = testServer({ config: { origin: 'https://members.example.go.kr' } });
    await seedDemoData(h.deps);
    const client = h.client();
    await client.call('login', { body: { loginId: 'demomember', password: demoPassword } });
    assert.equal((await client.call('getSession', {})).member?.loginId, 'demomember');
    const raw = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'demomember', password: demoPassword }) });
    const cookie = raw.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^__Host-mb_session=[^;]+/);
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Domain=/i);
  });

  test('behind a trusted TLS proxy (X-Forwarded-Proto: https) it is Secure even on an http origin', async () => {
    const h = testServer({ config: { trustProxyHops: 1 } });
    await seedDemoData(h.deps);
    const body = JSON.stringify({ loginId: 'demomember', password: demoPassword });
    const proxied = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body });
    assert.match(proxied.headers.get('set-cookie') ?? '', /; Secure/);
    const plain = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body });
    assert.doesNotMatch(plain.headers.get('set-cookie') ?? '', /; Secure/);
  });
});

describe('client address behind a proxy', () => {
  const check = (h: ReturnType<typeof testServer>, forwardedFor: string) =>
    h.request('/api/v1/login-ids/someone1/availability', { site: 'trade', headers: { 'x-forwarded-for': forwardedFor } });

  test('with TRUST_PROXY=1 each client behind the proxy has its own limit; a forged left entry does not help', async () => {
    const h = testServer({ config: { trustProxyHops: 1 } });
    for (let i = 0; i < 60; i += 1) assert.equal((await check(h, `1.1.1.${i}, 10.0.0.1`)).status, 200);
    assert.equal((await check(h, '2.2.2.2, 10.0.0.1')).status, 429, 'the proxy-appended entry counts, not the forged one');
    assert.equal((await check(h, '10.0.0.2')).status, 200, 'another client has its own bucket');
  });

  test('without a trusted proxy X-Forwarded-For is ignored (no escaping the limit by forging it)', async () => {
    const h = testServer();
    for (let i = 0; i < 60; i += 1) assert.equal((await check(h, `1.1.1.${i}`)).status, 200);
    assert.equal((await check(h, '9.9.9.9')).status, 429);
  });
});
