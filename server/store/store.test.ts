import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MemoryStore } from './memory.ts';
import { migrate, migrations, schemaVersion, type Migration } from './migrations.ts';
import { SqliteStore } from './sqlite.ts';
import type {
  CertificateRecord,
  CompanyRecord,
  ConsentRecord,
  IdempotencyRecord,
  MemberRecord,
  MembershipStore,
  PasswordResetRecord,
  SandboxMessage,
  SessionRecord,
  VerificationRecord,
  VerificationTokenRecord,
  VerifiedPerson,
} from './types.ts';

// One suite, two stores: MemoryStore (MSW) and SqliteStore (demo) must behave the same.
// Then SQLite-only checks: restart, migrations, foreign keys, rollback, and concurrent connections.

const dir = mkdtempSync(join(tmpdir(), 'membership-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const tempFile = () => join(dir, `store-${++fileCount}.db`);

// ---------------------------------------------------------------- factories

let serial = 0;
const T0 = 1_767_225_600_000;

function member(overrides: Partial<MemberRecord> = {}): MemberRecord {
  const n = ++serial;
  return {
    memberId: `mem-${n}`, loginId: `user${n}`, loginKey: `user${n}`, passwordHash: `scrypt$salt$hash${n}`,
    memberType: 'individual', name: '홍길동', nameEn: 'Hong Gildong', birthDate: '1990-01-02', gender: 'male',
    nationality: 'domestic', email: `user${n}@example.kr`, mobile: '01012345678', phone: '0212345678', fax: null,
    department: '수출팀', position: null,
    address: { postcode: '06164', base: '서울특별시 강남구 영동대로 513', detail: '1층', english: '513 Yeongdong-daero' },
    interestItems: [{ nameKo: '반도체', nameEn: 'Semiconductors', productCode: '8542' }], interestRegions: ['US', 'VN'],
    di: `di-${n}`, ci: `ci-${n}`, verifiedWith: 'mobile', joinedSiteId: 'kotra', joinedAt: T0 + n,
    ...overrides,
  };
}

const consent = (memberId: string, overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  memberId, siteId: 'kotra', documentId: 'terms', version: '2025-01', agreed: true, answeredAt: T0, ...overrides,
});

function company(overrides: Partial<CompanyRecord> = {}): CompanyRecord {
  const n = ++serial;
  return {
    companyId: `co-${n}`, businessNumber: '1208147521',
    details: {
      businessNumber: '120-81-47521', nameKo: '한빛정밀 주식회사', nameEn: 'Hanbit Precision Co., Ltd.', ceoNameKo: '김한빛',
      ceoNameEn: 'Kim Hanbit', corporateNumber: '110111-0062432', innoBiz: true, venture: false, phone: '031-123-4567',
      address: { postcode: '16677', base: '경기도 수원시 영통구 광교로 107', detail: '3층' },
    },
    certificateId: null, certificateStatus: 'none', registeredAt: T0 + n,
    ...overrides,
  };
}

const session = (memberId: string, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  sessionHash: `sess-${++serial}`, memberId, csrfToken: `csrf-${serial}`, createdAt: T0, expiresAt: T0 + 3_600_000,
  reverifiedAt: null, ...overrides,
});

const person = (overrides: Partial<VerifiedPerson> = {}): VerifiedPerson => ({
  name: '홍길동', birthDate: '1990-01-02', gender: 'male', nationality: 'domestic', mobile: '01012345678', carrier: 'SKT',
  ci: 'ci-x', di: 'di-x', ...overrides,
});

const verification = (overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  verificationId: `ver-${++serial}`, siteId: 'kotra', method: 'mobile', purpose: 'signup', mode: 'otp', createdAt: T0,
  expiresAt: T0 + 600_000, sessionHash: null, resetId: null, captchaAnswer: 'x7k2',
  claimed: { name: '홍길동', birthDate: '1990-01-02', gender: 'male', nationality: 'domestic', mobile: '01012345678', carrier: 'SKT' },
  codeHash: 'code-hash', codeExpiresAt: T0 + 180_000, codeAttempts: 0, resends: 0, lastSentAt: T0, person: null,
  providerResultId: null, done: false, ...overrides,
});

const token = (overrides: Partial<VerificationTokenRecord> = {}): VerificationTokenRecord => ({
  tokenHash: `tok-${++serial}`, verificationId: 'ver-1', siteId: 'kotra', purpose: 'signup', method: 'mobile',
  person: person(), issuedAt: T0, expiresAt: T0 + 600_000, usedAt: null, ...overrides,
});

const certificate = (data: Uint8Array, overrides: Partial<CertificateRecord> = {}): CertificateRecord => ({
  certificateId: `cert-${++serial}`, fileName: '사업자등록증.pdf', contentType: 'application/pdf', bytes: data.byteLength, data,
  createdAt: T0, ...overrides,
});

const reset = (overrides: Partial<PasswordResetRecord> = {}): PasswordResetRecord => ({
  resetId: `reset-${++serial}`, siteId: 'kotra', loginKey: 'user1', mobile: '01012345678', createdAt: T0,
  expiresAt: T0 + 600_000, usedAt: null, ...overrides,
});

const idempotency = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  scope: 'kotra:createMember:key-1', requestHash: 'req-1', status: 0, body: '', createdAt: T0, ...overrides,
});

const message = (n: number): SandboxMessage => ({ messageId: `msg-${n}`, mobile: '01012345678', text: `인증번호 ${n}`, sentAt: T0 + n });

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** Two members, the first one MASTER of a new company: the starting point of the role tests. */
async function companyWithMaster(store: MembershipStore) {
  const master = member();
  const other = member();
  await store.createMember(master, []);
  await store.createMember(other, []);
  const linked = await store.linkCompany(master.memberId, company(), T0);
  assert.ok(linked.ok);
  return { master, other, company: linked.company };
}

// ---------------------------------------------------------------- the shared suite

const stores: [string, () => MembershipStore][] = [
  ['MemoryStore', () => new MemoryStore()],
  ['SqliteStore', () => new SqliteStore(tempFile())],
];

for (const [name, makeStore] of stores) {
  describe(name, () => {
    let store: MembershipStore;
    beforeEach(() => {
      store = makeStore();
    });
    afterEach(() => store.close());

    describe('members', () => {
      it('creates a member and reads it back by id and login key, as a fresh copy', async () => {
        const record = member();
        assert.deepEqual(await store.createMember(record, []), { ok: true });
        const expected = structuredClone(record);
        record.interestItems.push({ nameKo: '변경', nameEn: 'changed', productCode: '0' });

        const read = await store.getMember(record.memberId);
        assert.deepEqual(read, expected);
        assert.deepEqual(await store.findMemberByLoginKey(record.loginKey), expected);
        read!.address!.base = 'mutated';
        assert.deepEqual(await store.getMember(record.memberId), expected);
        assert.equal(await store.getMember('nobody'), null);
        assert.equal(await store.findMemberByLoginKey('nobody'), null);
      });

      it('keeps nulls as null and empty lists as empty lists', async () => {
        const record = member({
          nameEn: null, mobile: null, phone: null, fax: null, department: null, position: null, address: null,
          interestItems: [], interestRegions: [], memberType: 'foreign', gender: 'female', nationality: 'foreign',
        });
        await store.createMember(record, []);
        assert.deepEqual(await store.getMember(record.memberId), record);
      });

      it('answers isLoginKeyTaken and finds members by DI and CI', async () => {
        const first = member({ ci: 'ci-shared' });
        const second = member({ ci: 'ci-shared' });
        await store.createMember(first, []);
        await store.createMember(second, []);
        assert.equal(await store.isLoginKeyTaken(first.loginKey), true);
        assert.equal(await store.isLoginKeyTaken('free'), false);
        assert.deepEqual(await store.findMembersByDi(first.di), [first]);
        assert.deepEqual(await store.findMembersByDi('di-none'), []);
        assert.deepEqual(await store.findMembersByCi('ci-shared'), [first, second]);
      });

      it('refuses a login ID that differs only in case (LOGIN_ID_TAKEN), writing nothing', async () => {
        const first = member({ loginId: 'Alice01', loginKey: 'alice01' });
        await store.createMember(first, []);
        const second = member({ loginId: 'ALICE01', loginKey: 'alice01' });
        assert.deepEqual(await store.createMember(second, [consent(second.memberId)]), { ok: false, conflict: 'LOGIN_ID_TAKEN' });
        assert.equal(await store.getMember(second.memberId), null);
        assert.deepEqual(await store.listConsents(second.memberId), []);
      });

      it('refuses a second account of the same person (ALREADY_MEMBER), login ID checked first', async () => {
        const first = member();
        await store.createMember(first, []);
        assert.deepEqual(await store.createMember(member({ di: first.di }), []), { ok: false, conflict: 'ALREADY_MEMBER' });
        assert.deepEqual(
          await store.createMember(member({ di: first.di, loginKey: first.loginKey }), []),
          { ok: false, conflict: 'LOGIN_ID_TAKEN' },
        );
        assert.deepEqual(await store.findMembersByDi(first.di), [first]);
      });

      it('updates a member but never its identity fields', async () => {
        const record = member();
        await store.createMember(record, []);
        const changes = {
          email: 'new@example.kr', memberType: 'corporate', address: null, interestRegions: ['JP'], mobile: null,
          loginId: 'hijack', loginKey: 'hijack', di: 'di-hijack', ci: 'ci-hijack', memberId: 'mem-hijack',
        } as Parameters<MembershipStore['updateMember']>[1];
        const expected = { ...record, email: 'new@example.kr', memberType: 'corporate' as const, address: null, interestRegions: ['JP'], mobile: null };
        assert.deepEqual(await store.updateMember(record.memberId, changes), expected);
        assert.deepEqual(await store.getMember(record.memberId), expected);
        assert.equal(await store.findMemberByLoginKey('hijack'), null);
        assert.equal(await store.updateMember('nobody', { email: 'x@example.kr' }), null);
      });

      it('stores consents with the member and appends later ones, in order', async () => {
        const record = member();
        const signup = [consent(record.memberId), consent(record.memberId, { documentId: 'marketing', agreed: false })];
        await store.createMember(record, signup);
        const someoneElse = member();
        await store.createMember(someoneElse, [consent(someoneElse.memberId)]);
        assert.deepEqual(await store.listConsents(record.memberId), signup);

        const later = [consent(record.memberId, { siteId: 'buykorea', answeredAt: T0 + 5 }), consent(record.memberId, { version: '2026-01' })];
        await store.addConsents(later);
        assert.deepEqual(await store.listConsents(record.memberId), [...signup, ...later]);
        assert.deepEqual(await store.listConsents('nobody'), []);
      });
    });

    describe('companies', () => {
      it('registers a new company on first link and makes the linker MASTER', async () => {
        const record = member();
        await store.createMember(record, []);
        const candidate = company();
        const linked = await store.linkCompany(record.memberId, candidate, T0 + 1);
        assert.deepEqual(linked, {
          ok: true, company: candidate, created: true,
          link: { companyId: candidate.companyId, memberId: record.memberId, role: 'master', linkedAt: T0 + 1 },
        });
        assert.deepEqual(await store.getCompany(candidate.companyId), candidate);
        assert.deepEqual(await store.findCompanyByBusinessNumber(candidate.businessNumber), candidate);
        assert.equal(await store.findCompanyByBusinessNumber('0000000000'), null);
        assert.equal(await store.getCompany('nothing'), null);
      });

      it('links later members of a known business number as associates of the existing company', async () => {
        const { master, other, company: registered } = await companyWithMaster(store);
        const linked = await store.linkCompany(other.memberId, company({ details: { ...registered.details, nameKo: '다른 이름' } }), T0 + 2);
        assert.deepEqual(linked, {
          ok: true, company: registered, created: false,
          link: { companyId: registered.companyId, memberId: other.memberId, role: 'associate', linkedAt: T0 + 2 },
        });
        assert.deepEqual(await store.getLink(other.memberId), linked.ok ? linked.link : null);
        assert.deepEqual((await store.listLinks(registered.companyId)).map((l) => [l.memberId, l.role]), [
          [master.memberId, 'master'],
          [other.memberId, 'associate'],
        ]);
      });

      it('refuses a second link of the same member (ALREADY_LINKED) and registers nothing', async () => {
        const { master } = await companyWithMaster(store);
        const elsewhere = company({ businessNumber: '2208162517' });
        assert.deepEqual(await store.linkCompany(master.memberId, elsewhere, T0), { ok: false, reason: 'ALREADY_LINKED' });
        assert.equal(await store.findCompanyByBusinessNumber('2208162517'), null);
        assert.equal(await store.getLink('nobody'), null);
        assert.deepEqual(await store.listLinks('nothing'), []);
      });

      it('updates company details', async () => {
        const { company: registered } = await companyWithMaster(store);
        const details = { ...registered.details, homepage: 'https://hanbit.example', venture: true };
        assert.deepEqual(await store.updateCompany(registered.companyId, details), { ...registered, details });
        assert.deepEqual(await store.getCompany(registered.companyId), { ...registered, details });
        assert.equal(await store.updateCompany('nothing', details), null);
      });

      it('sets a role only within the member\'s own company', async () => {
        const { master, other, company: registered } = await companyWithMaster(store);
        await store.linkCompany(other.memberId, company(), T0);
        assert.equal(await store.setRole(registered.companyId, other.memberId, 'regular'), true);
        assert.equal((await store.getLink(other.memberId))?.role, 'regular');
        assert.equal(await store.setRole('co-other', other.memberId, 'master'), false);
        assert.equal(await store.setRole(registered.companyId, 'nobody', 'regular'), false);
        assert.equal((await store.getLink(master.memberId))?.role, 'master');
      });

      it('transfers MASTER only from the master to a regular member of the same company', async () => {
        const { master, other, company: registered } = await companyWithMaster(store);
        await store.linkCompany(other.memberId, company(), T0);
        const id = registered.companyId;
        assert.equal(await store.transferMaster(id, master.memberId, other.memberId), false, 'associate cannot take over');
        await store.setRole(id, other.memberId, 'regular');
        assert.equal(await store.transferMaster('co-other', master.memberId, other.memberId), false, 'wrong company');
        assert.equal(await store.transferMaster(id, other.memberId, master.memberId), false, 'regular cannot hand over');
        assert.equal(await store.transferMaster(id, master.memberId, master.memberId), false, 'not to oneself');
        assert.equal(await store.transferMaster(id, master.memberId, 'nobody'), false);

        assert.equal(await store.transferMaster(id, master.memberId, other.memberId), true);
        assert.equal((await store.getLink(master.memberId))?.role, 'regular');
        assert.equal((await store.getLink(other.memberId))?.role, 'master');
      });

      it('removes a link, after which the member may link again', async () => {
        const { master, company: registered } = await companyWithMaster(store);
        assert.equal(await store.removeLink('co-other', master.memberId), false);
        assert.equal(await store.removeLink(registered.companyId, master.memberId), true);
        assert.equal(await store.removeLink(registered.companyId, master.memberId), false);
        assert.equal(await store.getLink(master.memberId), null);
        assert.deepEqual(await store.listLinks(registered.companyId), []);
        const again = await store.linkCompany(master.memberId, company(), T0 + 9);
        assert.ok(again.ok);
        assert.equal(again.created, false);
        assert.equal(again.link.role, 'associate', 'the company stays registered; a returning linker is not MASTER');
      });
    });

    it('creates, reads, updates and deletes sessions', async () => {
      const owner = member();
      await store.createMember(owner, []);
      const record = session(owner.memberId);
      await store.createSession(record);
      assert.deepEqual(await store.getSession(record.sessionHash), record);

      await store.updateSession(record.sessionHash, { reverifiedAt: T0 + 10 });
      assert.deepEqual(await store.getSession(record.sessionHash), { ...record, reverifiedAt: T0 + 10 });
      await store.updateSession(record.sessionHash, { expiresAt: T0 + 99, reverifiedAt: null });
      assert.deepEqual(await store.getSession(record.sessionHash), { ...record, expiresAt: T0 + 99 });
      await store.updateSession('nothing', { expiresAt: 1 });
      assert.equal(await store.getSession('nothing'), null);

      await store.deleteSession(record.sessionHash);
      assert.equal(await store.getSession(record.sessionHash), null);
      await store.deleteSession(record.sessionHash);
    });

    it('stores verifications, overwrites them, and finds them by provider result id', async () => {
      const otp = verification();
      await store.putVerification(otp);
      assert.deepEqual(await store.getVerification(otp.verificationId), otp);
      const verified = { ...otp, codeAttempts: 1, person: person(), done: true, claimed: null };
      await store.putVerification(verified);
      assert.deepEqual(await store.getVerification(otp.verificationId), verified);

      const popup = verification({ mode: 'popup', method: 'ipin', providerResultId: 'result-1', claimed: null, codeHash: null, sessionHash: 'sess-1', resetId: 'reset-1' });
      await store.putVerification(popup);
      assert.deepEqual(await store.findVerificationByResultId('result-1'), popup);
      assert.equal(await store.findVerificationByResultId('result-2'), null);
      assert.equal(await store.getVerification('nothing'), null);
    });

    it('hands out a verification token once', async () => {
      const record = token();
      await store.putVerificationToken(record);
      assert.deepEqual(await store.getVerificationToken(record.tokenHash), record);
      assert.deepEqual(await store.consumeVerificationToken(record.tokenHash, T0 + 5), { ...record, usedAt: T0 + 5 });
      assert.equal(await store.consumeVerificationToken(record.tokenHash, T0 + 6), null);
      assert.deepEqual(await store.getVerificationToken(record.tokenHash), { ...record, usedAt: T0 + 5 });
      assert.equal(await store.consumeVerificationToken('nothing', T0), null);
      assert.equal(await store.getVerificationToken('nothing'), null);
    });

    it('round-trips certificate bytes exactly', async () => {
      const all = Uint8Array.from(range(256));
      const record = certificate(all);
      await store.putCertificate(record);
      const read = await store.getCertificate(record.certificateId);
      assert.ok(read?.data instanceof Uint8Array);
      assert.deepEqual(read, record);

      const view = new Uint8Array([9, 9, 0, 255, 1, 9]).subarray(2, 5); // a view with an offset
      const png = certificate(view, { contentType: 'image/png', fileName: 'scan.png' });
      await store.putCertificate(png);
      assert.deepEqual([...(await store.getCertificate(png.certificateId))!.data], [0, 255, 1]);
      assert.equal(await store.getCertificate('nothing'), null);
    });

    it('uses a password reset once', async () => {
      const record = reset();
      await store.putPasswordReset(record);
      assert.deepEqual(await store.getPasswordReset(record.resetId), record);
      assert.equal(await store.markPasswordResetUsed(record.resetId, T0 + 1), true);
      assert.equal(await store.markPasswordResetUsed(record.resetId, T0 + 2), false);
      assert.deepEqual(await store.getPasswordReset(record.resetId), { ...record, usedAt: T0 + 1 });
      assert.equal(await store.markPasswordResetUsed('nothing', T0), false);
      assert.equal(await store.getPasswordReset('nothing'), null);
    });

    it('claims an idempotency slot once, completes and releases it', async () => {
      const first = idempotency();
      assert.equal(await store.claimIdempotency(first), null);
      assert.deepEqual(await store.claimIdempotency(idempotency({ requestHash: 'req-2', createdAt: T0 + 1 })), first);

      await store.completeIdempotency(first.scope, 201, '{"memberId":"m1"}');
      assert.deepEqual(await store.claimIdempotency(idempotency()), { ...first, status: 201, body: '{"memberId":"m1"}' });
      assert.equal(await store.claimIdempotency(idempotency({ scope: 'kotra:createMember:key-2' })), null);

      await store.releaseIdempotency(first.scope);
      assert.equal(await store.claimIdempotency(idempotency({ requestHash: 'req-3' })), null);
      assert.deepEqual(await store.claimIdempotency(idempotency()), idempotency({ requestHash: 'req-3' }));
      await store.completeIdempotency('nothing', 200, '');
      await store.releaseIdempotency('nothing');
    });

    it('lists sandbox messages newest first, up to the limit', async () => {
      assert.deepEqual(await store.listSandboxMessages(5), []);
      for (const n of range(4)) await store.addSandboxMessage(message(n));
      assert.deepEqual(await store.listSandboxMessages(2), [message(3), message(2)]);
      assert.deepEqual(await store.listSandboxMessages(10), [message(3), message(2), message(1), message(0)]);
      // MemoryStore's slice(-0) lists everything for a limit of 0; pinned so the two stay alike.
      assert.deepEqual(await store.listSandboxMessages(0), []);
    });

    describe('concurrent requests', () => {
      it('lets exactly one of 50 signups with one login ID through', async () => {
        const results = await Promise.all(range(50).map(() => store.createMember(member({ loginId: 'Same01', loginKey: 'same01' }), [])));
        assert.equal(results.filter((r) => r.ok).length, 1);
        assert.equal(results.filter((r) => !r.ok && r.conflict === 'LOGIN_ID_TAKEN').length, 49);
      });

      it('makes exactly one of 50 simultaneous linkers of a new business number MASTER', async () => {
        const members = range(50).map(() => member());
        for (const m of members) await store.createMember(m, []);
        const results = await Promise.all(members.map((m) => store.linkCompany(m.memberId, company({ businessNumber: '1168200276' }), T0)));
        const roles = results.map((r) => (r.ok ? r.link.role : r.reason));
        assert.equal(roles.filter((r) => r === 'master').length, 1);
        assert.equal(roles.filter((r) => r === 'associate').length, 49);
        assert.equal(new Set(results.map((r) => (r.ok ? r.company.companyId : ''))).size, 1);
      });
    });
  });
}

// ---------------------------------------------------------------- SQLite only

describe('SqliteStore on disk', () => {
  it('keeps members, consents, companies, links and sessions across a restart', async () => {
    const file = tempFile();
    const store = new SqliteStore(file);
    const { master, other, company: registered } = await companyWithMaster(store);
    await store.linkCompany(other.memberId, company(), T0);
    await store.addConsents([consent(master.memberId)]);
    const record = session(master.memberId, { reverifiedAt: T0 + 1 });
    await store.createSession(record);
    const cert = certificate(Uint8Array.from([37, 80, 68, 70]));
    await store.putCertificate(cert);
    store.close();

    const reopened = new SqliteStore(file);
    try {
      assert.deepEqual(await reopened.getMember(master.memberId), master);
      assert.deepEqual(await reopened.findMemberByLoginKey(other.loginKey), other);
      assert.deepEqual(await reopened.listConsents(master.memberId), [consent(master.memberId)]);
      assert.deepEqual(await reopened.getCompany(registered.companyId), registered);
      assert.deepEqual((await reopened.listLinks(registered.companyId)).map((l) => l.role), ['master', 'associate']);
      assert.deepEqual(await reopened.getSession(record.sessionHash), record);
      assert.deepEqual(await reopened.getCertificate(cert.certificateId), cert);
    } finally {
      reopened.close();
    }
  });

  it('creates every table in WAL mode and leaves an up-to-date file untouched on reopen', () => {
    const file = tempFile();
    new SqliteStore(file).close();
    const db = new DatabaseSync(file);
    const schema = () => db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all();
    try {
      const before = schema();
      assert.deepEqual(
        before.filter((r) => r['type'] === 'table').map((r) => r['name']).sort(),
        ['certificates', 'companies', 'company_links', 'consents', 'idempotency', 'members', 'password_resets',
          'sandbox_messages', 'sessions', 'verification_tokens', 'verifications'],
      );
      assert.equal(db.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
      assert.equal(schemaVersion(db), migrations.length);

      new SqliteStore(file).close();
      assert.equal(migrate(db), migrations.length);
      assert.equal(schemaVersion(db), migrations.length);
      assert.deepEqual(schema(), before);
    } finally {
      db.close();
    }
  });

  it('runs only the newer migrations, in order, and rolls back one that fails', () => {
    const db = new DatabaseSync(':memory:');
    try {
      const extra: Migration[] = [
        ...migrations,
        { version: migrations.length + 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT' },
        { version: migrations.length + 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1)' },
      ];
      assert.equal(migrate(db), migrations.length);
      assert.throws(() => migrate(db, extra), /nowhere/);
      assert.equal(schemaVersion(db), migrations.length + 1);
      assert.equal(db.isTransaction, false);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('notes', 'half')").all().map((r) => r['name']);
      assert.deepEqual(tables, ['notes']);
      assert.throws(() => migrate(db, [migrations[0]!, { version: 3, name: 'gap', sql: '' }]), /numbered 3/);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema', () => {
    const file = tempFile();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    db.close();
    assert.throws(() => new SqliteStore(file), /newer than this server knows/);
  });

  it('enforces foreign keys and rolls a failed transaction back whole', async () => {
    const store = new SqliteStore(tempFile());
    try {
      await assert.rejects(store.linkCompany('nobody', company(), T0), /FOREIGN KEY/);
      assert.equal(await store.findCompanyByBusinessNumber('1208147521'), null, 'the company insert was rolled back');

      const record = member();
      await assert.rejects(store.createMember(record, [consent(record.memberId), consent('nobody')]), /FOREIGN KEY/);
      assert.equal(await store.getMember(record.memberId), null, 'the member insert was rolled back');
      assert.deepEqual(await store.createMember(record, [consent(record.memberId)]), { ok: true }, 'no transaction left open');
    } finally {
      store.close();
    }
  });

  // Each call runs synchronously, so this shows the connections share state (nothing cached per
  // instance); the worker-thread test below is the one that races them for real.
  describe('two connections on one file', () => {
    let file: string;
    let stores: [SqliteStore, SqliteStore];
    beforeEach(() => {
      file = tempFile();
      stores = [new SqliteStore(file), new SqliteStore(file)];
    });
    afterEach(() => stores.forEach((s) => s.close()));
    const alternate = (i: number) => stores[i % 2]!;

    it('lets exactly one of 50 signups with one login ID through', async () => {
      const results = await Promise.all(range(50).map((i) => alternate(i).createMember(member({ loginKey: 'same01' }), [])));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(results.filter((r) => !r.ok && r.conflict === 'LOGIN_ID_TAKEN').length, 49);
      assert.equal((await stores[1].findMemberByLoginKey('same01'))?.memberId, (await stores[0].findMemberByLoginKey('same01'))?.memberId);
    });

    it('makes exactly one of 50 linkers MASTER', async () => {
      const members = range(50).map(() => member());
      for (const [i, m] of members.entries()) await alternate(i).createMember(m, []);
      const results = await Promise.all(members.map((m, i) => alternate(i).linkCompany(m.memberId, company({ businessNumber: '1068100030' }), T0)));
      const roles = results.map((r) => (r.ok ? r.link.role : r.reason));
      assert.equal(roles.filter((r) => r === 'master').length, 1);
      assert.equal(roles.filter((r) => r === 'associate').length, 49);
      const companyId = results[0]!.ok ? results[0]!.company.companyId : '';
      assert.equal((await stores[1].listLinks(companyId)).length, 50);
    });
  });

  // Truly parallel connections: worker threads, each with its own SqliteStore, released at once.
  // Without BEGIN IMMEDIATE around each check-and-write this fails (locked, or a unique index trips).
  it('holds with four threads racing on one file', async () => {
    const file = tempFile();
    const setup = new SqliteStore(file);
    const threads = 4;
    const rounds = 10;
    // Round i: every thread signs up someone with login ID race-i, and links its own member to company i.
    const linkers = range(threads).map(() => range(rounds).map(() => member()));
    for (const m of linkers.flat()) await setup.createMember(m, []);
    setup.close();
    const businessNumber = (i: number) => String(1_000_000_000 + i);

    const gate = new SharedArrayBuffer(4);
    const workerCode = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.moduleUrl).then(async ({ SqliteStore }) => {
        const store = new SqliteStore(workerData.file);
        parentPort.postMessage('ready');
        Atomics.wait(new Int32Array(workerData.gate), 0, 0);
        const signups = [], links = [];
        for (const m of workerData.signups) signups.push(await store.createMember(m, []));
        for (const { memberId, company } of workerData.links) links.push(await store.linkCompany(memberId, company, 0));
        store.close();
        parentPort.postMessage({ signups, links });
      });`;
    type Outcome = {
      signups: Awaited<ReturnType<MembershipStore['createMember']>>[];
      links: Awaited<ReturnType<MembershipStore['linkCompany']>>[];
    };
    const workers = range(threads).map((t) => {
      const worker = new Worker(workerCode, {
        eval: true,
        workerData: {
          moduleUrl: pathToFileURL(join(import.meta.dirname, 'sqlite.ts')).href, file, gate,
          signups: range(rounds).map((i) => member({ loginKey: `race-${i}` })),
          links: range(rounds).map((i) => ({
            memberId: linkers[t]![i]!.memberId,
            company: company({ companyId: `co-${t}-${i}`, businessNumber: businessNumber(i) }),
          })),
        },
      });
      let markReady!: () => void;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      const done = new Promise<Outcome>((resolve, reject) => {
        worker.on('message', (data) => (data === 'ready' ? markReady() : resolve(data)));
        worker.on('error', reject);
      });
      return { ready, done };
    });
    await Promise.all(workers.map((w) => w.ready));
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const outcomes = await Promise.all(workers.map((w) => w.done));

    for (const i of range(rounds)) {
      const signups = outcomes.map((o) => o.signups[i]!);
      assert.equal(signups.filter((r) => r.ok).length, 1, `one winner of login ID race-${i}`);
      assert.ok(signups.every((r) => r.ok || r.conflict === 'LOGIN_ID_TAKEN'));
      const links = outcomes.map((o) => o.links[i]!);
      const roles = links.map((r) => (r.ok ? r.link.role : r.reason)).sort();
      assert.deepEqual(roles, ['associate', 'associate', 'associate', 'master'], `one MASTER of company ${i}`);
      assert.equal(new Set(links.map((r) => (r.ok ? r.company.companyId : ''))).size, 1);
    }
  });
});
