// Profile: read, re-verify (name must match), edit within the re-verification window.
import assert from 'node:assert/strict';
import { nameMismatchGuidance } from '../../src/api/index.ts';
import { expectError, type Browser, type Scenario } from './kit.ts';

export function profileScenarios(): Scenario[] {
  let browser: Browser | undefined;
  const signedIn = () => {
    assert.ok(browser, 'needs the signed-in browser of the first profile scenario');
    return browser;
  };
  return [
    {
      name: 'profile: getProfile shows the signup details and the verified name and birth date',
      async run(ctx) {
        const account = await ctx.member();
        browser = await ctx.signIn(account);
        const profile = await browser.call('getProfile', {});
        assert.equal(profile.memberId, account.memberId);
        assert.equal(profile.loginId.toLowerCase(), account.loginId.toLowerCase());
        assert.equal(profile.name, account.person.name);
        assert.equal(profile.birthDate, account.person.birthDate);
        assert.equal(profile.memberType, 'individual');
        assert.equal(profile.email, `${account.loginId}@example.com`);
        assert.equal(profile.department, '해외사업부');
        assert.deepEqual(profile.interestRegions, ['VN']);
        assert.equal(profile.address?.postcode, '03154');
        assert.equal(profile.mobile?.replace(/\D/g, ''), account.person.mobile.replace(/\D/g, ''));
        for (const answer of await ctx.consents()) {
          if (!answer.agreed) continue;
          assert.ok(profile.consents.some((c) => c.documentId === answer.documentId && c.version === answer.version && c.agreed), `consent to ${answer.documentId} is on record`);
        }
      },
    },
    {
      name: 'profile: editing before re-verification is REVERIFICATION_REQUIRED; another person\'s verification is NAME_MISMATCH with guidance',
      async run(ctx) {
        const client = signedIn();
        await expectError(client.call('updateProfile', { body: { department: '수출지원팀' } }), 'REVERIFICATION_REQUIRED');
        const token = await ctx.verify(client, 'reverify', ctx.newPerson());
        const error = await expectError(client.call('reverify', { body: { verificationToken: token } }), 'NAME_MISMATCH');
        assert.deepEqual(error.guidance, [...nameMismatchGuidance], 'the three ways out, in order');
        await expectError(client.call('updateProfile', { body: { department: '수출지원팀' } }), 'REVERIFICATION_REQUIRED');
      },
    },
    {
      name: 'profile: after reverify the member edits the profile; a bad email is VALIDATION_FAILED at its field',
      async run(ctx) {
        const account = await ctx.member();
        const client = signedIn();
        const token = await ctx.verify(client, 'reverify', account.person);
        const window = await client.call('reverify', { body: { verificationToken: token } });
        assert.ok(Date.parse(window.editableUntil) > Date.parse(window.verifiedAt), 'editableUntil is after verifiedAt');
        await expectError(client.call('reverify', { body: { verificationToken: token } }), 'VERIFICATION_INVALID');

        const bad = await expectError(client.call('updateProfile', { body: { email: 'not-an-email' } }), 'VALIDATION_FAILED');
        assert.ok(bad.fieldError('email'), `fields: ${JSON.stringify(bad.fields)}`);

        const email = `new.${account.loginId}@example.com`;
        const updated = await client.call('updateProfile', { body: { email, department: '수출지원팀', position: null, interestRegions: ['US', 'JP'] } });
        assert.equal(updated.email, email);
        assert.equal(updated.department, '수출지원팀');
        assert.equal(updated.position, null);
        assert.deepEqual(updated.interestRegions, ['US', 'JP']);
        assert.deepEqual(await client.call('getProfile', {}), updated, 'getProfile shows the edit');
      },
    },
  ];
}
