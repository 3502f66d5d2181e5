// Session and CSRF at the HTTP level: cookie flags, a new session id on every sign-in (a planted one is
// never adopted), logout ends the session on the server, state changes need the CSRF header and refuse
// cross-site requests. The cross-site HTML form in a real browser is in browser.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sha256 } from '../../server/crypto.ts';
import { attackServer, putMember, type AttackServer } from './harness.ts';

const cookieOf = (headers: Headers) => headers.getSetCookie().find((line) => /session/i.test(line.split('=')[0]!)) ?? '';
const valueOf = (line: string) => line.split(';')[0]!.split('=').slice(1).join('=');

describe('session and CSRF', () => {
  let h: AttackServer;
  before(async () => {
    h = await attackServer();
    await putMember(h, 'sessionuser');
  });
  after(() => h.close());

  test('the session cookie is HttpOnly, SameSite=Lax, Path=/ (and Secure with __Host- on an https origin)', async () => {
    const plain = cookieOf((await h.agent().login('sessionuser')).headers);
    assert.match(plain, /HttpOnly/i);
    assert.match(plain, /SameSite=Lax/i);
    assert.match(plain, /Path=\//i);
    assert.doesNotMatch(plain, /Domain=/i, 'host-only');
    const https = await attackServer({ config: { origin: 'https://membership.example' } });
    try {
      await putMember(https, 'sessionuser');
      const answer = await https.app.fetch(new Request('https://membership.example/api/v1/session', {
        method: 'POST', headers: { 'x-site-id': 'trade', 'content-type': 'application/json', origin: 'https://membership.example' },
        body: JSON.stringify({ loginId: 'sessionuser', password: 'Attack!2026pw' }),
      }));
      assert.equal(answer.status, 200);
      const secure = cookieOf(answer.headers);
      assert.match(secure, /^__Host-/);
      assert.match(secure, /;\s*Secure/i);
      assert.match(secure, /HttpOnly/i);
    } finally {
      https.close();
    }
  });

  test('every sign-in issues a new session id; a planted id is never adopted', async () => {
    const agent = h.agent();
    const first = valueOf(cookieOf((await agent.login('sessionuser')).headers));
    const second = valueOf(cookieOf((await agent.login('sessionuser')).headers));
    assert.ok(first && second && first !== second, 'rotated on sign-in');
    // Session fixation: the attacker's chosen cookie value before the victim signs in.
    const victim = h.agent();
    const planted = 'planted-session-id-0123456789abcdef';
    victim.jar.store(new Response(null, { headers: { 'set-cookie': `${cookieOf((await h.agent().login('sessionuser')).headers).split('=')[0]}=${planted}; Path=/` } }));
    const issued = valueOf(cookieOf((await victim.login('sessionuser')).headers));
    assert.notEqual(issued, planted);
    assert.equal(await h.store.getSession(await sha256(planted)), null);
  });

  test('logout ends the session on the server: the old cookie replayed afterwards is signed out', async () => {
    const agent = h.agent();
    const token = valueOf(cookieOf((await agent.login('sessionuser')).headers));
    const csrf = agent.csrfToken!;
    assert.equal((await agent.get('/me')).status, 200);
    assert.equal((await agent.del('/session')).status, 204);
    assert.equal(await h.store.getSession(await sha256(token)), null, 'gone from the store');
    const replay = await h.app.fetch(new Request('http://membership.test/api/v1/me', { headers: { 'x-site-id': 'trade', cookie: `${cookieOf((await h.agent().login('sessionuser')).headers).split('=')[0]}=${token}`, 'x-csrf-token': csrf } }));
    assert.equal(replay.status, 401);
  });

  test('a state change without the CSRF header, or with another session\'s, is refused', async () => {
    const agent = h.agent();
    await agent.login('sessionuser');
    const other = h.agent();
    await other.login('sessionuser');
    for (const token of ['', 'forged', other.csrfToken!]) {
      const answer = await agent.patch('/me', { email: 'changed@example.com' }, { 'x-csrf-token': token });
      assert.equal(answer.status, 403, `token ${JSON.stringify(token)}`);
      assert.equal(answer.body.error.code, 'CSRF_INVALID');
    }
    assert.equal((await h.store.findMemberByLoginKey('sessionuser'))?.email, 'sessionuser@example.com');
  });

  test('state-changing requests from another site are refused (Origin, Sec-Fetch-Site, text/plain form bodies)', async () => {
    const body = JSON.stringify({ loginId: 'sessionuser', password: 'Attack!2026pw' });
    const tries: [string, Record<string, string>][] = [
      ['foreign Origin', { origin: 'https://evil.example', 'content-type': 'application/json' }],
      ['null Origin (sandboxed frame)', { origin: 'null', 'content-type': 'application/json' }],
      ['cross-site fetch metadata', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
      ['text/plain form, foreign Origin', { origin: 'https://evil.example', 'content-type': 'text/plain' }],
      ['text/plain form, no Origin', { 'content-type': 'text/plain' }],
      ['urlencoded form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ];
    for (const [name, headers] of tries) {
      const answer = await h.app.fetch(new Request('http://membership.test/api/v1/session', { method: 'POST', headers: { 'x-site-id': 'trade', ...headers }, body }));
      assert.ok([403, 415].includes(answer.status), `${name}: ${answer.status}`);
      assert.equal(cookieOf(answer.headers), '', `${name}: no session cookie`);
    }
  });
});
