// Companies: lookup, certificate upload, link as MASTER / associate, the MASTER console, leaving.
import assert from 'node:assert/strict';
import { deflateSync, crc32 } from 'node:zlib';
import type { CompanyDetails } from '../../src/api/index.ts';
import { companyDetails, expectError, newBusinessNumber, type Account, type Browser, type ContractContext, type Scenario } from './kit.ts';

/** A real 1×1 greyscale PNG (valid chunks and CRCs). */
export function tinyPng(): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return new Uint8Array(png);
}

interface Member {
  account: Account;
  browser: Browser;
}

export function companyScenarios(): Scenario[] {
  const state: {
    businessNumber?: string;
    details?: CompanyDetails;
    certificateId?: string;
    companyId?: string;
    master?: Member;
    b?: Member;
    c?: Member;
  } = {};
  const need = <T>(value: T | undefined, what: string): T => {
    assert.ok(value !== undefined, `needs ${what} from an earlier companies scenario`);
    return value;
  };
  const member = async (ctx: ContractContext): Promise<Member> => {
    const account = await ctx.signUp();
    return { account, browser: await ctx.signIn(account) };
  };

  return [
    {
      name: 'companies: lookupCompany answers unknown for a new valid BRN, registry-or-unknown for the registry\'s BRNs, VALIDATION_FAILED for a bad check digit',
      async run(ctx) {
        const browser = ctx.newBrowser();
        state.businessNumber = newBusinessNumber();
        const unknown = await browser.call('lookupCompany', { query: { businessNumber: state.businessNumber } });
        assert.equal(unknown.status, 'unknown');
        for (const known of ['120-81-47521', '220-81-62517']) {
          const answer = await browser.call('lookupCompany', { query: { businessNumber: known } });
          assert.ok(answer.status === 'registry' || answer.status === 'unknown', `${known}: ${answer.status}`);
          if (answer.status === 'registry' && answer.prefill.businessNumber) assert.equal(answer.prefill.businessNumber.replace(/-/g, ''), known.replace(/-/g, ''));
        }
        const bad = await expectError(browser.call('lookupCompany', { query: { businessNumber: '124-81-00999' } }), 'VALIDATION_FAILED');
        assert.ok(bad.fields.some((f) => f.field.endsWith('businessNumber')), `fields: ${JSON.stringify(bad.fields)}`);
      },
    },
    {
      name: 'companies: uploadCertificate needs a session or a signup verification token, accepts a tiny real PNG and refuses a text file with CERTIFICATE_INVALID_TYPE',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const png = tinyPng();
        await expectError(browser.uploadCertificate(new File([png], 'anonymous.png', { type: 'image/png' })), 'UNAUTHENTICATED');
        const verificationToken = await ctx.verify(browser, 'signup');
        const certificate = await browser.uploadCertificate(new File([png], '사업자등록증.png', { type: 'image/png' }), { verificationToken });
        assert.equal(certificate.contentType, 'image/png');
        assert.equal(certificate.bytes, png.byteLength);
        state.certificateId = certificate.certificateId;
        const error = await expectError(browser.uploadCertificate(new File(['This is not a certificate.\n'], 'certificate.pdf', { type: 'application/pdf' }), { verificationToken }), 'CERTIFICATE_INVALID_TYPE');
        assert.equal(error.status, 415);
      },
    },
    {
      name: 'companies: uploadCertificate with the same Idempotency-Key replays for the same file and is IDEMPOTENCY_CONFLICT for another file',
      async run(ctx) {
        const { browser } = await member(ctx);
        const png = tinyPng();
        const idempotencyKey = crypto.randomUUID();
        const first = await browser.uploadCertificate(new File([png], 'scan.png', { type: 'image/png' }), { idempotencyKey });
        const again = await browser.uploadCertificate(new File([png], 'scan.png', { type: 'image/png' }), { idempotencyKey });
        assert.deepEqual(again, first, 'a retry of the same upload gets the first answer');
        // Another file under the same key: a PDF exactly as long as the PNG (a size-only comparison misses it).
        const pdf = new Uint8Array(png.byteLength);
        pdf.set(new TextEncoder().encode('%PDF-1.4\n%'));
        pdf.fill(0x20, 10);
        const other = browser.uploadCertificate(new File([pdf], 'scan.png', { type: 'image/png' }), { idempotencyKey });
        const replayed = await other.then((answer) => answer, () => null);
        if (replayed) assert.fail(`another file (same size) under the same Idempotency-Key got an answer instead of IDEMPOTENCY_CONFLICT: ${JSON.stringify(replayed)}${replayed.certificateId === first.certificateId ? ' — the first upload\'s answer, replayed' : ''}`);
        await expectError(other, 'IDEMPOTENCY_CONFLICT');
      },
    },
    {
      name: 'companies: an individual registers a new company with linkCompany and becomes MASTER; lookup then answers registered',
      async run(ctx) {
        const businessNumber = need(state.businessNumber, 'a BRN');
        const master = await member(ctx);
        state.master = master;
        assert.deepEqual(await master.browser.call('getMyCompany', {}), { membership: null });
        state.details = companyDetails(businessNumber, await ctx.site());
        const linked = await master.browser.call('linkCompany', { body: { mode: 'register', company: state.details, certificateId: need(state.certificateId, 'a certificate') } });
        assert.equal(linked.role, 'master');
        assert.equal(linked.company.nameKo, state.details.nameKo);
        assert.equal(linked.company.businessNumber.replace(/-/g, ''), businessNumber.replace(/-/g, ''));
        assert.ok(linked.company.certificate === 'uploaded' || linked.company.certificate === 'verified', `certificate: ${linked.company.certificate}`);
        assert.equal(linked.company.memberCount, 1);
        state.companyId = linked.company.companyId;

        const mine = await master.browser.call('getMyCompany', {});
        assert.equal(mine.membership?.role, 'master');
        assert.equal(mine.membership?.company.companyId, state.companyId);
        const session = await master.browser.call('getSession', {});
        assert.equal(session.member?.companyRole, 'master');
        assert.equal(session.member?.memberType, 'corporate', 'linking makes an individual a corporate member');

        const lookup = await ctx.newBrowser().call('lookupCompany', { query: { businessNumber } });
        assert.equal(lookup.status, 'registered');
        if (lookup.status === 'registered') assert.equal(lookup.company.companyId, state.companyId);
        await expectError(master.browser.call('linkCompany', { body: { mode: 'link', businessNumber } }), 'ALREADY_LINKED');
      },
    },
    {
      name: 'companies: later members link as associates; an unregistered BRN is COMPANY_NOT_FOUND',
      async run(ctx) {
        const businessNumber = need(state.businessNumber, 'a BRN');
        state.b = await member(ctx);
        state.c = await member(ctx);
        await expectError(state.c.browser.call('linkCompany', { body: { mode: 'link', businessNumber: newBusinessNumber() } }), 'COMPANY_NOT_FOUND');
        for (const m of [state.b, state.c]) {
          const linked = await m.browser.call('linkCompany', { body: { mode: 'link', businessNumber } });
          assert.equal(linked.role, 'associate');
          assert.equal(linked.company.companyId, state.companyId);
        }
      },
    },
    {
      name: 'companies: an associate may not list members or edit the company (FORBIDDEN_ROLE)',
      async run() {
        const b = need(state.b, 'an associate');
        const companyId = need(state.companyId, 'the company');
        await expectError(b.browser.call('listCompanyMembers', { params: { companyId } }), 'FORBIDDEN_ROLE');
        await expectError(b.browser.call('updateCompany', { params: { companyId }, body: { homepage: 'https://associate.example' } }), 'FORBIDDEN_ROLE');
        await expectError(b.browser.call('approveCompanyMember', { params: { companyId, memberId: b.account.memberId } }), 'FORBIDDEN_ROLE');
      },
    },
    {
      name: 'companies: the MASTER lists members (pending associates first), approves one and rejects another',
      async run() {
        const master = need(state.master, 'the MASTER');
        const b = need(state.b, 'an associate');
        const c = need(state.c, 'another associate');
        const companyId = need(state.companyId, 'the company');
        const { members } = await master.browser.call('listCompanyMembers', { params: { companyId } });
        assert.deepEqual(members.map((m) => m.memberId).sort(), [master.account.memberId, b.account.memberId, c.account.memberId].sort());
        const roles = members.map((m) => m.role);
        assert.deepEqual(roles.slice(0, 2), ['associate', 'associate'], `pending associates first: ${roles.join(', ')}`);
        assert.equal(members.find((m) => m.memberId === master.account.memberId)?.role, 'master');
        assert.equal(members.find((m) => m.memberId === b.account.memberId)?.name, b.account.person.name);

        const approved = await master.browser.call('approveCompanyMember', { params: { companyId, memberId: b.account.memberId } });
        assert.equal(approved.role, 'regular');
        assert.equal(approved.memberId, b.account.memberId);
        assert.equal((await b.browser.call('getMyCompany', {})).membership?.role, 'regular');

        await master.browser.call('rejectCompanyMember', { params: { companyId, memberId: c.account.memberId } });
        assert.deepEqual(await c.browser.call('getMyCompany', {}), { membership: null });
        await expectError(master.browser.call('approveCompanyMember', { params: { companyId, memberId: c.account.memberId } }), 'MEMBER_NOT_IN_COMPANY');
      },
    },
    {
      name: 'companies: the MASTER removes a member',
      async run() {
        const master = need(state.master, 'the MASTER');
        const c = need(state.c, 'a member');
        const companyId = need(state.companyId, 'the company');
        const relinked = await c.browser.call('linkCompany', { body: { mode: 'link', businessNumber: need(state.businessNumber, 'a BRN') } });
        assert.equal(relinked.role, 'associate');
        await master.browser.call('removeCompanyMember', { params: { companyId, memberId: c.account.memberId } });
        assert.deepEqual(await c.browser.call('getMyCompany', {}), { membership: null });
        const { members } = await master.browser.call('listCompanyMembers', { params: { companyId } });
        assert.ok(!members.some((m) => m.memberId === c.account.memberId), 'the removed member is gone');
        await expectError(c.browser.call('leaveCompany', {}), 'NOT_LINKED');
      },
    },
    {
      name: 'companies: the MASTER edits the company details',
      async run() {
        const master = need(state.master, 'the MASTER');
        const companyId = need(state.companyId, 'the company');
        const updated = await master.browser.call('updateCompany', { params: { companyId }, body: { phone: '02-3460-7114', industry: '무역 중개' } });
        assert.equal(updated.companyId, companyId);
        assert.equal(updated.phone.replace(/\D/g, ''), '0234607114');
        assert.equal(updated.industry, '무역 중개');
        assert.equal(updated.nameKo, need(state.details, 'the details').nameKo, 'unchanged fields stay');
        const bad = await expectError(master.browser.call('updateCompany', { params: { companyId }, body: { phone: '12' } }), 'VALIDATION_FAILED');
        assert.ok(bad.fields.some((f) => f.field.endsWith('phone')), `fields: ${JSON.stringify(bad.fields)}`);
      },
    },
    {
      name: 'companies: a MASTER with members cannot leave (MASTER_MUST_TRANSFER); after transferMaster to a regular they can',
      async run() {
        const master = need(state.master, 'the MASTER');
        const b = need(state.b, 'a regular member');
        const companyId = need(state.companyId, 'the company');
        await expectError(master.browser.call('leaveCompany', {}), 'MASTER_MUST_TRANSFER');
        const { members } = await master.browser.call('transferMaster', { params: { companyId }, body: { memberId: b.account.memberId } });
        assert.equal(members.find((m) => m.memberId === b.account.memberId)?.role, 'master');
        assert.equal(members.find((m) => m.memberId === master.account.memberId)?.role, 'regular');
        assert.equal(members.filter((m) => m.role === 'master').length, 1, 'exactly one MASTER');
        await expectError(master.browser.call('listCompanyMembers', { params: { companyId } }), 'FORBIDDEN_ROLE');

        await master.browser.call('leaveCompany', {});
        assert.deepEqual(await master.browser.call('getMyCompany', {}), { membership: null });
        const left = await b.browser.call('listCompanyMembers', { params: { companyId } });
        assert.deepEqual(left.members.map((m) => [m.memberId, m.role]), [[b.account.memberId, 'master']]);
      },
    },
  ];
}
