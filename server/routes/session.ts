import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { operations } from '../../src/api/index.ts';
import { loginIdKey } from '../../src/rules/login-id.ts';
import { fail, type ServerDeps } from '../context.ts';
import { randomToken, sha256 } from '../crypto.ts';
import { mockSessionHeader, mount, sessionCookie } from '../http.ts';
import { memberSummary } from '../members.ts';
import { loginFailureRule } from '../rate-limit.ts';

// Compared against when the ID is unknown, so a wrong ID costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export function sessionRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.login, async ({ body, c }) => {
    const key = loginIdKey(body.loginId);
    const bucket = `login-failures:${key}`;
    const locked = await deps.limiter.peek(bucket, loginFailureRule, deps.now());
    if (locked > 0) fail('RATE_LIMITED', { retryAfterSeconds: locked, message: 'Too many failed sign-ins for this ID; wait and try again.' });

    const member = await deps.store.findMemberByLoginKey(key);
    dummyHash ??= deps.hasher.hash('not-a-password');
    const passwordOk = await deps.hasher.verify(body.password, member?.passwordHash ?? (await dummyHash));
    if (!member || !passwordOk) {
      await deps.limiter.hit(bucket, loginFailureRule, deps.now());
      // One message for a wrong ID and a wrong password: no account enumeration.
      fail('INVALID_CREDENTIALS', { message: 'The ID or password is wrong.' });
    }

    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const now = deps.now();
    await deps.store.createSession({ sessionHash: await sha256(token), memberId: member.memberId, csrfToken, createdAt: now, expiresAt: now + deps.config.sessionTtl * 1000, reverifiedAt: null });
    if (deps.config.sessionTransport === 'mock-header') c.header(mockSessionHeader, token);
    else setSessionCookie(c, token, deps.config.sessionTtl);
    return { member: await memberSummary(deps, member), csrfToken };
  });

  mount(app, deps, operations.getSession, async ({ session }) => {
    if (!session) return { member: null, csrfToken: null };
    return { member: await memberSummary(deps, session.member), csrfToken: session.record.csrfToken };
  });

  mount(app, deps, operations.logout, async ({ session, c }) => {
    await deps.store.deleteSession(session!.record.sessionHash);
    if (deps.config.sessionTransport === 'mock-header') c.header(mockSessionHeader, '');
    else deleteCookie(c, sessionCookie, { path: '/' });
  });
}

function setSessionCookie(c: Context, token: string, maxAge: number): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge,
  });
}
