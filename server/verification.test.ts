import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMembershipError, type MembershipClient } from '../src/api/index.ts';
import type { ServerConfig } from './config.ts';
import { sha256 } from './crypto.ts';
import { maskMobile } from './routes/verification.ts';
import { captchaMatches, captchaSvg, newCaptchaText } from './sandbox/captcha.ts';
import { findSandboxPerson, getSandboxPerson, sandboxPeople, sandboxPersonIds, toVerifiedPerson } from './sandbox/people.ts';
import { currentCaptcha, hiddenInputs, latestSandboxCode, mobileCodeBody, verifyByIpin, verifyByMobile } from './sandbox/testing.ts';
import type { MemberRecord } from './store/types.ts';
import { testOrigin, testServer, type TestServer } from './testing.ts';

// Identity verification and the sandbox provider, through real contract clients of the in-memory app.

const api = '/api/v1';
const siteOrigin = 'https://trade.example.go.kr';
const password = 'Passw0rd!x';
const { hong, kim, foreigner, minor, corporatePhone } = sandboxPersonIds;

function server(config: Partial<ServerConfig> = {}): TestServer {
  // testServer's option type intersects `config` with a full ServerConfig; it is merged as a partial.
  return testServer({ config: { allowedOrigins: [siteOrigin], ...config } } as Parameters<typeof testServer>[0]);
}

async function rejects(promise: Promise<unknown>, code: string, check?: (error: import('../src/api/index.ts').MembershipError) => void) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMembershipError(error), String(error));
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  });
}

async function startMobile(client: MembershipClient, purpose: 'signup' | 'find-id' = 'signup') {
  const start = await client.call('startVerification', { body: { method: 'mobile', purpose } });
  assert.equal(start.kind, 'otp');
  return start.verificationId;
}

/** A mobile verification with a code sent to `personId`; returns its id and the code. */
async function withCode(h: TestServer, client: MembershipClient, personId: string = hong) {
  const verificationId = await startMobile(client);
  const status = await client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, personId) });
  const code = await latestSandboxCode(h, getSandboxPerson(personId).mobile);
  assert.ok(code);
  return { verificationId, status, code };
}

/** A well-formed mobile form that no verification state accepts. */
const fakeBody = { carrier: 'SKT' as const, name: 'x', birthDate: '2000-01-01', gender: 'male' as const, nationality: 'domestic' as const, mobile: '01000000000', captchaAnswer: '000000', providerTermsAgreed: true as const };

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** A member in the store, signed in through the login route. */
async function signedIn(h: TestServer, personId: string) {
  const person = toVerifiedPerson(getSandboxPerson(personId));
  const record: MemberRecord = {
    memberId: `mem_${personId}`, loginId: 'member0001', loginKey: 'member0001', passwordHash: await h.deps.hasher.hash(password),
    memberType: 'individual', name: person.name, nameEn: null, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality,
    email: 'member0001@example.com', mobile: person.mobile, phone: null, fax: null, department: null, position: null, address: null,
    interestItems: [], interestRegions: [], di: person.di, ci: person.ci, verifiedWith: 'mobile', joinedSiteId: 'trade', joinedAt: h.deps.now(),
  };
  assert.ok((await h.deps.store.createMember(record, [])).ok);
  const client = h.client('trade');
  await client.call('login', { body: { loginId: 'member0001', password } });
  return client;
}

async function startRaw(h: TestServer, body: object, headers: Record<string, string> = {}) {
  return h.request(`${api}/verifications`, {
    method: 'POST',
    site: 'trade',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
}

function form(fields: Record<string, string>) {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/** Starts an i-PIN verification and opens its sandbox page; returns the page's hidden fields. */
async function openIpin(h: TestServer, client: MembershipClient, body: { mode?: 'popup' | 'redirect'; returnUrl?: string } = {}) {
  const start = await client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', ...body } });
  assert.equal(start.kind, 'provider');
  if (start.kind !== 'provider') throw new Error('unreachable');
  const url = new URL(start.providerUrl);
  const page = await h.request(url.pathname + url.search);
  assert.equal(page.status, 200);
  const html = await page.text();
  return { start, url, html, fields: hiddenInputs(html) };
}

async function submitIpin(h: TestServer, fields: Record<string, string>, login: { ipinId: string; password: string; captcha?: string; action?: string }) {
  return h.request('/sandbox/ipin', form({
    ...fields,
    ipinId: login.ipinId,
    password: login.password,
    captcha: login.captcha ?? (await currentCaptcha(h, fields.verification!)),
    action: login.action ?? 'login',
  }));
}

describe('sandbox people', () => {
  it('have unique ids, CI, DI and i-PIN ids', () => {
    assert.ok(sandboxPeople.length >= 10);
    assert.equal(new Set(sandboxPeople.map((p) => p.id)).size, sandboxPeople.length);
    assert.equal(new Set(sandboxPeople.map((p) => p.ci)).size, sandboxPeople.length);
    assert.equal(new Set(sandboxPeople.map((p) => p.di)).size, sandboxPeople.length);
    assert.equal(new Set(sandboxPeople.map((p) => p.ipinId)).size, sandboxPeople.length);
    for (const p of sandboxPeople) {
      assert.match(p.mobile, /^010\d{8}$/);
      assert.match(p.birthDate, /^\d{4}-\d{2}-\d{2}$/);
    }
    for (const id of Object.values(sandboxPersonIds)) assert.ok(getSandboxPerson(id));
  });

  it('a claim with a 010-9999 number and a test name is a generated person of its own, stable across calls', () => {
    const claim = { name: '테스트 하나', birthDate: '1990-05-05', gender: 'female', nationality: 'domestic', mobile: '010-9999-0001', carrier: 'KT' };
    const first = findSandboxPerson(claim);
    assert.ok(first);
    assert.equal(findSandboxPerson({ ...claim })?.di, first.di);
    assert.notEqual(findSandboxPerson({ ...claim, mobile: '010-9999-0002' })?.di, first.di);
    assert.equal(findSandboxPerson({ ...claim, name: '홍길순' }), null);
    assert.equal(findSandboxPerson({ ...claim, mobile: '010-9998-0001' }), null);
    assert.equal(findSandboxPerson({ ...claim, carrier: 'NOPE' }), null);
  });

  it('cover the cases: foreigner, under 14, corporate phone', () => {
    const john = getSandboxPerson(foreigner);
    assert.equal(john.nationality, 'foreign');
    assert.match(john.name, /^[A-Za-z ]+$/);
    const child = getSandboxPerson(minor);
    // Under 14 (만 14세 미만) on 2026-11-22 and until 2028-03-01.
    assert.ok(child.birthDate > '2012-11-22');
    assert.equal(child.birthDate, '2014-03-01');
    assert.equal(getSandboxPerson(corporatePhone).corporatePhone, true);
  });

  it('are found by every claimed detail, mobile digits normalized and Latin case ignored', () => {
    const p = getSandboxPerson(hong);
    const claim = { name: p.name, birthDate: p.birthDate, gender: p.gender, nationality: p.nationality, mobile: '010-1234-5678', carrier: p.carrier };
    assert.equal(findSandboxPerson(claim)?.id, hong);
    assert.equal(findSandboxPerson({ ...claim, birthDate: '1985-04-13' }), null);
    assert.equal(findSandboxPerson({ ...claim, carrier: 'KT' }), null);
    assert.equal(findSandboxPerson({ ...claim, gender: 'female' }), null);
    assert.equal(findSandboxPerson({ ...claim, nationality: 'foreign' }), null);
    assert.equal(findSandboxPerson({ ...claim, mobile: '01012345679' }), null);
    const john = getSandboxPerson(foreigner);
    assert.equal(findSandboxPerson({ ...john, name: '  JOHN   SMITH ' })?.id, foreigner);
  });
});

describe('captcha', () => {
  it('is six digits drawn as paths, with an accessible title, deterministic for a seed', () => {
    const text = newCaptchaText();
    assert.match(text, /^\d{6}$/);
    const svg = captchaSvg('123456', { seed: 7 });
    assert.match(svg, /^<svg [^>]*role="img"/);
    assert.match(svg, /<title id="captcha-title">보안문자 이미지<\/title>/);
    assert.doesNotMatch(svg, /<text|123456/);
    assert.equal(svg, captchaSvg('123456', { seed: 7 }));
    assert.notEqual(svg, captchaSvg('123456', { seed: 8 }));
    assert.doesNotMatch(captchaSvg('<script>'), /script/);
  });

  it('accepts answers without regard to case, spaces or full-width digits', () => {
    assert.ok(captchaMatches('123456', ' 123 456 '));
    assert.ok(captchaMatches('AB12CD', 'ab12cd'));
    assert.ok(captchaMatches('123456', '１２３４５６'));
    assert.ok(!captchaMatches('123456', '123457'));
    assert.ok(!captchaMatches(null, ''));
  });
});

describe('startVerification', () => {
  it('starts a mobile verification with a captcha that expires in 10 minutes', async () => {
    const h = server();
    const client = h.client();
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
    assert.equal(start.kind, 'otp');
    assert.equal(start.expiresAt, new Date(h.deps.now() + 600_000).toISOString());
    const record = await h.deps.store.getVerification(start.verificationId);
    assert.match(record?.captchaAnswer ?? '', /^\d{6}$/);
    assert.equal(record?.mode, 'otp');
    assert.equal(record?.siteId, 'trade');
  });

  it('refuses a method the site does not offer, and every method when the sandbox is off and no provider is given', async () => {
    const h = server();
    await rejects(h.client().call('startVerification', { body: { method: 'pass', purpose: 'signup' } }), 'METHOD_NOT_AVAILABLE');
    const off = server({ sandbox: false });
    await rejects(off.client().call('startVerification', { body: { method: 'ipin', purpose: 'signup' } }), 'METHOD_NOT_AVAILABLE');
    await rejects(off.client().call('startVerification', { body: { method: 'mobile', purpose: 'signup' } }), 'METHOD_NOT_AVAILABLE');
    assert.deepEqual((await off.client().call('getSiteConfig', {})).verificationMethods, []);
    // Without the sandbox there are no sandbox pages either.
    assert.equal((await off.request('/sandbox/inbox')).status, 404);
  });

  it('needs a session for reverify and remembers it', async () => {
    const h = server();
    await rejects(h.client().call('startVerification', { body: { method: 'mobile', purpose: 'reverify' } }), 'UNAUTHENTICATED');
    const client = await signedIn(h, kim);
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'reverify' } });
    const record = await h.deps.store.getVerification(start.verificationId);
    assert.match(record?.sessionHash ?? '', /.{20,}/);
    // The whole journey: re-verification of the account holder by mobile.
    const result = await verifyByMobile(h, client, kim, 'reverify');
    assert.equal(result.purpose, 'reverify');
    const reverified = await client.call('reverify', { body: { verificationToken: result.verificationToken } });
    assert.ok(reverified.editableUntil > reverified.verifiedAt);
  });

  it('needs the resetId of an unexpired reset of this site for reset-password', async () => {
    const h = server();
    const client = h.client();
    await rejects(client.call('startVerification', { body: { method: 'mobile', purpose: 'reset-password' } }), 'RESET_EXPIRED');
    await rejects(client.call('startVerification', { body: { method: 'mobile', purpose: 'reset-password', resetId: 'rst_unknown' } }), 'RESET_EXPIRED');
    const now = h.deps.now();
    const reset = { siteId: 'trade', loginKey: 'member0001', mobile: '01012345678', createdAt: now, expiresAt: now + 15 * 60_000, usedAt: null };
    await h.deps.store.putPasswordReset({ ...reset, resetId: 'rst_live' });
    await h.deps.store.putPasswordReset({ ...reset, resetId: 'rst_other_site', siteId: 'animal' });
    await h.deps.store.putPasswordReset({ ...reset, resetId: 'rst_used', usedAt: now });
    await h.deps.store.putPasswordReset({ ...reset, resetId: 'rst_old', expiresAt: now - 1 });
    for (const resetId of ['rst_other_site', 'rst_used', 'rst_old']) {
      await rejects(client.call('startVerification', { body: { method: 'mobile', purpose: 'reset-password', resetId } }), 'RESET_EXPIRED');
    }
    const result = await verifyByMobile(h, client, hong, 'reset-password', { resetId: 'rst_live' });
    assert.equal(result.purpose, 'reset-password');
    const token = await h.deps.store.getVerificationToken(await sha256(result.verificationToken));
    assert.equal((await h.deps.store.getVerification(token!.verificationId))?.resetId, 'rst_live');
  });

  it('checks the return URL of provider verifications', async () => {
    const h = server();
    const client = h.client();
    const field = (code: string) => (error: import('../src/api/index.ts').MembershipError) => assert.equal(error.fieldError('returnUrl')?.code, code);
    await rejects(client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', mode: 'redirect' } }), 'VALIDATION_FAILED', field('REQUIRED'));
    await rejects(client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', mode: 'redirect', returnUrl: 'https://evil.example/steal' } }), 'VALIDATION_FAILED', field('INVALID'));
    await rejects(client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', returnUrl: 'https://evil.example/steal' } }), 'VALIDATION_FAILED', field('INVALID'));
    const start = await client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', mode: 'redirect', returnUrl: `${siteOrigin}/signup?step=3` } });
    assert.equal(start.kind, 'provider');
    if (start.kind !== 'provider') return;
    assert.equal(start.origin, testOrigin);
    const url = new URL(start.providerUrl);
    assert.equal(url.origin + url.pathname, `${testOrigin}/sandbox/ipin`);
    assert.equal(url.searchParams.get('verification'), start.verificationId);
    assert.equal(url.searchParams.get('mode'), 'redirect');
    assert.equal(url.searchParams.get('return'), `${siteOrigin}/signup?step=3`);
  });

  it('gives the popup the calling site as its opener origin, or this server when no Origin came', async () => {
    const h = server();
    const fromSite = await (await startRaw(h, { method: 'ipin', purpose: 'signup' }, { origin: siteOrigin })).json();
    assert.equal(new URL(fromSite.providerUrl).searchParams.get('opener'), siteOrigin);
    assert.equal(new URL(fromSite.providerUrl).searchParams.get('mode'), 'popup');
    const fromNoPage = await (await startRaw(h, { method: 'ipin', purpose: 'signup' })).json();
    assert.equal(new URL(fromNoPage.providerUrl).searchParams.get('opener'), testOrigin);
    // A page of another site cannot start one at all.
    assert.equal((await startRaw(h, { method: 'ipin', purpose: 'signup' }, { origin: 'https://evil.example' })).status, 403);
  });
});

describe('getCaptchaImage', () => {
  it('answers a new SVG each call and stores its text', async () => {
    const h = server();
    const client = h.client();
    const verificationId = await startMobile(client);
    const seen = new Set([await currentCaptcha(h, verificationId)]);
    for (let i = 0; i < 3; i += 1) {
      // The way <img src> loads it: the site id in the query.
      const response = await h.request(`${new URL(client.captchaUrl(verificationId, i)).pathname}?site=trade&n=${i}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(await response.text(), /<title[^>]*>보안문자 이미지<\/title>/);
      const text = await currentCaptcha(h, verificationId);
      assert.ok(!seen.has(text), 'a new text each call');
      seen.add(text);
    }
    // (The contract types image responses as void; the client answers a Blob.)
    const blob: Blob = await client.call('getCaptchaImage', { params: { verificationId } });
    assert.equal(blob.type, 'image/svg+xml');
  });

  it('answers VERIFICATION_NOT_FOUND for unknown, foreign-site and provider ids, VERIFICATION_EXPIRED after 10 minutes', async () => {
    const h = server();
    const client = h.client();
    await rejects(client.call('getCaptchaImage', { params: { verificationId: 'vrf_nope' } }), 'VERIFICATION_NOT_FOUND');
    const verificationId = await startMobile(client);
    await rejects(h.client('animal').call('getCaptchaImage', { params: { verificationId } }), 'VERIFICATION_NOT_FOUND');
    const ipin = await client.call('startVerification', { body: { method: 'ipin', purpose: 'signup' } });
    await rejects(client.call('getCaptchaImage', { params: { verificationId: ipin.verificationId } }), 'VERIFICATION_NOT_FOUND');
    h.advance(600_000);
    await rejects(client.call('getCaptchaImage', { params: { verificationId } }), 'VERIFICATION_EXPIRED');
    await rejects(client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, hong) }), 'VERIFICATION_EXPIRED');
  });
});

describe('requestMobileCode', () => {
  it('sends a 6-digit code to the sandbox outbox and stores only its hash', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, status, code } = await withCode(h, client);
    const now = h.deps.now();
    assert.deepEqual(status, {
      maskedMobile: '010-****-5678',
      expiresAt: new Date(now + 180_000).toISOString(),
      resendAvailableAt: new Date(now + 30_000).toISOString(),
      attemptsLeft: 5,
      resendsLeft: 4,
    });
    assert.match(code, /^\d{6}$/);
    const [message] = await h.deps.store.listSandboxMessages(1);
    assert.equal(message?.mobile, '01012345678');
    assert.equal(message?.text.startsWith(`[샌드박스 본인인증] 인증번호 [${code}]을 입력해 주세요.`), true);
    const record = await h.deps.store.getVerification(verificationId);
    assert.ok(record?.codeHash && !record.codeHash.includes(code));
    assert.ok(!JSON.stringify(record).includes(`"${code}"`));
  });

  it('answers CAPTCHA_MISMATCH and replaces the captcha, so the old text stops working', async () => {
    const h = server();
    const client = h.client();
    const verificationId = await startMobile(client);
    const before = await currentCaptcha(h, verificationId);
    const body = await mobileCodeBody(h, verificationId, hong);
    await rejects(client.call('requestMobileCode', { params: { verificationId }, body: { ...body, captchaAnswer: wrong(before) } }), 'CAPTCHA_MISMATCH');
    const after = await currentCaptcha(h, verificationId);
    assert.notEqual(after, before);
    await rejects(client.call('requestMobileCode', { params: { verificationId }, body: { ...body, captchaAnswer: before } }), 'CAPTCHA_MISMATCH');
    assert.equal((await h.deps.store.listSandboxMessages(10)).length, 0);
    // Spaces are ignored in the answer.
    const fresh = await currentCaptcha(h, verificationId);
    await client.call('requestMobileCode', { params: { verificationId }, body: { ...body, captchaAnswer: ` ${fresh.slice(0, 3)} ${fresh.slice(3)} ` } });
  });

  it("answers IDENTITY_MISMATCH when the details do not match the carrier's records", async () => {
    const h = server();
    const client = h.client();
    const verificationId = await startMobile(client);
    await rejects(
      client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, hong, { birthDate: '1985-04-21' }) }),
      'IDENTITY_MISMATCH',
      (error) => assert.match(error.message, /carrier's records/),
    );
    // Real carriers know nobody else either; the captcha was used up, a new one is needed.
    await rejects(
      client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, hong, { name: '홍길순' }) }),
      'IDENTITY_MISMATCH',
    );
    assert.equal((await h.deps.store.listSandboxMessages(10)).length, 0);
    // Hyphens in the number are fine.
    const status = await client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, hong, { mobile: '010-1234-5678' }) });
    assert.equal(status.maskedMobile, '010-****-5678');
  });

  it('answers PROVIDER_REFUSED for a company-owned phone', async () => {
    const h = server();
    const client = h.client();
    const verificationId = await startMobile(client);
    await rejects(client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, corporatePhone) }), 'PROVIDER_REFUSED');
    assert.equal((await h.deps.store.listSandboxMessages(10)).length, 0);
    // The same person can still use i-PIN.
    const result = await verifyByIpin(h, client, corporatePhone, 'signup');
    assert.equal(result.person.name, '정대한');
  });
});

describe('resendMobileCode', () => {
  it('needs a requested code first', async () => {
    const h = server();
    const client = h.client();
    const verificationId = await startMobile(client);
    await rejects(client.call('resendMobileCode', { params: { verificationId } }), 'VERIFICATION_NOT_FOUND');
    await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code: '123456' } }), 'VERIFICATION_NOT_FOUND');
  });

  it('waits out the cooldown with RESEND_TOO_SOON and retryAfterSeconds, then replaces the code', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code: first } = await withCode(h, client);
    await rejects(client.call('resendMobileCode', { params: { verificationId } }), 'RESEND_TOO_SOON', (error) => assert.equal(error.retryAfterSeconds, 30));
    h.advance(10_500);
    const raw = await h.request(`${api}/verifications/${verificationId}/mobile-code/resend`, { method: 'POST', site: 'trade' });
    assert.equal(raw.status, 429);
    assert.equal(raw.headers.get('retry-after'), '20');
    assert.equal((await raw.json()).error.retryAfterSeconds, 20);
    h.advance(19_500);
    const status = await client.call('resendMobileCode', { params: { verificationId } });
    assert.equal(status.resendsLeft, 3);
    assert.equal(status.attemptsLeft, 5);
    const second = await latestSandboxCode(h, '01012345678');
    assert.ok(second);
    if (second !== first) {
      await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code: first } }), 'CODE_MISMATCH');
    }
    const result = await client.call('confirmMobileCode', { params: { verificationId }, body: { code: second } });
    assert.equal(result.method, 'mobile');
  });

  it('stops at 5 codes per verification with ATTEMPTS_EXCEEDED', async () => {
    const h = server();
    const client = h.client();
    const { verificationId } = await withCode(h, client);
    for (let left = 3; left >= 0; left -= 1) {
      h.advance(30_000);
      const status = await client.call('resendMobileCode', { params: { verificationId } });
      assert.equal(status.resendsLeft, left);
    }
    h.advance(30_000);
    await rejects(client.call('resendMobileCode', { params: { verificationId } }), 'ATTEMPTS_EXCEEDED');
    // Asking again with the form does not get around the limit.
    await rejects(client.call('requestMobileCode', { params: { verificationId }, body: await mobileCodeBody(h, verificationId, hong) }), 'ATTEMPTS_EXCEEDED');
    assert.equal((await h.deps.store.listSandboxMessages(20)).length, 5);
  });
});

describe('confirmMobileCode', () => {
  it('gives the token for the right code; once it is used, confirming again is VERIFICATION_INVALID', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    const result = await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    assert.deepEqual(result.person, { name: '홍길동', birthDate: '1985-04-12', gender: 'male', nationality: 'domestic' });
    assert.equal(result.purpose, 'signup');
    assert.equal(result.method, 'mobile');
    assert.ok(result.verificationToken.length >= 32);
    await rejects(client.call('requestMobileCode', { params: { verificationId }, body: fakeBody }), 'VERIFICATION_INVALID');
    const token = await h.deps.store.getVerificationToken(await sha256(result.verificationToken));
    assert.equal(token?.person.di, getSandboxPerson(hong).di);
    assert.equal(token?.person.mobile, '01012345678');
    assert.equal(token?.person.carrier, 'SKT');
    assert.ok(await h.deps.store.consumeVerificationToken(await sha256(result.verificationToken), Date.now()));
    await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code } }), 'VERIFICATION_INVALID');
  });

  it('a repeat of an accepted confirm (its answer was lost) answers the same result with a new token and voids the first', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    const first = await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    h.advance(30_000);
    const again = await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    assert.deepEqual(again.person, first.person);
    assert.deepEqual([again.purpose, again.method], [first.purpose, first.method]);
    assert.notEqual(again.verificationToken, first.verificationToken);
    assert.equal(await h.deps.store.getVerificationToken(await sha256(first.verificationToken)), null, 'the first token is void');
    assert.equal((await h.deps.store.getVerificationToken(await sha256(again.verificationToken)))?.usedAt, null, 'the new one works');
    // Once used, no repeat: a finished verification never gives a second usable token.
    assert.ok(await h.deps.store.consumeVerificationToken(await sha256(again.verificationToken), Date.now()));
    await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code } }), 'VERIFICATION_INVALID');
  });

  it('a repeat with a wrong code, or after the code expired, is VERIFICATION_INVALID; wrong codes still count', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    for (let i = 0; i < 5; i += 1) await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code: wrong(code) } }), 'VERIFICATION_INVALID');
    await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code } }), 'VERIFICATION_INVALID', () => undefined);
    const other = await withCode(h, client, kim);
    await client.call('confirmMobileCode', { params: { verificationId: other.verificationId }, body: { code: other.code } });
    h.advance(181_000);
    await rejects(client.call('confirmMobileCode', { params: { verificationId: other.verificationId }, body: { code: other.code } }), 'VERIFICATION_INVALID');
  });

  it('leaves exactly one usable token when the right code is confirmed three times at once', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    const answers = await Promise.all([1, 2, 3].map(() => client.call('confirmMobileCode', { params: { verificationId }, body: { code } })));
    const usable = await Promise.all(answers.map(async (answer) => (await h.deps.store.getVerificationToken(await sha256(answer.verificationToken))) !== null));
    assert.equal(usable.filter(Boolean).length, 1);
  });

  it('answers CODE_EXPIRED after 180 seconds; a resend brings a working code', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    h.advance(181_000);
    await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code } }), 'CODE_EXPIRED');
    await client.call('resendMobileCode', { params: { verificationId } });
    const fresh = await latestSandboxCode(h, '01012345678');
    const result = await client.call('confirmMobileCode', { params: { verificationId }, body: { code: fresh! } });
    assert.equal(result.person.name, '홍길동');
  });

  it('counts wrong codes down with CODE_MISMATCH; the 5th is ATTEMPTS_EXCEEDED and so is every later try', async () => {
    const h = server();
    const client = h.client();
    const { verificationId, code } = await withCode(h, client);
    for (let left = 4; left >= 1; left -= 1) {
      await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code: wrong(code) } }), 'CODE_MISMATCH', (error) => assert.equal(error.attemptsLeft, left));
    }
    // (Raw, to read attemptsLeft: 0 in the body.)
    const fifth = await h.request(`${api}/verifications/${verificationId}/mobile-code/confirm`, {
      method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: wrong(code) }),
    });
    assert.equal(fifth.status, 422);
    assert.deepEqual(await fifth.json(), { error: { code: 'ATTEMPTS_EXCEEDED', message: 'Too many wrong codes: ask for a new code.', attemptsLeft: 0 } });
    await rejects(client.call('confirmMobileCode', { params: { verificationId }, body: { code } }), 'ATTEMPTS_EXCEEDED');
    // A new code comes with new attempts.
    h.advance(30_000);
    const status = await client.call('resendMobileCode', { params: { verificationId } });
    assert.equal(status.attemptsLeft, 5);
    const fresh = await latestSandboxCode(h, '01012345678');
    await client.call('confirmMobileCode', { params: { verificationId }, body: { code: fresh! } });
  });
});


describe('verification tokens', () => {
  it('are single use and bound to their purpose', async () => {
    const h = server();
    const client = h.client();
    const findId = await verifyByMobile(h, client, hong, 'find-id');
    const found = await client.call('findLoginIds', { body: { verificationToken: findId.verificationToken } });
    assert.deepEqual(found.accounts, []);
    await rejects(client.call('findLoginIds', { body: { verificationToken: findId.verificationToken } }), 'VERIFICATION_INVALID');
    const signup = await verifyByMobile(h, client, hong, 'signup');
    await rejects(client.call('findLoginIds', { body: { verificationToken: signup.verificationToken } }), 'VERIFICATION_PURPOSE_MISMATCH');
    // A token of another site is unknown here.
    const animal = await verifyByMobile(h, h.client('animal'), kim, 'find-id');
    await rejects(client.call('findLoginIds', { body: { verificationToken: animal.verificationToken } }), 'VERIFICATION_INVALID');
  });
});

describe('sandbox i-PIN provider', () => {
  it('is a labelled page with I-PIN ID, password, captcha and the new-i-PIN link', async () => {
    const h = server();
    const { html, fields, start } = await openIpin(h, h.client());
    assert.match(html, /<html lang="ko">/);
    assert.match(html, /<meta name="robots" content="noindex" \/>/);
    assert.match(html, /SANDBOX/);
    assert.match(html, /실제 본인인증이 아닙니다/);
    assert.match(html, /not a real verification/);
    assert.match(html, /<label for="ipin-id">/);
    assert.match(html, /<label for="ipin-password">/);
    assert.match(html, /<label for="ipin-captcha">/);
    assert.match(html, /<svg [^>]*role="img"/);
    assert.match(html, /href="\/sandbox\/ipin\/new"/);
    assert.doesNotMatch(html, /style="/);
    assert.equal(fields.verification, start.verificationId);
    assert.equal(fields.opener, testOrigin);
    const captcha = await currentCaptcha(h, start.verificationId);
    assert.match(captcha, /^\d{6}$/);
    // "New image" reloads the page with a new security text.
    const reload = html.match(/<a href="(\/sandbox\/ipin\?[^"]+)">새 보안문자/)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(reload);
    assert.equal((await h.request(reload)).status, 200);
    assert.notEqual(await currentCaptcha(h, start.verificationId), captcha);
    const issue = await h.request('/sandbox/ipin/new');
    assert.match(await issue.text(), /2018/);
  });

  it('popup: posts the result to the opener origin only, and the exchange gives a token (none again once used)', async () => {
    const h = server();
    const client = h.client();
    const start = await (await startRaw(h, { method: 'ipin', purpose: 'signup', mode: 'popup' }, { origin: siteOrigin })).json();
    const url = new URL(start.providerUrl);
    const formPage = await h.request(url.pathname + url.search);
    const fields = hiddenInputs(await formPage.text());
    assert.equal(fields.opener, siteOrigin);
    const person = getSandboxPerson(kim);
    const answer = await submitIpin(h, fields, { ipinId: person.ipinId, password: person.ipinPassword });
    assert.equal(answer.status, 200);
    const html = await answer.text();
    assert.match(html, new RegExp(`data-target-origin="${siteOrigin}"`));
    assert.match(html, new RegExp(`data-verification-id="${start.verificationId}"`));
    assert.match(html, /<script src="\/sandbox\/assets\/ipin-result\.js" defer><\/script>/);
    const resultId = html.match(/data-result-id="([^"]+)"/)?.[1];
    assert.ok(resultId);
    const script = await (await h.request('/sandbox/assets/ipin-result.js')).text();
    assert.match(script, /window\.opener\.postMessage\(message, targetOrigin\)/);
    assert.match(script, /type: 'membership-verification', verificationId, resultId/);
    assert.match(script, /window\.close\(\)/);

    // Not marked done by the page: the exchange does that, once.
    assert.equal((await h.deps.store.getVerification(start.verificationId))?.done, false);
    const result = await client.call('exchangeProviderResult', { params: { verificationId: start.verificationId }, body: { resultId } });
    assert.equal(result.method, 'ipin');
    assert.deepEqual(result.person, { name: '김민지', birthDate: '1992-08-23', gender: 'female', nationality: 'domestic' });
    assert.ok(await h.deps.store.consumeVerificationToken(await sha256(result.verificationToken), Date.now()));
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: start.verificationId }, body: { resultId } }), 'VERIFICATION_INVALID');
    // The page cannot be used again either.
    assert.equal((await h.request(url.pathname + url.search)).status, 409);
  });

  it('popup: refuses an opener origin that is not an allowed site', async () => {
    const h = server();
    const { url } = await openIpin(h, h.client());
    url.searchParams.set('opener', 'https://evil.example');
    const page = await h.request(url.pathname + url.search);
    assert.equal(page.status, 400);
    assert.doesNotMatch(await page.text(), /<form class="ipin"/);
  });

  it('redirect: returns to the site with mv_verification and mv_result appended', async () => {
    const h = server();
    const client = h.client();
    const { fields, start } = await openIpin(h, client, { mode: 'redirect', returnUrl: `${siteOrigin}/signup?step=identity#top` });
    assert.equal(fields.return, `${siteOrigin}/signup?step=identity#top`);
    const person = getSandboxPerson(foreigner);
    const answer = await submitIpin(h, fields, { ipinId: person.ipinId, password: person.ipinPassword });
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location')!);
    assert.equal(location.origin + location.pathname, `${siteOrigin}/signup`);
    assert.equal(location.searchParams.get('step'), 'identity');
    assert.equal(location.searchParams.get('mv_verification'), start.verificationId);
    const resultId = location.searchParams.get('mv_result')!;
    const result = await client.call('exchangeProviderResult', { params: { verificationId: start.verificationId }, body: { resultId } });
    assert.equal(result.person.nationality, 'foreign');
  });

  it('cancel: posts cancelled in a popup, redirects with mv_cancelled=1', async () => {
    const h = server();
    const popup = await openIpin(h, h.client());
    const cancelled = await (await h.request('/sandbox/ipin', form({ ...popup.fields, action: 'cancel' }))).text();
    assert.match(cancelled, /data-cancelled="true"/);
    assert.doesNotMatch(cancelled, /data-result-id/);
    assert.match(cancelled, new RegExp(`data-target-origin="${testOrigin}"`));

    const redirect = await openIpin(h, h.client(), { mode: 'redirect', returnUrl: `${siteOrigin}/back` });
    const answer = await h.request('/sandbox/ipin', form({ ...redirect.fields, action: 'cancel' }));
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location')!);
    assert.equal(location.searchParams.get('mv_cancelled'), '1');
    assert.equal(location.searchParams.get('mv_verification'), redirect.start.verificationId);
    assert.equal(location.searchParams.get('mv_result'), null);
  });

  it('shows a wrong password or captcha on the page, keeps the typed ID escaped, and stops after 5 failures', async () => {
    const h = server();
    const { fields, start } = await openIpin(h, h.client());
    const person = getSandboxPerson(hong);
    const wrongPassword = await submitIpin(h, fields, { ipinId: person.ipinId, password: 'nope' });
    assert.equal(wrongPassword.status, 422);
    const page = await wrongPassword.text();
    assert.match(page, /role="alert">아이핀 ID 또는 비밀번호가 올바르지 않습니다 \(남은 시도 4회\)/);
    assert.match(page, /id="ipin-id"[^>]*value="hong1985"[^>]*aria-describedby="ipin-error"/);

    const before = await currentCaptcha(h, start.verificationId);
    const wrongCaptcha = await submitIpin(h, fields, { ipinId: '"><script>alert(1)</script>', password: person.ipinPassword, captcha: wrong(before) });
    assert.equal(wrongCaptcha.status, 422);
    const escaped = await wrongCaptcha.text();
    assert.match(escaped, /보안문자가 일치하지 않습니다/);
    assert.doesNotMatch(escaped, /<script>alert/);
    assert.match(escaped, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.notEqual(await currentCaptcha(h, start.verificationId), before);

    for (let i = 0; i < 4; i += 1) await submitIpin(h, fields, { ipinId: person.ipinId, password: 'nope' });
    const locked = await submitIpin(h, fields, { ipinId: person.ipinId, password: person.ipinPassword });
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /다시 인증해 주세요/);
    assert.equal((await h.deps.store.getVerification(start.verificationId))?.providerResultId, null);
  });
});

describe('exchangeProviderResult', () => {
  it("refuses another verification's result, a made-up one, a used one, and mobile verification ids", async () => {
    const h = server();
    const client = h.client();
    const a = await openIpin(h, client);
    const b = await openIpin(h, client);
    const person = getSandboxPerson(hong);
    const answer = await (await submitIpin(h, a.fields, { ipinId: person.ipinId, password: person.ipinPassword })).text();
    const resultOfA = answer.match(/data-result-id="([^"]+)"/)![1]!;
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: b.start.verificationId }, body: { resultId: resultOfA } }), 'VERIFICATION_INVALID');
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: a.start.verificationId }, body: { resultId: 'made-up-result' } }), 'VERIFICATION_INVALID');
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: 'vrf_nope' }, body: { resultId: resultOfA } }), 'VERIFICATION_NOT_FOUND');
    await rejects(h.client('animal').call('exchangeProviderResult', { params: { verificationId: a.start.verificationId }, body: { resultId: resultOfA } }), 'VERIFICATION_NOT_FOUND');
    const mobileId = await startMobile(client);
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: mobileId }, body: { resultId: resultOfA } }), 'VERIFICATION_NOT_FOUND');
    const idempotencyKey = crypto.randomUUID();
    const first = await client.call('exchangeProviderResult', { params: { verificationId: a.start.verificationId }, body: { resultId: resultOfA } }, { idempotencyKey });
    // The same request again (its answer was lost): the same answer, the same token…
    const again = await client.call('exchangeProviderResult', { params: { verificationId: a.start.verificationId }, body: { resultId: resultOfA } }, { idempotencyKey });
    assert.deepEqual(again, first);
    // …but any other request with the result id (a replay, another browser) gets nothing.
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: a.start.verificationId }, body: { resultId: resultOfA } }), 'VERIFICATION_INVALID');
    await rejects(h.client().call('exchangeProviderResult', { params: { verificationId: a.start.verificationId }, body: { resultId: resultOfA } }), 'VERIFICATION_INVALID');
  });

  it('answers VERIFICATION_EXPIRED when the result comes back after 10 minutes', async () => {
    const h = server();
    const client = h.client();
    const { fields, start } = await openIpin(h, client);
    const person = getSandboxPerson(hong);
    const resultId = (await (await submitIpin(h, fields, { ipinId: person.ipinId, password: person.ipinPassword })).text()).match(/data-result-id="([^"]+)"/)![1]!;
    h.advance(600_000);
    await rejects(client.call('exchangeProviderResult', { params: { verificationId: start.verificationId }, body: { resultId } }), 'VERIFICATION_EXPIRED');
  });
});

describe('sandbox inbox', () => {
  it('lists the codes newest first, the test people, and a JSON form', async () => {
    const h = server();
    const client = h.client();
    const first = await withCode(h, client, hong);
    h.advance(1000);
    const second = await withCode(h, client, foreigner);
    const response = await h.request('/sandbox/inbox');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const html = await response.text();
    assert.match(html, /<html lang="ko">/);
    assert.match(html, /<meta name="robots" content="noindex" \/>/);
    assert.match(html, /<meta http-equiv="refresh" content="5" \/>/);
    assert.match(html, /SANDBOX/);
    assert.ok(html.indexOf(`[${second.code}]`) > 0);
    assert.ok(html.indexOf(`[${second.code}]`) < html.indexOf(`[${first.code}]`), 'newest first');
    assert.match(html, /010-1234-5678/);
    for (const p of sandboxPeople) {
      assert.ok(html.includes(p.name) && html.includes(p.ipinId), p.id);
      assert.ok(!html.includes(p.ci) && !html.includes(p.di));
    }
    const json = await (await h.request('/sandbox/inbox.json')).json();
    assert.equal(json.messages[0].mobile, getSandboxPerson(foreigner).mobile);
    assert.match(json.messages[0].text, new RegExp(`\\[${second.code}\\]`));
    assert.equal(json.people.length, sandboxPeople.length);
    // The carriers carry the words of the mobile form's 통신사 list, never the wire codes.
    assert.match(html, /<td>SKT 알뜰폰 <span lang="en">\/ SKT MVNO \(budget carrier\)<\/span><\/td>/);
    assert.match(html, /<td>LG U\+<\/td>/);
    assert.doesNotMatch(html, /_MVNO|<td>LGU<\/td>/);
    assert.deepEqual(json.people.find((p: { carrier: string }) => p.carrier === 'KT_MVNO').carrierLabel, { ko: 'KT 알뜰폰', en: 'KT MVNO (budget carrier)' });
    assert.equal((await h.request('/sandbox/assets/sandbox.css')).headers.get('content-type'), 'text/css; charset=utf-8');
  });
});

describe('privacy and limits', () => {
  it('never puts CI or DI in any JSON response', async () => {
    const h = server();
    const bodies: string[] = [];
    const fetchApp = h.app.fetch.bind(h.app);
    h.app.fetch = (async (request: Request, ...rest: unknown[]) => {
      const response = await (fetchApp as (r: Request, ...x: unknown[]) => Promise<Response>)(request, ...rest);
      bodies.push(await response.clone().text());
      return response;
    }) as typeof h.app.fetch;
    const client = h.client();
    for (const id of [hong, foreigner, minor]) await verifyByMobile(h, client, id, 'signup');
    await verifyByIpin(h, client, kim, 'find-id');
    await verifyByIpin(h, client, hong, 'signup', { mode: 'redirect' });
    const { verificationId, code } = await withCode(h, client, kim);
    await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    await client.call('confirmMobileCode', { params: { verificationId }, body: { code } }).catch(() => undefined);
    await h.request('/sandbox/inbox.json');
    await h.request('/sandbox/inbox');
    assert.ok(bodies.length > 20);
    for (const p of sandboxPeople) {
      for (const body of bodies) {
        assert.ok(!body.includes(p.ci), `CI of ${p.id} leaked`);
        assert.ok(!body.includes(p.di), `DI of ${p.id} leaked`);
      }
    }
  });

  it('answers RATE_LIMITED with Retry-After past 20 starts a minute', async () => {
    const h = server();
    const client = h.client();
    for (let i = 0; i < 20; i += 1) await startMobile(client);
    await rejects(startMobile(client), 'RATE_LIMITED', (error) => assert.ok((error.retryAfterSeconds ?? 0) > 0));
    h.advance(20_000);
    const raw = await startRaw(h, { method: 'mobile', purpose: 'signup' });
    assert.equal(raw.status, 429);
    assert.equal(raw.headers.get('retry-after'), '40');
    assert.equal((await raw.json()).error.code, 'RATE_LIMITED');
    h.advance(40_000);
    await startMobile(client);
  });

  it('masks mobile numbers', () => {
    assert.equal(maskMobile('01012345678'), '010-****-5678');
    assert.equal(maskMobile('0111234567'), '011-***-4567');
  });
});

describe('sandbox i-PIN: generated test people', () => {
  it('`test` + a 010-9999 number with the sandbox password is 테스트 + its digits as syllables, the same person as by mobile', async () => {
    const { findSandboxIpin, sandboxIpinPassword } = await import('./sandbox/people.ts');
    const person = findSandboxIpin('TEST01099990123', sandboxIpinPassword);
    assert.equal(person?.name, '테스트가나다라');
    const byMobile = findSandboxPerson({ name: '테스트가나다라', birthDate: '1991-03-15', gender: 'female', nationality: 'domestic', mobile: '01099990123', carrier: 'KT' });
    assert.equal(person?.di, byMobile?.di);
    assert.equal(findSandboxIpin('test01099990123', 'wrong-password'), null);
    assert.equal(findSandboxIpin('test01012345678', sandboxIpinPassword), null);
  });
});
