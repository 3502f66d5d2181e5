import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { operations } from '../../src/api/index.ts';
import { loginIdKey } from '../../src/rules/login-id.ts';
import { fail, type ServerDeps } from '../context.ts';
import { randomToken, sha256 } from '../crypto.ts';
import { isHttpsOrigin, mockSessionHeader, mount, requestScheme, sessionCookieName } from '../http.ts';
import { memberSummary } from '../members.ts';
import { accountFailureRule, loginFailureRule, loginSlowdownMs } from '../rate-limit.ts';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function sessionRoutes(app: Hono, deps: ServerDeps): void {
  // Compared against when the ID is unknown, so a wrong ID costs as long as a wrong password; per
  // server, so it always has this server's hasher and cost.
  let dummyHash: Promise<string> | undefined;
  mount(app, deps, operations.login, async ({ body, clientKey, c }) => {
    const key = loginIdKey(body.loginId);
    // Throttled per account and client: a guesser elsewhere cannot lock the member out of their own sign-in.
    const bucket = `login-failures:${key}:${clientKey}`;
    const accountBucket = `login-failures:${key}`;
    const locked = await deps.limiter.peek(bucket, loginFailureRule, deps.now());
    if (locked > 0) fail('RATE_LIMITED', { retryAfterSeconds: locked, message: 'Too many failed sign-ins for this ID; wait and try again.' });
    // Many failures from many places: every try on this ID gets slower, none is refused.
    if ((await deps.limiter.peek(accountBucket, accountFailureRule, deps.now())) > 0) await (deps.sleep ?? wait)(loginSlowdownMs);

    const member = await deps.store.findMemberByLoginKey(key);
    dummyHash ??= deps.hasher.hash('not-a-password');
    const passwordOk = await deps.hasher.verify(body.password, member?.passwordHash ?? (await dummyHash));
    if (!member || !passwordOk) {
      await deps.limiter.hit(bucket, loginFailureRule, deps.now());
      await deps.limiter.hit(accountBucket, accountFailureRule, deps.now());
      // One message for a wrong ID and a wrong password: no account enumeration.
      fail('INVALID_CREDENTIALS', { message: 'The ID or password is wrong.' });
    }

    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const now = deps.now();
    await deps.store.createSession({ sessionHash: await sha256(token), memberId: member.memberId, csrfToken, createdAt: now, expiresAt: now + deps.config.sessionTtl * 1000, reverifiedAt: null });
    if (deps.config.sessionTransport === 'mock-header') c.header(mockSessionHeader, token);
    else setSessionCookie(c, deps, token);
    return { member: await memberSummary(deps, member), csrfToken };
  });

  mount(app, deps, operations.getSession, async ({ session }) => {
    if (!session) return { member: null, csrfToken: null };
    return { member: await memberSummary(deps, session.member), csrfToken: session.record.csrfToken };
  });

  mount(app, deps, operations.logout, async ({ session, c }) => {
    await deps.store.deleteSession(session!.record.sessionHash);
    if (deps.config.sessionTransport === 'mock-header') c.header(mockSessionHeader, '');
    else deleteCookie(c, sessionCookieName(deps.config), { path: '/', secure: isHttpsOrigin(deps.config) });
  });
}

function setSessionCookie(c: Context, deps: ServerDeps, token: string): void {
  // Secure follows the public origin, not the socket: behind a TLS-terminating proxy the socket is http.
  setCookie(c, sessionCookieName(deps.config), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttpsOrigin(deps.config) || requestScheme(c, deps.config) === 'https',
    maxAge: deps.config.sessionTtl,
  });
}
