import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MembershipError, newIdempotencyKey, type MembershipClient, type SignupRequest } from '../src/api/index.ts';
import { sandboxPersonIds } from './sandbox/people.ts';
import { verifyByMobile } from './sandbox/testing.ts';
import { testServer, type TestServer } from './testing.ts';

const password = 'Passw0rd!2026';

async function rejects(promise: Promise<unknown>, code: string): Promise<MembershipError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MembershipError, `expected MembershipError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

async function consents(client: MembershipClient) {
  const { documents } = await client.call('listTerms', { query: { purpose: 'signup' } });
  return documents.map((doc) => ({ documentId: doc.documentId, version: doc.version, agreed: doc.required }));
}

async function signupBody(h: TestServer, client: MembershipClient, personId: string, loginId: string, extra: Partial<SignupRequest> = {}): Promise<SignupRequest> {
  const verification = await verifyByMobile(h, client, personId, 'signup');
  return {
    memberType: 'individual',
    verificationToken: verification.verificationToken,
    consents: await consents(client),
    details: { loginId, password, email: `${loginId}@example.com`, phone: '02-123-4567', mobile: '010-1234-5678', address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '1층' } },
    ...extra,
  };
}

async function signUp(h: TestServer, client: MembershipClient, personId: string, loginId: string) {
  return client.call('createMember', { body: await signupBody(h, client, personId, loginId) });
}

describe('site and terms', () => {
  test('each sibling site answers its own config and terms, required documents first', async () => {
    const h = testServer();
    const trade = await h.client('trade').call('getSiteConfig', {});
    const animal = await h.client('animal').call('getSiteConfig', {});
    assert.equal(trade.policy.password.minLength, 9);
    assert.deepEqual(trade.policy.password.requiredKinds, ['letter', 'digit', 'special']);
    assert.deepEqual(animal.memberTypes, ['individual', 'foreign'], 'its manual: 국내인 and 외국인, no company signup');
    assert.deepEqual(animal.policy.required, { phone: false, mobile: true, address: true, nameEn: false }, 'its member form: 핸드폰번호 and 주소');
    assert.equal(animal.reverifyAtSignupSubmit, true);
    assert.deepEqual(trade.verificationMethods.map((m) => m.id), ['mobile', 'ipin']);
    const { documents } = await h.client('trade').call('listTerms', { query: { purpose: 'signup' } });
    assert.deepEqual(documents.map((d) => [d.documentId, d.required]), [['trade-terms', true], ['trade-privacy', true], ['trade-marketing', false]]);
  });

  test('an unknown site is refused with SITE_UNKNOWN', async () => {
    const h = testServer();
    await rejects(h.client('nowhere').call('getSiteConfig', {}), 'SITE_UNKNOWN');
  });
});

describe('login ID availability', () => {
  test('free, taken case-insensitively, and against the site policy', async () => {
    const h = testServer();
    const client = h.client();
    assert.deepEqual(await client.call('checkLoginIdAvailability', { params: { loginId: 'hong2026' } }), { loginId: 'hong2026', available: true, errors: [] });
    await signUp(h, client, sandboxPersonIds.hong, 'hong2026');
    assert.equal((await client.call('checkLoginIdAvailability', { params: { loginId: 'HONG2026' } })).available, false);
    const bad = await client.call('checkLoginIdAvailability', { params: { loginId: '1abc' } });
    assert.equal(bad.available, false);
    assert.ok(bad.errors.includes('LOGIN_ID_FIRST_CHAR') && bad.errors.includes('LOGIN_ID_TOO_SHORT'), bad.errors.join());
  });
});

describe('signup', () => {
  test('a domestic individual signs up; name and birth date come from the verification; consents are kept', async () => {
    const h = testServer();
    const client = h.client();
    const result = await signUp(h, client, sandboxPersonIds.hong, 'hong2026');
    assert.equal(result.member.name, '홍길동');
    assert.equal(result.member.memberType, 'individual');
    assert.equal(result.member.companyRole, null);
    assert.equal(result.certificatePending, false);
    const stored = await h.deps.store.findMemberByLoginKey('hong2026');
    assert.equal(stored?.birthDate, '1985-04-12');
    assert.equal(stored?.mobile, '010-1234-5678');
    assert.notEqual(stored?.passwordHash, password);
    assert.deepEqual((await h.deps.store.listConsents(result.member.memberId)).map((c) => [c.documentId, c.agreed]), [['trade-terms', true], ['trade-privacy', true], ['trade-marketing', false]]);
  });

  test('a second signup of the same person is ALREADY_MEMBER, whatever the ID', async () => {
    const h = testServer();
    const client = h.client();
    await signUp(h, client, sandboxPersonIds.kim, 'minji2026');
    await rejects(signUp(h, client, sandboxPersonIds.kim, 'other2026'), 'ALREADY_MEMBER');
  });

  test('a taken login ID answers LOGIN_ID_TAKEN on the field, and the verification stays usable', async () => {
    const h = testServer();
    const client = h.client();
    await signUp(h, client, sandboxPersonIds.hong, 'taken2026');
    const body = await signupBody(h, client, sandboxPersonIds.kim, 'Taken2026');
    const error = await rejects(client.call('createMember', { body }), 'LOGIN_ID_TAKEN');
    assert.equal(error.fieldError('details.loginId')?.code, 'LOGIN_ID_TAKEN');
    const retried = await client.call('createMember', { body: { ...body, details: { ...body.details, loginId: 'minji2026' } } });
    assert.equal(retried.member.loginId, 'minji2026');
  });

  test('under 14 is refused with UNDER_AGE and nothing is stored', async () => {
    const h = testServer();
    const client = h.client();
    await rejects(signUp(h, client, sandboxPersonIds.minor, 'haeun2014'), 'UNDER_AGE');
    assert.equal(await h.deps.store.findMemberByLoginKey('haeun2014'), null);
  });

  test('a foreigner signs up as a foreign member with an English name', async () => {
    const h = testServer();
    const client = h.client();
    const body = await signupBody(h, client, sandboxPersonIds.foreigner, 'jsmith2026', { memberType: 'foreign' });
    body.details.nameEn = 'John Smith';
    const result = await client.call('createMember', { body });
    assert.equal(result.member.memberType, 'foreign');
    assert.equal(result.member.name, 'John Smith');
  });

  test('the foreign member type without an English name is a field error', async () => {
    const h = testServer();
    const client = h.client();
    const body = await signupBody(h, client, sandboxPersonIds.foreigner, 'jsmith2026', { memberType: 'foreign' });
    const error = await rejects(client.call('createMember', { body }), 'VALIDATION_FAILED');
    assert.equal(error.fieldError('details.nameEn')?.code, 'NAME_EN_REQUIRED');
  });

  test('field rules of the site policy answer rule codes per field', async () => {
    const h = testServer();
    const client = h.client();
    const body = await signupBody(h, client, sandboxPersonIds.hong, 'hong2026');
    body.details = { ...body.details, password: 'short', email: 'no-at-sign', phone: '12345' };
    const error = await rejects(client.call('createMember', { body }), 'VALIDATION_FAILED');
    const codesOf = (field: string) => error.fields.filter((f) => f.field === field).map((f) => f.code);
    assert.ok(codesOf('details.password').includes('PASSWORD_TOO_SHORT'), codesOf('details.password').join());
    assert.match(codesOf('details.email').join(), /^EMAIL_/);
    assert.match(codesOf('details.phone').join(), /^PHONE_/);
  });

  test('a required document not agreed is TERMS_REQUIRED; an old version is TERMS_OUTDATED', async () => {
    const h = testServer();
    const client = h.client();
    const body = await signupBody(h, client, sandboxPersonIds.hong, 'hong2026');
    const refused = body.consents.map((c) => (c.documentId === 'trade-privacy' ? { ...c, agreed: false } : c));
    const error = await rejects(client.call('createMember', { body: { ...body, consents: refused } }), 'TERMS_REQUIRED');
    assert.equal(error.fieldError('consents.trade-privacy')?.code, 'TERMS_REQUIRED');
    const outdated = body.consents.map((c) => (c.documentId === 'trade-terms' ? { ...c, version: '2020-01-01' } : c));
    await rejects(client.call('createMember', { body: { ...body, consents: outdated } }), 'TERMS_OUTDATED');
  });

  test('a verification token works once and only for signup on its own site', async () => {
    const h = testServer();
    const trade = h.client('trade');
    const findId = await verifyByMobile(h, trade, sandboxPersonIds.hong, 'find-id');
    const body = await signupBody(h, trade, sandboxPersonIds.hong, 'hong2026');
    await rejects(trade.call('createMember', { body: { ...body, verificationToken: findId.verificationToken } }), 'VERIFICATION_PURPOSE_MISMATCH');
    const animal = h.client('animal');
    await rejects(animal.call('createMember', { body: { ...body, consents: await consents(animal) } }), 'VERIFICATION_INVALID');
    await trade.call('createMember', { body });
    await rejects(trade.call('createMember', { body: { ...body, details: { ...body.details, loginId: 'hong2027' } } }), 'VERIFICATION_INVALID');
  });

  test('the token expires', async () => {
    const h = testServer();
    const client = h.client();
    const body = await signupBody(h, client, sandboxPersonIds.hong, 'hong2026');
    h.advance(31 * 60 * 1000);
    await rejects(client.call('createMember', { body }), 'VERIFICATION_EXPIRED');
  });

  test('a site that asks for a fresh verification at submit needs a second token of the same person', async () => {
    const h = testServer();
    const client = h.client('animal');
    const body = await signupBody(h, client, sandboxPersonIds.hong, 'hong2026');
    body.details.password = 'abcd1234';
    await rejects(client.call('createMember', { body }), 'VALIDATION_FAILED');
    const other = await verifyByMobile(h, client, sandboxPersonIds.kim, 'signup');
    await rejects(client.call('createMember', { body: { ...body, submitVerificationToken: other.verificationToken } }), 'IDENTITY_MISMATCH');
    const again = await verifyByMobile(h, client, sandboxPersonIds.hong, 'signup');
    const result = await client.call('createMember', { body: { ...body, submitVerificationToken: again.verificationToken } });
    assert.equal(result.member.loginId, 'hong2026');
  });

  test('a member type the site does not take is refused', async () => {
    const h = testServer();
    const client = h.client('animal');
    const body = await signupBody(h, client, sandboxPersonIds.hong, 'hong2026', { memberType: 'corporate' });
    await rejects(client.call('createMember', { body }), 'MEMBER_TYPE_NOT_ALLOWED');
  });

  test('the animal site takes foreign members, and refuses a signup without the address its manual asks for', async () => {
    const h = testServer();
    const client = h.client('animal');
    const body = await signupBody(h, client, sandboxPersonIds.foreigner, 'jsmith2026', { memberType: 'foreign' });
    body.details.nameEn = 'John Smith';
    const { address: _address, ...withoutAddress } = body.details;
    await rejects(client.call('createMember', { body: { ...body, details: withoutAddress } }), 'VALIDATION_FAILED');
    const again = await verifyByMobile(h, client, sandboxPersonIds.foreigner, 'signup');
    const result = await client.call('createMember', { body: { ...body, submitVerificationToken: again.verificationToken } });
    assert.equal(result.member.memberType, 'foreign');
  });

  test('a retried submit with the same Idempotency-Key replays the first answer and creates one account', async () => {
    const h = testServer();
    const client = h.client();
    const body = await signupBody(h, client, sandboxPersonIds.hong, 'hong2026');
    const idempotencyKey = newIdempotencyKey();
    const first = await client.call('createMember', { body }, { idempotencyKey });
    const second = await client.call('createMember', { body }, { idempotencyKey });
    assert.deepEqual(second, first);
    assert.equal((await h.deps.store.findMembersByDi((await h.deps.store.findMemberByLoginKey('hong2026'))!.di)).length, 1);
    await rejects(client.call('createMember', { body: { ...body, details: { ...body.details, loginId: 'hong2027' } } }, { idempotencyKey }), 'IDEMPOTENCY_CONFLICT');
  });

  test('50 parallel signups with one login ID make exactly one account', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const people = [sandboxPersonIds.hong, sandboxPersonIds.kim, sandboxPersonIds.lee, sandboxPersonIds.park];
    const bodies = [];
    for (let i = 0; i < 50; i += 1) {
      const client = h.client();
      bodies.push({ client, body: await signupBody(h, client, people[i % people.length]!, 'samename1') });
    }
    const results = await Promise.allSettled(bodies.map(({ client, body }) => client.call('createMember', { body })));
    const created = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as MembershipError).code] : []));
    assert.equal(created.length, 1);
    assert.ok(codes.every((code) => code === 'LOGIN_ID_TAKEN' || code === 'ALREADY_MEMBER'), codes.join());
  });
});

describe('session', () => {
  test('login sets an HttpOnly SameSite=Lax cookie; the session and its CSRF token are readable; logout ends it', async () => {
    const h = testServer();
    await signUp(h, h.client(), sandboxPersonIds.hong, 'hong2026');
    const raw = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'HONG2026', password }) });
    assert.equal(raw.status, 200);
    const cookie = raw.headers.get('set-cookie') ?? '';
    assert.match(cookie, /mb_session=[^;]+/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(await raw.text(), /Passw0rd/);

    const client = h.client();
    assert.deepEqual(await client.call('getSession', {}), { member: null, csrfToken: null });
    const session = await client.call('login', { body: { loginId: 'hong2026', password } });
    assert.equal(session.member?.loginId, 'hong2026');
    assert.equal((await client.call('getSession', {})).csrfToken, session.csrfToken);
    await client.call('logout', {});
    assert.equal((await client.call('getSession', {})).member, null);
  });

  test('a wrong password and an unknown ID give the same INVALID_CREDENTIALS; repeated failures make that client wait', async () => {
    const h = testServer();
    await signUp(h, h.client(), sandboxPersonIds.hong, 'hong2026');
    const client = h.client();
    const wrong = await rejects(client.call('login', { body: { loginId: 'hong2026', password: 'nope' } }), 'INVALID_CREDENTIALS');
    const unknown = await rejects(client.call('login', { body: { loginId: 'nobody99', password: 'nope' } }), 'INVALID_CREDENTIALS');
    assert.equal(wrong.message, unknown.message);
    for (let i = 0; i < 4; i += 1) await rejects(client.call('login', { body: { loginId: 'hong2026', password: 'nope' } }), 'INVALID_CREDENTIALS');
    const locked = await rejects(client.call('login', { body: { loginId: 'hong2026', password } }), 'RATE_LIMITED');
    assert.ok((locked.retryAfterSeconds ?? 0) > 0);
    h.advance(301_000);
    assert.equal((await h.client().call('login', { body: { loginId: 'hong2026', password } })).member?.loginId, 'hong2026');
  });

  test('a state change without the CSRF header is refused; signed out is UNAUTHENTICATED', async () => {
    const h = testServer();
    await signUp(h, h.client(), sandboxPersonIds.hong, 'hong2026');
    const login = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'hong2026', password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const noCsrf = await h.request('/api/v1/session', { method: 'DELETE', site: 'trade', headers: { cookie } });
    assert.equal(noCsrf.status, 403);
    assert.equal((await noCsrf.json()).error.code, 'CSRF_INVALID');
    const signedOut = await h.request('/api/v1/me', { site: 'trade' });
    assert.equal((await signedOut.json()).error.code, 'UNAUTHENTICATED');
  });
});

describe('profile', () => {
  async function signedIn(h: TestServer, personId: string, loginId: string) {
    await signUp(h, h.client(), personId, loginId);
    const client = h.client();
    await client.call('login', { body: { loginId, password } });
    return client;
  }

  test('editing needs a matching re-verification no older than 10 minutes', async () => {
    const h = testServer();
    const client = await signedIn(h, sandboxPersonIds.hong, 'hong2026');
    await rejects(client.call('updateProfile', { body: { email: 'new@example.com' } }), 'REVERIFICATION_REQUIRED');
    const verification = await verifyByMobile(h, client, sandboxPersonIds.hong, 'reverify');
    const window = await client.call('reverify', { body: { verificationToken: verification.verificationToken } });
    assert.equal(Date.parse(window.editableUntil) - Date.parse(window.verifiedAt), 600_000);
    const profile = await client.call('updateProfile', { body: { email: 'new@example.com', mobile: '01098765432', department: '해외사업팀' } });
    assert.equal(profile.email, 'new@example.com');
    assert.equal(profile.mobile, '010-9876-5432');
    assert.equal(profile.department, '해외사업팀');
    h.advance(601_000);
    await rejects(client.call('updateProfile', { body: { email: 'later@example.com' } }), 'REVERIFICATION_REQUIRED');
  });

  test('a verified name that differs from the account answers NAME_MISMATCH with the three ways out', async () => {
    const h = testServer();
    const client = await signedIn(h, sandboxPersonIds.hong, 'hong2026');
    const member = await h.deps.store.findMemberByLoginKey('hong2026');
    await h.deps.store.updateMember(member!.memberId, { name: '홍길순' });
    const verification = await verifyByMobile(h, client, sandboxPersonIds.hong, 'reverify');
    const error = await rejects(client.call('reverify', { body: { verificationToken: verification.verificationToken } }), 'NAME_MISMATCH');
    assert.deepEqual(error.guidance, ['OWNER_CHANGE', 'LEGAL_NAME_CHANGE', 'ORIGINAL_METHOD']);
  });

  test('another person with the same name is IDENTITY_MISMATCH; a re-verification from another session is refused', async () => {
    const h = testServer();
    const client = await signedIn(h, sandboxPersonIds.hong, 'hong2026');
    const member = await h.deps.store.findMemberByLoginKey('hong2026');
    await h.deps.store.updateMember(member!.memberId, { name: '김민지' });
    const other = await verifyByMobile(h, client, sandboxPersonIds.kim, 'reverify');
    await rejects(client.call('reverify', { body: { verificationToken: other.verificationToken } }), 'IDENTITY_MISMATCH');

    const second = h.client();
    await second.call('login', { body: { loginId: 'hong2026', password } });
    await h.deps.store.updateMember(member!.memberId, { name: '홍길동' });
    const fromSecond = await verifyByMobile(h, second, sandboxPersonIds.hong, 'reverify');
    await rejects(client.call('reverify', { body: { verificationToken: fromSecond.verificationToken } }), 'VERIFICATION_INVALID');
  });

  test('a new password is checked against the policy and then works; optional consent can be withdrawn, required cannot', async () => {
    const h = testServer();
    const client = await signedIn(h, sandboxPersonIds.hong, 'hong2026');
    const verification = await verifyByMobile(h, client, sandboxPersonIds.hong, 'reverify');
    await client.call('reverify', { body: { verificationToken: verification.verificationToken } });
    const weak = await rejects(client.call('updateProfile', { body: { newPassword: 'hong2026abc!' } }), 'VALIDATION_FAILED');
    assert.equal(weak.fieldError('newPassword')?.code, 'PASSWORD_CONTAINS_LOGIN_ID');
    await client.call('updateProfile', { body: { newPassword: 'N3w-Passw0rd!' } });
    assert.equal((await h.client().call('login', { body: { loginId: 'hong2026', password: 'N3w-Passw0rd!' } })).member?.loginId, 'hong2026');

    await rejects(client.call('updateProfile', { body: { consents: [{ documentId: 'trade-privacy', version: '2026-01-01', agreed: false }] } }), 'TERMS_REQUIRED');
    const profile = await client.call('updateProfile', { body: { consents: [{ documentId: 'trade-marketing', version: '2026-01-01', agreed: true }] } });
    assert.equal(profile.consents.filter((c) => c.documentId === 'trade-marketing').at(-1)?.agreed, true);
  });
});

describe('find ID and password reset', () => {
  test('find ID answers the masked IDs of the verified person, and an empty list for a non-member', async () => {
    const h = testServer();
    await signUp(h, h.client(), sandboxPersonIds.hong, 'hong2026');
    const client = h.client();
    const found = await client.call('findLoginIds', { body: { verificationToken: (await verifyByMobile(h, client, sandboxPersonIds.hong, 'find-id')).verificationToken } });
    assert.equal(found.accounts.length, 1);
    assert.notEqual(found.accounts[0]!.maskedLoginId, 'hong2026');
    assert.ok(found.accounts[0]!.maskedLoginId.startsWith('ho') && found.accounts[0]!.maskedLoginId.includes('*'));
    const none = await client.call('findLoginIds', { body: { verificationToken: (await verifyByMobile(h, client, sandboxPersonIds.kim, 'find-id')).verificationToken } });
    assert.deepEqual(none, { accounts: [] });
  });

  test('reset: the same answer for an unknown ID; the holder on the given mobile sets a new password once', async () => {
    const h = testServer();
    await signUp(h, h.client(), sandboxPersonIds.hong, 'hong2026');
    const client = h.client();
    const unknown = await client.call('startPasswordReset', { body: { loginId: 'nobody99', mobile: '010-1234-5678' } });
    const known = await client.call('startPasswordReset', { body: { loginId: 'hong2026', mobile: '010-1234-5678' } });
    assert.deepEqual(Object.keys(unknown).sort(), Object.keys(known).sort());

    const weak = await verifyByMobile(h, client, sandboxPersonIds.hong, 'reset-password', { resetId: known.resetId });
    const weakError = await rejects(client.call('completePasswordReset', { params: { resetId: known.resetId }, body: { verificationToken: weak.verificationToken, newPassword: 'abc' } }), 'VALIDATION_FAILED');
    assert.equal(weakError.fieldError('newPassword')?.code, 'PASSWORD_TOO_SHORT');
    // The weak password did not use up the verification.
    await client.call('completePasswordReset', { params: { resetId: known.resetId }, body: { verificationToken: weak.verificationToken, newPassword: 'Reset-Passw0rd!' } });
    assert.equal((await h.client().call('login', { body: { loginId: 'hong2026', password: 'Reset-Passw0rd!' } })).member?.loginId, 'hong2026');
    const again = await verifyByMobile(h, client, sandboxPersonIds.hong, 'reset-password', { resetId: known.resetId }).catch((e: unknown) => e);
    assert.ok(again instanceof MembershipError && again.code === 'RESET_EXPIRED', String(again));
  });

  test('reset by another person, or for an ID of someone else, is RESET_NOT_MATCHED', async () => {
    const h = testServer();
    await signUp(h, h.client(), sandboxPersonIds.hong, 'hong2026');
    const client = h.client();
    const reset = await client.call('startPasswordReset', { body: { loginId: 'hong2026', mobile: '010-2345-6789' } });
    const kim = await verifyByMobile(h, client, sandboxPersonIds.kim, 'reset-password', { resetId: reset.resetId });
    await rejects(client.call('completePasswordReset', { params: { resetId: reset.resetId }, body: { verificationToken: kim.verificationToken, newPassword: 'Reset-Passw0rd!' } }), 'RESET_NOT_MATCHED');
  });
});
