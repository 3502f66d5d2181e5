// Sessions: sign in, CSRF token, sign out; no account enumeration; raw protocol refusals.
import assert from 'node:assert/strict';
import { expectError, expectErrorResponse, newLoginId, type Scenario } from './kit.ts';

export function sessionScenarios(): Scenario[] {
  return [
    {
      name: 'session: login sets an HttpOnly SameSite=Lax cookie; getSession answers the member and the CSRF token; logout ends it',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const signedOut = await browser.call('getSession', {});
        assert.deepEqual(signedOut, { member: null, csrfToken: null });

        const login = await browser.call('login', { body: { loginId: account.loginId, password: account.password } });
        assert.equal(login.member?.memberId, account.memberId);
        assert.ok(login.csrfToken, 'login answers a CSRF token');
        const cookie = browser.lastSetCookie.join('\n');
        assert.match(cookie, /httponly/i, 'the session cookie is HttpOnly');
        assert.match(cookie, /samesite=lax/i, 'the session cookie is SameSite=Lax');

        const session = await browser.call('getSession', {});
        assert.equal(session.member?.memberId, account.memberId);
        assert.equal(session.csrfToken, login.csrfToken, 'getSession answers the session CSRF token');

        const sessionCookie = cookie.split('\n').find((line) => /httponly/i.test(line))?.split(';')[0] ?? '';
        await browser.call('logout', {});
        assert.deepEqual(await browser.call('getSession', {}), { member: null, csrfToken: null });
        await expectError(browser.call('getProfile', {}), 'UNAUTHENTICATED');
        // The session ended on the server too: the old cookie, sent again, is worth nothing.
        const replayed = await ctx.newBrowser().raw('me', { headers: { cookie: sessionCookie, accept: 'application/json' } });
        await expectErrorResponse(replayed, 'UNAUTHENTICATED', 'GET /me with the cookie of a signed-out session');
      },
    },
    {
      name: 'session: a cross-site form post (text/plain, another Origin) cannot sign in: 403 CSRF_INVALID, and 415 UNSUPPORTED_MEDIA_TYPE without Origin',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const body = JSON.stringify({ loginId: account.loginId, password: account.password });
        const crossSite = await browser.raw('session', { method: 'POST', headers: { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain', accept: 'application/json' }, body });
        await expectErrorResponse(crossSite, 'CSRF_INVALID', 'a login posted by a form on another site');
        assert.equal(crossSite.headers.get('set-cookie'), null, 'no session cookie');
        const plain = await browser.raw('session', { method: 'POST', headers: { 'content-type': 'text/plain', accept: 'application/json' }, body });
        await expectErrorResponse(plain, 'UNSUPPORTED_MEDIA_TYPE', 'a login sent as text/plain');
        const huge = await browser.raw('session', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ loginId: account.loginId, password: 'x'.repeat(100 * 1024) }) });
        await expectErrorResponse(huge, 'PAYLOAD_TOO_LARGE', 'a 100 KB login body');
        assert.deepEqual(await browser.call('getSession', {}), { member: null, csrfToken: null });
      },
    },
    {
      name: 'session: INVALID_CREDENTIALS is the same answer for an unknown ID and a wrong password',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const unknown = await expectError(browser.call('login', { body: { loginId: newLoginId((await ctx.site()).policy), password: account.password } }), 'INVALID_CREDENTIALS');
        const wrong = await expectError(browser.call('login', { body: { loginId: account.loginId, password: `${account.password}x` } }), 'INVALID_CREDENTIALS');
        const view = (e: typeof unknown) => ({ status: e.status, message: e.message, fields: e.fields, attemptsLeft: e.attemptsLeft, retryAfterSeconds: e.retryAfterSeconds });
        assert.deepEqual(view(wrong), view(unknown), 'nothing tells an unknown ID from a wrong password');
        assert.deepEqual(await browser.call('getSession', {}), { member: null, csrfToken: null });
      },
    },
    {
      name: 'session: DELETE /session with the cookie but no X-CSRF-Token is 403 CSRF_INVALID and the session stays',
      async run(ctx) {
        const account = await ctx.member();
        const browser = await ctx.signIn(account);
        const response = await browser.raw('session', { method: 'DELETE' });
        await expectErrorResponse(response, 'CSRF_INVALID', 'DELETE /session without X-CSRF-Token');
        const wrongToken = await browser.raw('session', { method: 'DELETE', headers: { 'x-csrf-token': 'not-the-token' } });
        await expectErrorResponse(wrongToken, 'CSRF_INVALID', 'DELETE /session with a wrong X-CSRF-Token');
        assert.equal((await browser.call('getSession', {})).member?.memberId, account.memberId, 'still signed in');
        await browser.call('logout', {});
      },
    },
    {
      name: 'session: GET /me signed out is 401 UNAUTHENTICATED',
      async run(ctx) {
        const response = await ctx.newBrowser().raw('me', { headers: { accept: 'application/json' } });
        await expectErrorResponse(response, 'UNAUTHENTICATED', 'GET /me signed out');
      },
    },
  ];
}
