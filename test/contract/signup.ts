// Signup: individual and corporate members, the refusals, idempotency.
import assert from 'node:assert/strict';
import { newIdempotencyKey, type SignupRequest, type VerificationPurpose } from '../../src/api/index.ts';
import {
  birthDateYearsAgo,
  companyDetails,
  expectError,
  newBusinessNumber,
  newLoginId,
  newPassword,
  type Browser,
  type ContractContext,
  type Scenario,
  type TestPerson,
} from './kit.ts';

/** A signup body for a person, verified by `browser` now (for `purpose`), with a fresh login ID. */
async function signupBody(ctx: ContractContext, browser: Browser, person: TestPerson, purpose: VerificationPurpose = 'signup'): Promise<SignupRequest> {
  const { policy } = await ctx.site();
  return {
    memberType: 'individual',
    ...(await ctx.signupTokens(browser, person, purpose)),
    consents: await ctx.consents(),
    details: ctx.signupDetails(person, newLoginId(policy), newPassword(policy)),
  };
}

export function signupScenarios(): Scenario[] {
  return [
    {
      name: 'signup: a domestic individual signs up; name comes from the verification',
      async run(ctx) {
        const account = await ctx.member();
        assert.ok(account.memberId.length > 0);
        assert.equal(account.summary.memberType, 'individual');
        assert.equal(account.summary.name, account.person.name);
        assert.equal(account.summary.companyRole, null);
        assert.equal(account.summary.company, null);
        assert.equal(account.certificatePending, false);
      },
    },
    {
      name: 'signup: checkSignupVerification says whether the verified person has an account, gives the mobile, and leaves the token usable',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const existing = await ctx.signupTokens(browser, account.person);
        const known = await browser.call('checkSignupVerification', { body: { verificationToken: existing.verificationToken } });
        assert.equal(known.existingAccount, true, 'a member is told at once');

        const person = ctx.newPerson();
        const body = await signupBody(ctx, browser, person);
        const fresh = await browser.call('checkSignupVerification', { body: { verificationToken: body.verificationToken } });
        assert.equal(fresh.existingAccount, false, 'a new person may go on');
        if (fresh.mobile !== undefined) assert.equal(fresh.mobile.replace(/\D/g, ''), person.mobile.replace(/\D/g, ''), 'the verified mobile');
        const created = await browser.call('createMember', { body });
        assert.equal(created.member.name, person.name, 'the checked token still signs up');
      },
    },
    {
      name: 'signup: the same person again is ALREADY_MEMBER, whatever the login ID',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        await expectError(browser.call('createMember', { body: await signupBody(ctx, browser, account.person) }), 'ALREADY_MEMBER');
      },
    },
    {
      name: 'signup: a taken login ID in another case is LOGIN_ID_TAKEN at details.loginId',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const body = await signupBody(ctx, browser, person);
        body.details.loginId = account.loginId.toUpperCase();
        const error = await expectError(browser.call('createMember', { body }), 'LOGIN_ID_TAKEN');
        assert.ok(error.fieldError('details.loginId'), `fields: ${JSON.stringify(error.fields)}`);
        assert.equal(error.fieldError('details.loginId')?.code, 'LOGIN_ID_TAKEN');
      },
    },
    {
      name: 'signup: a required document not agreed is TERMS_REQUIRED',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const body = await signupBody(ctx, browser, person);
        body.consents = body.consents.map((answer) => ({ ...answer, agreed: false }));
        await expectError(browser.call('createMember', { body }), 'TERMS_REQUIRED');
        body.consents = [];
        await expectError(browser.call('createMember', { body }), 'TERMS_REQUIRED');
      },
    },
    {
      name: 'signup: a person born 14 years ago tomorrow (Asia/Seoul) is UNDER_AGE',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson({ birthDate: birthDateYearsAgo(14, 1) });
        const body = await signupBody(ctx, browser, person);
        await expectError(browser.call('createMember', { body }), 'UNDER_AGE');
        const free = await browser.call('checkLoginIdAvailability', { params: { loginId: body.details.loginId } });
        assert.equal(free.available, true, 'nothing was stored for the refused signup');
      },
    },
    {
      name: 'signup: a verification made for another purpose is VERIFICATION_PURPOSE_MISMATCH',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        await expectError(browser.call('createMember', { body: await signupBody(ctx, browser, person, 'find-id') }), 'VERIFICATION_PURPOSE_MISMATCH');
      },
    },
    {
      name: 'signup: the same Idempotency-Key replays the answer (one account); with another body it is IDEMPOTENCY_CONFLICT',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const body = await signupBody(ctx, browser, person);
        const idempotencyKey = newIdempotencyKey();
        const first = await browser.call('createMember', { body }, { idempotencyKey });
        const again = await browser.call('createMember', { body }, { idempotencyKey });
        assert.deepEqual(again, first, 'the retry gets the first answer');
        const changed = { ...body, details: { ...body.details, email: `changed.${body.details.email}` } };
        await expectError(browser.call('createMember', { body: changed }, { idempotencyKey }), 'IDEMPOTENCY_CONFLICT');

        const session = await ctx.newBrowser().call('login', { body: { loginId: body.details.loginId, password: body.details.password } });
        assert.equal(session.member?.memberId, first.member.memberId, 'the account signs in and is the one answered');
        const found = await browser.call('findLoginIds', { body: { verificationToken: await ctx.verify(browser, 'find-id', person) } });
        assert.equal(found.accounts.length, 1, 'one account for the person, not two');
      },
    },
    {
      name: 'signup: a corporate signup registering a new BRN is MASTER; a second one linking to it is associate',
      async run(ctx) {
        const config = await ctx.site();
        assert.ok(config.memberTypes.includes('corporate'), `site ${ctx.siteId} takes corporate members`);
        const businessNumber = newBusinessNumber();
        const details = companyDetails(businessNumber, config);
        const master = await ctx.signUp({ memberType: 'corporate', company: { mode: 'register', company: details } });
        assert.equal(master.summary.memberType, 'corporate');
        assert.equal(master.summary.companyRole, 'master');
        assert.equal(master.summary.company?.nameKo, details.nameKo);
        assert.equal(master.certificatePending, true, 'an unknown company registered without a certificate still owes it');

        const associate = await ctx.signUp({ memberType: 'corporate', company: { mode: 'link', businessNumber: businessNumber.replace(/-/g, '') } });
        assert.equal(associate.summary.companyRole, 'associate');
        assert.equal(associate.summary.company?.companyId, master.summary.company?.companyId);
      },
    },
  ];
}
