import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  can,
  isMembershipError,
  permissionMatrix,
  type CompanyAction,
  type CompanyDetails,
  type MembershipClient,
  type MemberType,
  type PermissionRole,
} from '../src/api/index.ts';
import { isValidBusinessNumber } from '../src/rules/business-number.ts';
import { linkMemberToCompany, simultaneousWindowMs } from './companies.ts';
import { unusedCertificateTtlMs } from './routes/companies.ts';
import { sandboxPersonIds } from './sandbox/people.ts';
import { verifyByMobile } from './sandbox/testing.ts';
import type { ServerConfig } from './config.ts';
import type { MemberRecord } from './store/types.ts';
import { testServer, type TestServer } from './testing.ts';

// The company part of the reference server through real contract clients of the in-memory app.

const password = 'Passw0rd!x';
const api = '/api/v1';

/** A valid BRN for any 9-digit prefix (the check digit is searched, not computed here). */
function brn(prefix: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const digits = `${prefix}${d}`;
    if (isValidBusinessNumber(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  }
  throw new Error(`no check digit for ${prefix}`);
}
let brnSerial = 0;
const freshBrn = () => brn(`3148${String(++brnSerial).padStart(5, '0')}`);

const registryBrn = '120-81-47521';

function details(businessNumber: string, overrides: Partial<CompanyDetails> = {}): CompanyDetails {
  return {
    businessNumber,
    nameKo: '테스트상사 주식회사',
    nameEn: 'Test Trading Co., Ltd.',
    ceoNameKo: '홍길동',
    ceoNameEn: 'Hong Gildong',
    innoBiz: false,
    venture: true,
    foreignInvested: false,
    phone: '0212345678',
    address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '3층' },
    ...overrides,
  };
}

const register = (businessNumber: string, certificateId?: string) => ({
  mode: 'register' as const,
  company: details(businessNumber),
  ...(certificateId ? { certificateId } : {}),
});
const link = (businessNumber: string) => ({ mode: 'link' as const, businessNumber });

function server(): TestServer {
  // Many sign-ins and uploads from one "client address": scale the per-client limits away.
  // (testServer's option type intersects `config` with a full ServerConfig; it is merged as a partial.)
  const config: Partial<ServerConfig> = { rateLimitScale: 1000 };
  return testServer({ config } as Parameters<typeof testServer>[0]);
}

let memberSerial = 0;

/** A signup verification token of a sandbox person (what the wizard holds when it uploads). */
async function signupToken(h: TestServer, client = h.client('trade')): Promise<string> {
  return (await verifyByMobile(h, client, sandboxPersonIds.kim, 'signup')).verificationToken;
}

interface Signed {
  client: MembershipClient;
  record: MemberRecord;
  memberId: string;
}

/** A member created in the store, signed in through the login route with their own client. */
async function member(h: TestServer, options: { memberType?: MemberType; name?: string } = {}): Promise<Signed> {
  const n = ++memberSerial;
  const loginId = `member${String(n).padStart(4, '0')}`;
  const record: MemberRecord = {
    memberId: `mem_test${n}`,
    loginId,
    loginKey: loginId,
    passwordHash: await h.deps.hasher.hash(password),
    memberType: options.memberType ?? 'individual',
    name: options.name ?? `회원${n}`,
    nameEn: null,
    birthDate: '1990-01-01',
    gender: 'female',
    nationality: 'domestic',
    email: `${loginId}@example.com`,
    mobile: null,
    phone: null,
    fax: null,
    department: '해외사업부',
    position: null,
    address: null,
    interestItems: [],
    interestRegions: [],
    di: `di-${n}`,
    ci: `ci-${n}`,
    verifiedWith: 'mobile',
    joinedSiteId: 'trade',
    joinedAt: h.deps.now(),
  };
  const created = await h.deps.store.createMember(record, []);
  assert.ok(created.ok);
  const client = h.client('trade');
  await client.call('login', { body: { loginId, password } });
  return { client, record, memberId: record.memberId };
}

async function rejects(promise: Promise<unknown>, code: string, field?: { field: string; code: string }) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMembershipError(error), String(error));
    assert.equal(error.code, code, error.message);
    if (field) assert.equal(error.fieldError(field.field)?.code, field.code, JSON.stringify(error.fields));
    return true;
  });
}

const bytes = (...values: number[]) => new Uint8Array(values);
const pngBytes = () => bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);
const pdfBytes = () => new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

/** A company with a MASTER who registered it. */
async function companyWithMaster(h: TestServer, businessNumber = freshBrn()) {
  const master = await member(h);
  const membership = await master.client.call('linkCompany', { body: register(businessNumber) });
  return { master, companyId: membership.company.companyId, businessNumber };
}

async function joinAs(h: TestServer, companyOwner: Signed, businessNumber: string, companyId: string, role: 'regular' | 'associate') {
  const joiner = await member(h);
  const membership = await joiner.client.call('linkCompany', { body: link(businessNumber) });
  assert.equal(membership.role, 'associate');
  if (role === 'regular') {
    await companyOwner.client.call('approveCompanyMember', { params: { companyId, memberId: joiner.memberId } });
  }
  return joiner;
}

/** Signs in over raw HTTP: the cookie and the CSRF token, for requests the client would not send. */
async function rawLogin(h: TestServer, loginId: string) {
  const response = await h.request(`${api}/session`, {
    method: 'POST',
    site: 'trade',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('lookupCompany', () => {
  it('answers registered, registry and unknown, and refuses a bad check digit', async () => {
    const h = server();
    const anonymous = h.client('trade');
    const fresh = freshBrn();

    const unknown = await anonymous.call('lookupCompany', { query: { businessNumber: fresh.replace(/-/g, '') } });
    assert.deepEqual(unknown, { status: 'unknown', businessNumber: fresh });

    const registry = await anonymous.call('lookupCompany', { query: { businessNumber: '1208147521' } });
    assert.equal(registry.status, 'registry');
    assert.ok(registry.status === 'registry');
    assert.equal(registry.prefill.nameKo, '한빛정밀 주식회사');
    assert.equal(registry.prefill.businessNumber, '120-81-47521');

    const { companyId } = await companyWithMaster(h, fresh);
    const registered = await anonymous.call('lookupCompany', { query: { businessNumber: `${fresh} ` } });
    assert.deepEqual(registered, {
      status: 'registered',
      company: {
        companyId,
        businessNumber: fresh,
        nameKo: '테스트상사 주식회사',
        nameEn: 'Test Trading Co., Ltd.',
        ceoNameKo: '홍길동',
        address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '3층' },
      },
    });

    await rejects(anonymous.call('lookupCompany', { query: { businessNumber: '124-81-00999' } }), 'VALIDATION_FAILED', { field: 'businessNumber', code: 'BRN_CHECKSUM' });
    await rejects(anonymous.call('lookupCompany', { query: { businessNumber: '124-81-009' } }), 'VALIDATION_FAILED', { field: 'businessNumber', code: 'BRN_LENGTH' });
  });
});

describe('uploadCertificate', () => {
  it('sniffs the content: a PNG named .pdf is a PNG', async () => {
    const h = server();
    const certificate = await (await member(h)).client.uploadCertificate(new File([pngBytes()], 'scan.pdf', { type: 'application/pdf' }));
    assert.equal(certificate.contentType, 'image/png');
    assert.equal(certificate.fileName, 'scan.pdf');
    assert.equal(certificate.bytes, 16);
    assert.equal((await h.deps.store.getCertificate(certificate.certificateId))?.contentType, 'image/png');
  });

  it('accepts a PDF and a JPEG whatever they are called, and keeps only a clean base name', async () => {
    const h = server();
    const { client } = await member(h);
    const pdf = await client.uploadCertificate(new File([pdfBytes()], '..\\..\\사업자등록증\u202Efdp.exe', { type: 'image/png' }));
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal(pdf.fileName, '사업자등록증fdp.exe');
    const jpeg = await client.uploadCertificate(new File([bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)], `/etc/${'가'.repeat(300)}.jpg`));
    assert.equal(jpeg.contentType, 'image/jpeg');
    assert.equal([...jpeg.fileName].length, 200);
  });

  it('refuses a text file named .pdf, and an empty one', async () => {
    const h = server();
    const { client } = await member(h);
    await rejects(client.uploadCertificate(new File(['just text, not a PDF'], 'certificate.pdf', { type: 'application/pdf' })), 'CERTIFICATE_INVALID_TYPE');
    await rejects(client.uploadCertificate(new File([], 'empty.png', { type: 'image/png' })), 'CERTIFICATE_INVALID_TYPE');
  });

  it('refuses a file over the site limit, with and without a Content-Length', async () => {
    const h = server();
    const maxBytes = h.deps.config.sites.trade!.config.certificate.maxBytes;
    const big = new Uint8Array(maxBytes + 1);
    big.set(pdfBytes());
    const { client } = await member(h);
    await rejects(client.uploadCertificate(new File([big], 'big.pdf')), 'CERTIFICATE_TOO_LARGE');

    // The exact limit passes.
    const exact = await client.uploadCertificate(new File([big.subarray(0, maxBytes)], 'exact.pdf'));
    assert.equal(exact.bytes, maxBytes);

    // A streamed (chunked) body has no Content-Length: the server stops reading past the limit.
    const form = new FormData();
    form.set('file', new File([new Uint8Array(maxBytes + 200_000)], 'huge.pdf'));
    const encoded = new Response(form);
    const response = await h.request(`${api}/certificates`, {
      method: 'POST',
      site: 'trade',
      headers: { 'content-type': encoded.headers.get('content-type')!, 'idempotency-key': 'stream-1', 'x-verification-token': await signupToken(h) },
      body: encoded.body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'CERTIFICATE_TOO_LARGE');
  });

  it('refuses a body without a file part', async () => {
    const h = server();
    const form = new FormData();
    form.set('other', 'x');
    const response = await h.request(`${api}/certificates`, { method: 'POST', site: 'trade', headers: { 'idempotency-key': 'k1', 'x-verification-token': await signupToken(h) }, body: form });
    assert.equal(response.status, 422);
    const body = (await response.json()) as { error: { code: string; fields: { field: string }[] } };
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    assert.equal(body.error.fields[0]?.field, 'file');
  });

  it('stores files only for a session or a signup verification token', async () => {
    const h = server();
    const file = () => new File([pdfBytes()], 'c.pdf');
    await rejects(h.client('trade').uploadCertificate(file()), 'UNAUTHENTICATED');
    await rejects(h.client('trade').uploadCertificate(file(), { verificationToken: 'not-a-token-at-all-x' }), 'VERIFICATION_INVALID');
    const anonymous = h.client('trade');
    const verificationToken = await signupToken(h, anonymous);
    assert.equal((await anonymous.uploadCertificate(file(), { verificationToken })).contentType, 'application/pdf');
    const findId = (await verifyByMobile(h, h.client('trade'), sandboxPersonIds.hong, 'find-id')).verificationToken;
    await rejects(h.client('trade').uploadCertificate(file(), { verificationToken: findId }), 'VERIFICATION_PURPOSE_MISMATCH');
    assert.equal((await (await member(h)).client.uploadCertificate(file())).contentType, 'application/pdf');
  });

  it('deletes uploads no company used after a day, and keeps the ones a company refers to', async () => {
    const h = server();
    const master = await member(h);
    const kept = await master.client.uploadCertificate(new File([pdfBytes()], 'kept.pdf'));
    const dropped = await master.client.uploadCertificate(new File([pdfBytes()], 'dropped.pdf'));
    await master.client.call('linkCompany', { body: register(freshBrn(), kept.certificateId) });
    h.advance(unusedCertificateTtlMs + 1000);
    await (await member(h)).client.uploadCertificate(new File([pngBytes()], 'later.png'));
    assert.equal(await h.deps.store.getCertificate(dropped.certificateId), null);
    assert.ok(await h.deps.store.getCertificate(kept.certificateId));
  });
});

describe('linkCompany', () => {
  it('makes the first linker of a new BRN MASTER and the next one associate', async () => {
    const h = server();
    const businessNumber = freshBrn();
    const first = await member(h);
    const second = await member(h);

    const certificate = await first.client.uploadCertificate(new File([pdfBytes()], 'cert.pdf'));
    const mastered = await first.client.call('linkCompany', { body: register(businessNumber, certificate.certificateId) });
    assert.equal(mastered.role, 'master');
    assert.equal(mastered.company.businessNumber, businessNumber);
    assert.equal(mastered.company.phone, '02-1234-5678');
    assert.equal(mastered.company.certificate, 'uploaded');
    assert.equal(mastered.company.memberCount, 1);

    const associated = await second.client.call('linkCompany', { body: link(businessNumber.replace(/-/g, '')) });
    assert.equal(associated.role, 'associate');
    assert.equal(associated.company.companyId, mastered.company.companyId);
    assert.equal(associated.company.memberCount, 2);

    const mine = await second.client.call('getMyCompany', {});
    assert.equal(mine.membership?.role, 'associate');
    assert.equal(mine.membership?.company.companyId, mastered.company.companyId);
    // An individual who links becomes a corporate member.
    assert.equal((await h.deps.store.getMember(second.memberId))?.memberType, 'corporate');
    const session = await second.client.call('getSession', {});
    assert.equal(session.member?.companyRole, 'associate');
  });

  it('answers no company for a member without a link', async () => {
    const h = server();
    const alone = await member(h);
    assert.deepEqual(await alone.client.call('getMyCompany', {}), { membership: null });
  });

  it('refuses a link to an unknown BRN, also one only the registry knows', async () => {
    const h = server();
    const m = await member(h);
    await rejects(m.client.call('linkCompany', { body: link(freshBrn()) }), 'COMPANY_NOT_FOUND');
    await rejects(m.client.call('linkCompany', { body: link(registryBrn) }), 'COMPANY_NOT_FOUND');
    assert.equal(await h.deps.store.getLink(m.memberId), null);
  });

  it('refuses bad check digits with field codes', async () => {
    const h = server();
    const m = await member(h);
    await rejects(m.client.call('linkCompany', { body: link('116-82-00278') }), 'VALIDATION_FAILED', { field: 'businessNumber', code: 'BRN_CHECKSUM' });
    await rejects(m.client.call('linkCompany', { body: register('123-45-67890') }), 'VALIDATION_FAILED', { field: 'company.businessNumber', code: 'BRN_CHECKSUM' });
    const badCrn = { mode: 'register' as const, company: details(freshBrn(), { corporateNumber: '130111-0006247' }) };
    await rejects(m.client.call('linkCompany', { body: badCrn }), 'VALIDATION_FAILED', { field: 'company.corporateNumber', code: 'CRN_CHECKSUM' });
    const badFields = { mode: 'register' as const, company: details(freshBrn(), { nameKo: ' ', ceoNameKo: '', phone: '123' }) };
    await rejects(m.client.call('linkCompany', { body: badFields }), 'VALIDATION_FAILED', { field: 'company.phone', code: 'PHONE_INVALID' });
    await rejects(m.client.call('linkCompany', { body: badFields }), 'VALIDATION_FAILED', { field: 'company.ceoNameKo', code: 'NAME_KO_REQUIRED' });
    const valid = { mode: 'register' as const, company: details(freshBrn(), { corporateNumber: '1301110006246' }) };
    const ok = await m.client.call('linkCompany', { body: valid });
    assert.equal(ok.company.corporateNumber, '130111-0006246');
  });

  it('refuses to register a registered BRN, but treats a simultaneous first registration as the race', async () => {
    const h = server();
    const { businessNumber, companyId } = await companyWithMaster(h);

    // Within the window: another first registrant of the same moment becomes associate.
    const racer = await member(h);
    const raced = await racer.client.call('linkCompany', { body: register(businessNumber) });
    assert.equal(raced.role, 'associate');
    assert.equal(raced.company.companyId, companyId);

    // Later, the UI should have linked: COMPANY_ALREADY_REGISTERED.
    h.advance(simultaneousWindowMs);
    const late = await member(h);
    await rejects(late.client.call('linkCompany', { body: register(businessNumber) }), 'COMPANY_ALREADY_REGISTERED');
    assert.equal(await h.deps.store.getLink(late.memberId), null);
  });

  it('refuses ALREADY_LINKED', async () => {
    const h = server();
    const { master, businessNumber } = await companyWithMaster(h);
    await rejects(master.client.call('linkCompany', { body: link(businessNumber) }), 'ALREADY_LINKED');
    await rejects(master.client.call('linkCompany', { body: register(freshBrn()) }), 'ALREADY_LINKED');
  });

  it('sets the certificate status: uploaded, none (pending), verified from the registry', async () => {
    const h = server();
    const [a, b, c] = [await member(h), await member(h), await member(h)];
    const certificate = await a.client.uploadCertificate(new File([pngBytes()], 'c.png'));

    const uploaded = await linkMemberToCompany(h.deps, a.record, register(freshBrn(), certificate.certificateId));
    assert.deepEqual([uploaded.created, uploaded.certificatePending, uploaded.company.certificateStatus], [true, false, 'uploaded']);
    assert.equal(uploaded.company.certificateId, certificate.certificateId);

    const none = await linkMemberToCompany(h.deps, b.record, register(freshBrn()));
    assert.deepEqual([none.created, none.certificatePending, none.company.certificateStatus], [true, true, 'none']);

    const registry = await c.client.call('linkCompany', { body: register(registryBrn) });
    assert.equal(registry.company.certificate, 'verified');
    assert.equal(registry.role, 'master');

    const d = await member(h);
    await rejects(d.client.call('linkCompany', { body: register(freshBrn(), 'cert_missing') }), 'CERTIFICATE_NOT_FOUND');

    const e = await member(h);
    const associate = await linkMemberToCompany(h.deps, e.record, link(registryBrn));
    assert.deepEqual([associate.created, associate.certificatePending, associate.link.role], [false, false, 'associate']);
  });

  it('50 simultaneous first registrations of one BRN: one MASTER, 49 associates, one company', async () => {
    const h = server();
    const businessNumber = freshBrn();
    const members = await Promise.all(Array.from({ length: 50 }, () => member(h)));
    const answers = await Promise.all(members.map((m) => m.client.call('linkCompany', { body: register(businessNumber) })));

    assert.equal(answers.filter((a) => a.role === 'master').length, 1);
    assert.equal(answers.filter((a) => a.role === 'associate').length, 49);
    const companyIds = new Set(answers.map((a) => a.company.companyId));
    assert.equal(companyIds.size, 1);
    const [companyId] = [...companyIds];
    const links = await h.deps.store.listLinks(companyId!);
    assert.equal(links.length, 50);
    assert.equal(links.filter((l) => l.role === 'master').length, 1);
  });

  it('replays a repeated submit with the same Idempotency-Key: one link, same answer', async () => {
    const h = server();
    const m = await member(h);
    const { cookie, csrfToken } = await rawLogin(h, m.record.loginId);
    const businessNumber = freshBrn();
    const send = () =>
      h.request(`${api}/me/company`, {
        method: 'POST',
        site: 'trade',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'idempotency-key': 'submit-1' },
        body: JSON.stringify(register(businessNumber)),
      });
    const first = await send();
    const second = await send();
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await second.json(), await first.json());
    const link = await h.deps.store.getLink(m.memberId);
    assert.equal((await h.deps.store.listLinks(link!.companyId)).length, 1);
  });

  it('refuses a state change without the CSRF header, and calls without a session', async () => {
    const h = server();
    const m = await member(h);
    const { cookie } = await rawLogin(h, m.record.loginId);
    const response = await h.request(`${api}/me/company`, {
      method: 'POST',
      site: 'trade',
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'no-csrf' },
      body: JSON.stringify(register(freshBrn())),
    });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'CSRF_INVALID');
    assert.equal(await h.deps.store.getLink(m.memberId), null);

    const leave = await h.request(`${api}/me/company`, { method: 'DELETE', site: 'trade', headers: { cookie } });
    assert.equal(leave.status, 403);

    const anonymous = h.client('trade');
    await rejects(anonymous.call('getMyCompany', {}), 'UNAUTHENTICATED');
    await rejects(anonymous.call('linkCompany', { body: register(freshBrn()) }), 'UNAUTHENTICATED');
    await rejects(anonymous.call('listCompanyMembers', { params: { companyId: 'co_x' } }), 'UNAUTHENTICATED');
  });
});

describe('permissions', () => {
  type Case = { op: string; action: CompanyAction; run: (f: Fixture, caller: Signed) => Promise<unknown> };
  interface Fixture {
    h: TestServer;
    companyId: string;
    master: Signed;
    regular: Signed;
    associate: Signed;
    individual: Signed;
    otherMaster: Signed;
    pending: Signed;
    secondRegular: Signed;
  }

  async function fixture(): Promise<Fixture> {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    const regular = await joinAs(h, master, businessNumber, companyId, 'regular');
    const secondRegular = await joinAs(h, master, businessNumber, companyId, 'regular');
    const associate = await joinAs(h, master, businessNumber, companyId, 'associate');
    const pending = await joinAs(h, master, businessNumber, companyId, 'associate');
    const individual = await member(h);
    const otherMaster = (await companyWithMaster(h)).master;
    return { h, companyId, master, regular, associate, individual, otherMaster, pending, secondRegular };
  }

  // The six operations that check a role (the others are open to every signed-in member).
  const cases: Case[] = [
    { op: 'updateCompany', action: 'edit-company', run: (f, c) => c.client.call('updateCompany', { params: { companyId: f.companyId }, body: { industry: '무역 중개' } }) },
    { op: 'listCompanyMembers', action: 'approve-members', run: (f, c) => c.client.call('listCompanyMembers', { params: { companyId: f.companyId } }) },
    { op: 'approveCompanyMember', action: 'approve-members', run: (f, c) => c.client.call('approveCompanyMember', { params: { companyId: f.companyId, memberId: f.pending.memberId } }) },
    { op: 'rejectCompanyMember', action: 'approve-members', run: (f, c) => c.client.call('rejectCompanyMember', { params: { companyId: f.companyId, memberId: f.pending.memberId } }) },
    { op: 'removeCompanyMember', action: 'remove-members', run: (f, c) => c.client.call('removeCompanyMember', { params: { companyId: f.companyId, memberId: f.secondRegular.memberId } }) },
    { op: 'transferMaster', action: 'transfer-master', run: (f, c) => c.client.call('transferMaster', { params: { companyId: f.companyId }, body: { memberId: f.secondRegular.memberId } }) },
  ];
  const roles: { role: PermissionRole; caller: (f: Fixture) => Signed; label: string }[] = [
    { role: 'master', caller: (f) => f.master, label: 'master' },
    { role: 'regular', caller: (f) => f.regular, label: 'regular' },
    { role: 'associate', caller: (f) => f.associate, label: 'associate' },
    { role: 'individual', caller: (f) => f.individual, label: 'individual' },
    // A MASTER of another company counts as an individual here.
    { role: 'individual', caller: (f) => f.otherMaster, label: 'master of another company' },
  ];

  it('the matrix covers each action the cases use', () => {
    for (const c of cases) assert.ok(permissionMatrix[c.action]);
  });

  for (const { role, caller, label } of roles) {
    for (const c of cases) {
      const allowed = permissionMatrix[c.action].includes(role);
      it(`${label} × ${c.op}: ${allowed ? 'allowed' : 'FORBIDDEN_ROLE'}`, async () => {
        assert.equal(can(role === 'individual' ? null : role, c.action), allowed);
        const f = await fixture();
        if (allowed) await c.run(f, caller(f));
        else await rejects(c.run(f, caller(f)), 'FORBIDDEN_ROLE');
      });
    }
  }

  it('answers COMPANY_NOT_FOUND for an unknown company id, FORBIDDEN_ROLE for another company', async () => {
    const f = await fixture();
    await rejects(f.master.client.call('updateCompany', { params: { companyId: 'co_nope' }, body: { industry: 'x' } }), 'COMPANY_NOT_FOUND');
    await rejects(f.master.client.call('listCompanyMembers', { params: { companyId: 'co_nope' } }), 'COMPANY_NOT_FOUND');
    const other = await f.h.deps.store.getLink(f.otherMaster.memberId);
    await rejects(f.master.client.call('updateCompany', { params: { companyId: other!.companyId }, body: { industry: 'x' } }), 'FORBIDDEN_ROLE');
  });
});

describe('company administration', () => {
  it('updates company details with the field rules; the BRN stays', async () => {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    const updated = await master.client.call('updateCompany', { params: { companyId }, body: { nameEn: 'Renamed Co.', fax: '02 765 4321', homepage: 'example.co.kr' } });
    assert.equal(updated.nameEn, 'Renamed Co.');
    assert.equal(updated.fax, '02-765-4321');
    assert.equal(updated.homepage, 'http://example.co.kr');
    assert.equal(updated.businessNumber, businessNumber);
    assert.equal(updated.memberCount, 1);
    await rejects(master.client.call('updateCompany', { params: { companyId }, body: { phone: '12' } }), 'VALIDATION_FAILED', { field: 'phone', code: 'PHONE_INVALID' });
    await rejects(master.client.call('updateCompany', { params: { companyId }, body: { nameKo: '' } }), 'VALIDATION_FAILED', { field: 'nameKo', code: 'TEXT_REQUIRED' });
    const cleared = await master.client.call('updateCompany', { params: { companyId }, body: { fax: '' } });
    assert.equal(cleared.fax, undefined);
  });

  it('lists pending associates first, then the MASTER, then regulars by link time', async () => {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    h.advance(1000);
    const regular = await joinAs(h, master, businessNumber, companyId, 'regular');
    h.advance(1000);
    const first = await joinAs(h, master, businessNumber, companyId, 'associate');
    h.advance(1000);
    const second = await joinAs(h, master, businessNumber, companyId, 'associate');
    const { members } = await master.client.call('listCompanyMembers', { params: { companyId } });
    assert.deepEqual(
      members.map((m) => [m.memberId, m.role]),
      [[first.memberId, 'associate'], [second.memberId, 'associate'], [master.memberId, 'master'], [regular.memberId, 'regular']],
    );
    assert.equal(members[0]?.loginId, first.record.loginId);
    assert.equal(members[0]?.department, '해외사업부');
  });

  it('approves, rejects and removes members', async () => {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    const a = await joinAs(h, master, businessNumber, companyId, 'associate');
    const b = await joinAs(h, master, businessNumber, companyId, 'associate');

    const approved = await master.client.call('approveCompanyMember', { params: { companyId, memberId: a.memberId } });
    assert.equal(approved.role, 'regular');
    assert.equal((await a.client.call('getMyCompany', {})).membership?.role, 'regular');
    // Only pending associates can be approved or rejected.
    await rejects(master.client.call('approveCompanyMember', { params: { companyId, memberId: a.memberId } }), 'MEMBER_NOT_IN_COMPANY');
    await rejects(master.client.call('rejectCompanyMember', { params: { companyId, memberId: a.memberId } }), 'MEMBER_NOT_IN_COMPANY');
    await rejects(master.client.call('approveCompanyMember', { params: { companyId, memberId: 'mem_nobody' } }), 'MEMBER_NOT_IN_COMPANY');

    await master.client.call('rejectCompanyMember', { params: { companyId, memberId: b.memberId } });
    assert.deepEqual(await b.client.call('getMyCompany', {}), { membership: null });
    // Linking made them corporate; losing the company makes them an individual again.
    assert.equal((await h.deps.store.getMember(b.memberId))?.memberType, 'individual');

    await master.client.call('removeCompanyMember', { params: { companyId, memberId: a.memberId } });
    assert.deepEqual(await a.client.call('getMyCompany', {}), { membership: null });
    await rejects(master.client.call('removeCompanyMember', { params: { companyId, memberId: a.memberId } }), 'MEMBER_NOT_IN_COMPANY');
    // A member of another company is not in this one.
    const other = await companyWithMaster(h);
    await rejects(master.client.call('removeCompanyMember', { params: { companyId, memberId: other.master.memberId } }), 'MEMBER_NOT_IN_COMPANY');
    // The MASTER does not remove themself (leave or transfer instead).
    await rejects(master.client.call('removeCompanyMember', { params: { companyId, memberId: master.memberId } }), 'FORBIDDEN_ROLE');
  });

  it('transfers MASTER to a regular member only; the roles swap', async () => {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    const associate = await joinAs(h, master, businessNumber, companyId, 'associate');
    const regular = await joinAs(h, master, businessNumber, companyId, 'regular');

    await rejects(master.client.call('transferMaster', { params: { companyId }, body: { memberId: associate.memberId } }), 'MEMBER_NOT_IN_COMPANY');
    await rejects(master.client.call('transferMaster', { params: { companyId }, body: { memberId: master.memberId } }), 'MEMBER_NOT_IN_COMPANY');

    const { members } = await master.client.call('transferMaster', { params: { companyId }, body: { memberId: regular.memberId } });
    const roleOf = (id: string) => members.find((m) => m.memberId === id)?.role;
    assert.equal(roleOf(regular.memberId), 'master');
    assert.equal(roleOf(master.memberId), 'regular');
    assert.equal(roleOf(associate.memberId), 'associate');
    // The former MASTER lost the MASTER-only operations; the new one has them.
    await rejects(master.client.call('listCompanyMembers', { params: { companyId } }), 'FORBIDDEN_ROLE');
    await regular.client.call('listCompanyMembers', { params: { companyId } });
  });

  it('a MASTER with members must transfer before leaving; alone they leave and the next linker adopts the company', async () => {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    const associate = await joinAs(h, master, businessNumber, companyId, 'associate');
    await rejects(master.client.call('leaveCompany', {}), 'MASTER_MUST_TRANSFER');

    // Associates and regulars leave freely.
    await associate.client.call('leaveCompany', {});
    await rejects(associate.client.call('leaveCompany', {}), 'NOT_LINKED');

    await master.client.call('leaveCompany', {});
    assert.deepEqual(await master.client.call('getMyCompany', {}), { membership: null });
    const company = await h.deps.store.getCompany(companyId);
    assert.ok(company, 'the company stays registered');
    assert.equal((await h.deps.store.listLinks(companyId)).length, 0);

    const lookup = await h.client('trade').call('lookupCompany', { query: { businessNumber } });
    assert.equal(lookup.status, 'registered');
    const next = await member(h);
    const adopted = await next.client.call('linkCompany', { body: link(businessNumber) });
    assert.equal(adopted.role, 'master');
    assert.equal(adopted.company.companyId, companyId);
    const after = await member(h);
    assert.equal((await after.client.call('linkCompany', { body: link(businessNumber) })).role, 'associate');
  });

  it('several members linking to a company without MASTER at once leave exactly one MASTER', async () => {
    const h = server();
    const { master, companyId, businessNumber } = await companyWithMaster(h);
    await master.client.call('leaveCompany', {});
    const members = await Promise.all(Array.from({ length: 10 }, () => member(h)));
    await Promise.all(members.map((m) => m.client.call('linkCompany', { body: link(businessNumber) })));
    const links = await h.deps.store.listLinks(companyId);
    assert.equal(links.length, 10);
    assert.equal(links.filter((l) => l.role === 'master').length, 1);
    assert.equal(links.filter((l) => l.role === 'associate').length, 9);
  });
});
