import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  certificate, company, companyWithMaster, consent, idempotency, member, message, person, range, reset, session, T0, token,
  verification,
} from './store-fixtures.ts';
import type { MembershipStore } from './types.ts';

// The behaviour every store shares, run by store.test.ts (memory, SQLite) and postgres.test.ts.

export function storeSuite(name: string, makeStore: () => MembershipStore | Promise<MembershipStore>): void {
  describe(name, () => {
    let store: MembershipStore;
    beforeEach(async () => {
      store = await makeStore();
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

    it("voids a verification's unused tokens for a repeated answer, never once one was used", async () => {
      const first = token({ verificationId: 'ver-void' });
      const second = token({ verificationId: 'ver-void' });
      const other = token({ verificationId: 'ver-void-other' });
      for (const record of [first, second, other]) await store.putVerificationToken(record);
      assert.equal(await store.voidUnusedVerificationTokens(first.verificationId), true);
      assert.equal(await store.getVerificationToken(first.tokenHash), null);
      assert.equal(await store.getVerificationToken(second.tokenHash), null);
      assert.deepEqual(await store.getVerificationToken(other.tokenHash), other, "another verification's token stays");
      assert.equal(await store.voidUnusedVerificationTokens('nothing'), true);
      await store.consumeVerificationToken(other.tokenHash, T0 + 5);
      assert.equal(await store.voidUnusedVerificationTokens(other.verificationId), false);
      assert.deepEqual(await store.getVerificationToken(other.tokenHash), { ...other, usedAt: T0 + 5 }, 'a used token stays used');
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

    it('deletes certificates uploaded before a time that no company refers to', async () => {
      const old = certificate(Uint8Array.from([1]), { createdAt: T0 });
      const used = certificate(Uint8Array.from([2]), { createdAt: T0 });
      const recent = certificate(Uint8Array.from([3]), { createdAt: T0 + 10 });
      for (const record of [old, used, recent]) await store.putCertificate(record);
      const owner = member();
      await store.createMember(owner, []);
      await store.linkCompany(owner.memberId, company({ certificateId: used.certificateId, certificateStatus: 'uploaded' }), T0);
      assert.equal(await store.deleteUnusedCertificates(T0 + 5), 1);
      assert.equal(await store.getCertificate(old.certificateId), null);
      assert.ok(await store.getCertificate(used.certificateId));
      assert.ok(await store.getCertificate(recent.certificateId));
      assert.equal(await store.deleteUnusedCertificates(T0 + 5), 0);
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

    it('counts rate-limit hits in fixed windows per bucket, and peeks without counting', async () => {
      assert.equal(await store.peekRate('login:a', T0), null);
      assert.deepEqual(await store.hitRate('login:a', 60_000, T0), { count: 1, startedAt: T0 });
      assert.deepEqual(await store.hitRate('login:a', 60_000, T0 + 59_999), { count: 2, startedAt: T0 });
      assert.deepEqual(await store.hitRate('login:b', 60_000, T0 + 5), { count: 1, startedAt: T0 + 5 });
      assert.deepEqual(await store.peekRate('login:a', T0 + 59_999), { count: 2, startedAt: T0 });
      assert.equal(await store.peekRate('login:a', T0 + 60_000), null, 'the window is over');
      assert.deepEqual(await store.hitRate('login:a', 60_000, T0 + 60_000), { count: 1, startedAt: T0 + 60_000 });
      await store.clearRates();
      assert.equal(await store.peekRate('login:b', T0 + 6), null);
    });

    it('gives a lease to one holder until released or expired', async () => {
      assert.equal(await store.acquireLease('seed', 'h1', T0, 1000), true);
      assert.equal(await store.acquireLease('seed', 'h2', T0 + 999, 1000), false);
      assert.equal(await store.acquireLease('other', 'h2', T0, 1000), true, 'names are independent');
      await store.releaseLease('seed', 'h2');
      assert.equal(await store.acquireLease('seed', 'h2', T0 + 1, 1000), false, 'only the holder releases');
      await store.releaseLease('seed', 'h1');
      assert.equal(await store.acquireLease('seed', 'h2', T0 + 2, 1000), true);
      assert.equal(await store.acquireLease('seed', 'h3', T0 + 1002, 1000), true, 'an expired lease is taken over');
    });

    it('counts 50 simultaneous hits of one bucket exactly', async () => {
      const windows = await Promise.all(range(50).map(() => store.hitRate('checkLoginIdAvailability:127.0.0.1', 60_000, T0)));
      assert.deepEqual(windows.map((w) => w.count).sort((a, b) => a - b), range(50).map((i) => i + 1));
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
