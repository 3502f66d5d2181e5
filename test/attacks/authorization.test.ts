// Authorization: every company operation tried by every role against one company; only the cells of
// the permission matrix (src/api/permissions.ts, can()) succeed, refusals reveal nobody's data, and
// fields a client must not set (role, verified, memberType, companyRole…) are ignored or refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { can, type CompanyAction, type PermissionRole } from '../../src/api/index.ts';
import type { MemberRecord } from '../../server/store/types.ts';
import {
  attackServer, companyDetails, consents, newBusinessNumber, printTable, putLink, putMember, signupBody, verificationToken, type Agent, type AttackServer,
} from './harness.ts';

type Caller = 'individual' | 'associate' | 'regular' | 'master of another company' | 'master';
const callers: Caller[] = ['individual', 'associate', 'regular', 'master of another company', 'master'];
/** The caller's role in the target company, as can() sees it. */
const roleIn: Record<Caller, PermissionRole | null> = { individual: null, associate: 'associate', regular: 'regular', 'master of another company': null, master: 'master' };

interface Fixture {
  companyId: string;
  master: MemberRecord;
  regular: MemberRecord;
  associate: MemberRecord;
  /** A second associate and a second regular: the targets of reject, remove and transfer. */
  associate2: MemberRecord;
  regular2: MemberRecord;
  callers: Record<Caller, MemberRecord>;
}

let serial = 0;
/** A fresh company with every role, and one outsider of each kind. */
async function fixture(h: AttackServer): Promise<Fixture> {
  serial += 1;
  const brn = newBusinessNumber();
  const id = (name: string) => `${name}${serial}`;
  const master = await putMember(h, id('mst'), 'corporate');
  const company = await putLink(h, master, brn);
  const regular = await putMember(h, id('reg'), 'corporate');
  await putLink(h, regular, brn, 'regular');
  const regular2 = await putMember(h, id('regb'), 'corporate');
  await putLink(h, regular2, brn, 'regular');
  const associate = await putMember(h, id('asc'), 'corporate');
  await putLink(h, associate, brn);
  const associate2 = await putMember(h, id('ascb'), 'corporate');
  await putLink(h, associate2, brn);
  const individual = await putMember(h, id('ind'));
  const otherMaster = await putMember(h, id('omst'), 'corporate');
  await putLink(h, otherMaster, newBusinessNumber());
  return {
    companyId: company.companyId, master, regular, associate, associate2, regular2,
    callers: { individual, associate, regular, 'master of another company': otherMaster, master },
  };
}

interface Operation {
  name: string;
  action: CompanyAction;
  run(agent: Agent, f: Fixture): ReturnType<Agent['send']>;
}

const operations: Operation[] = [
  { name: 'updateCompany', action: 'edit-company', run: (a, f) => a.patch(`/companies/${f.companyId}`, { nameEn: 'Renamed Co.' }) },
  { name: 'listCompanyMembers', action: 'approve-members', run: (a, f) => a.get(`/companies/${f.companyId}/members`) },
  { name: 'approveCompanyMember', action: 'approve-members', run: (a, f) => a.post(`/companies/${f.companyId}/members/${f.associate2.memberId}/approval`) },
  { name: 'rejectCompanyMember', action: 'approve-members', run: (a, f) => a.post(`/companies/${f.companyId}/members/${f.associate2.memberId}/rejection`) },
  { name: 'removeCompanyMember', action: 'remove-members', run: (a, f) => a.del(`/companies/${f.companyId}/members/${f.regular2.memberId}`) },
  { name: 'transferMaster', action: 'transfer-master', run: (a, f) => a.post(`/companies/${f.companyId}/master-transfer`, { memberId: f.regular2.memberId }) },
];

/** Personal data of the company's members that a refusal must not carry. */
function secretsOf(f: Fixture): string[] {
  return [f.master, f.regular, f.associate, f.associate2, f.regular2].flatMap((m) => [m.loginId, m.email, m.memberId]);
}

describe('authorization', () => {
  let h: AttackServer;
  const matrix: string[][] = [];
  before(async () => {
    h = await attackServer();
  });
  after(() => {
    printTable('Authorization: role × company operation (✓ allowed, · refused; expected = can())', ['operation (action)', ...callers], matrix);
    h.close();
  });

  test('every company operation by every role: only the permission matrix cells succeed', async () => {
    for (const op of operations) {
      const row = [`${op.name} (${op.action})`];
      for (const caller of callers) {
        const f = await fixture(h);
        const agent = h.agent();
        assert.equal((await agent.login(f.callers[caller].loginId)).status, 200);
        const answer = await op.run(agent, f);
        const allowed = can(roleIn[caller], op.action);
        const succeeded = answer.status >= 200 && answer.status < 300;
        row.push(succeeded === allowed ? (succeeded ? '✓' : '·') : `${succeeded ? '✓' : '·'} (expected ${allowed ? '✓' : '·'})`);
        assert.equal(succeeded, allowed, `${caller} → ${op.name}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
        if (!allowed) {
          assert.equal(answer.status, 403, `${caller} → ${op.name}`);
          assert.equal(answer.body.error.code, 'FORBIDDEN_ROLE');
          const text = JSON.stringify(answer.body);
          for (const secret of secretsOf(f)) assert.ok(!text.includes(secret), `the refusal names ${secret}`);
        }
      }
      matrix.push(row);
    }
  });

  test('signed out, every company operation is refused with 401 and no data', async () => {
    const f = await fixture(h);
    for (const op of operations) {
      const answer = await op.run(h.agent(), f);
      assert.equal(answer.status, 401, op.name);
      for (const secret of secretsOf(f)) assert.ok(!JSON.stringify(answer.body).includes(secret), `${op.name} names ${secret}`);
    }
  });

  test('id-bearing routes do not reveal another company or member: unknown and foreign ids answer alike', async () => {
    const f = await fixture(h);
    const other = await fixture(h);
    const agent = h.agent();
    await agent.login(f.master.loginId);
    // The MASTER of f asks about the other company's members, and about them through their own company.
    const foreignCompany = await agent.get(`/companies/${other.companyId}/members`);
    const unknownCompany = await agent.get('/companies/co_doesnotexist/members');
    assert.equal(foreignCompany.status, 403);
    assert.ok([403, 404].includes(unknownCompany.status));
    for (const path of [`/companies/${f.companyId}/members/${other.associate.memberId}/approval`, `/companies/${f.companyId}/members/mem_doesnotexist/approval`]) {
      const answer = await agent.post(path);
      assert.equal(answer.status, 404, path);
      assert.equal(answer.body.error.code, 'MEMBER_NOT_IN_COMPANY');
      assert.ok(!JSON.stringify(answer.body).includes(other.associate.loginId));
    }
    // The other company's associate is still an associate.
    assert.equal((await h.store.getLink(other.associate.memberId))?.role, 'associate');
    // /me and /me/company only ever answer about the caller.
    const me = await agent.get('/me');
    assert.equal(me.body.loginId, f.master.loginId);
    for (const secret of secretsOf(other)) assert.ok(!JSON.stringify(me.body).includes(secret));
  });

  test('a role change applies to sessions already open: no privilege outlives its role', async () => {
    const f = await fixture(h);
    const master = h.agent();
    await master.login(f.master.loginId);
    const regular = h.agent();
    await regular.login(f.regular.loginId);
    const associate = h.agent();
    await associate.login(f.associate.loginId);
    assert.equal((await associate.patch(`/companies/${f.companyId}`, { nameEn: 'Before Approval' })).status, 403);
    assert.equal((await master.post(`/companies/${f.companyId}/members/${f.associate.memberId}/approval`)).status, 200);
    assert.equal((await associate.patch(`/companies/${f.companyId}`, { nameEn: 'After Approval' })).status, 200, 'approved: the open session may edit now');
    assert.equal((await master.post(`/companies/${f.companyId}/master-transfer`, { memberId: f.regular.memberId })).status, 200);
    assert.equal((await master.get(`/companies/${f.companyId}/members`)).status, 403, 'the former MASTER\'s open session lost the role at once');
    assert.equal((await regular.get(`/companies/${f.companyId}/members`)).status, 200, 'the new MASTER\'s open session has it');
    assert.equal((await regular.del(`/companies/${f.companyId}/members/${f.associate.memberId}`)).status, 204);
    assert.equal((await associate.patch(`/companies/${f.companyId}`, { nameEn: 'After Removal' })).status, 403, 'removed: the open session may not edit');
  });

  test('fields a client must not set are ignored or refused (signup, profile, company link, company edit)', async () => {
    const answers = await consents(h);
    const { token, person } = await verificationToken(h);
    const forged = { role: 'master', companyRole: 'master', verified: true, memberId: 'mem_forged', di: 'di-forged', isAdmin: true };
    const body = signupBody(token, 'forger2026', answers, { ...forged, memberType: 'corporate', name: '관리자', nameKo: '관리자', passwordHash: 'x', birthDate: '1900-01-01' });
    const signup = await h.agent().post('/members', { ...body, ...forged }, { 'idempotency-key': crypto.randomUUID() });
    if (signup.status === 201) {
      const stored = await h.store.findMemberByLoginKey('forger2026');
      assert.ok(stored);
      assert.deepEqual({ type: stored.memberType, name: stored.name, di: stored.di, birth: stored.birthDate, id: stored.memberId !== 'mem_forged' }, { type: 'individual', name: person.name, di: person.di, birth: person.birthDate, id: true });
      assert.equal(await h.store.getLink(stored.memberId), null, 'no company role from a forged field');
      assert.equal(signup.body.member.companyRole, null);
    } else {
      assert.ok(signup.status >= 400 && signup.status < 500, `refused with a 4xx (${signup.status})`);
      assert.equal(await h.store.findMemberByLoginKey('forger2026'), null);
    }

    const f = await fixture(h);
    const associate = h.agent();
    await associate.login(f.associate.loginId);
    const profile = await associate.patch('/me', { ...forged, memberType: 'individual', name: '관리자', loginId: 'takeover', email: f.associate.email });
    assert.ok(profile.status < 500, `profile edit answers ${profile.status}`);
    const after = await h.store.getMember(f.associate.memberId);
    assert.deepEqual({ type: after?.memberType, name: after?.name, loginId: after?.loginId }, { type: 'corporate', name: f.associate.name, loginId: f.associate.loginId });
    assert.equal((await h.store.getLink(f.associate.memberId))?.role, 'associate', 'still an associate');

    // Linking to an existing company with a forged role: an associate awaiting approval, never MASTER.
    const newcomer = await putMember(h, `newc${Date.now() % 100000}`);
    const agent = h.agent();
    await agent.login(newcomer.loginId);
    const company = await h.store.getCompany(f.companyId);
    const link = await agent.post('/me/company', { mode: 'link', businessNumber: company!.businessNumber, ...forged }, { 'idempotency-key': crypto.randomUUID() });
    assert.ok(link.status < 500);
    assert.notEqual((await h.store.getLink(newcomer.memberId))?.role, 'master');
    assert.equal((await h.store.getLink(f.master.memberId))?.role, 'master');

    // A regular edits the company but cannot change its BRN, id or member count.
    const regular = h.agent();
    await regular.login(f.regular.loginId);
    const edit = await regular.patch(`/companies/${f.companyId}`, { ...companyDetails(newBusinessNumber(), '바뀐회사'), companyId: 'co_forged', memberCount: 999, certificate: 'verified' });
    assert.ok(edit.status < 500);
    const edited = await h.store.getCompany(f.companyId);
    assert.equal(edited?.businessNumber, company!.businessNumber);
    assert.equal(edited?.details.businessNumber, company!.details.businessNumber);
  });
});
