// Account recovery: find ID, password reset; the same answers whether or not an account exists.
import assert from 'node:assert/strict';
import { expectError, newLoginId, newPassword, type Scenario } from './kit.ts';

export function recoveryScenarios(): Scenario[] {
  return [
    {
      name: 'recovery: findLoginIds answers the member\'s masked ID, and {accounts: []} for a verified non-member',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const none = await browser.call('findLoginIds', { body: { verificationToken: await ctx.verify(browser, 'find-id', ctx.newPerson()) } });
        assert.deepEqual(none, { accounts: [] });

        const found = await browser.call('findLoginIds', { body: { verificationToken: await ctx.verify(browser, 'find-id', account.person) } });
        assert.equal(found.accounts.length, 1);
        const [entry] = found.accounts;
        assert.equal(entry!.memberType, 'individual');
        assert.equal(entry!.maskedLoginId.length, account.loginId.length, 'the masked ID keeps the length');
        const { policy } = await ctx.site();
        if (policy.maskLoginIds) {
          assert.notEqual(entry!.maskedLoginId, account.loginId, 'the site masks login IDs');
          assert.ok([...entry!.maskedLoginId].every((ch, i) => ch === '*' || ch.toLowerCase() === account.loginId[i]), `${entry!.maskedLoginId} masks ${account.loginId}`);
        }
      },
    },
    {
      name: 'recovery: startPasswordReset answers the same shape for an unknown ID as for a member',
      async run(ctx) {
        const account = await ctx.member();
        const browser = ctx.newBrowser();
        const known = await browser.call('startPasswordReset', { body: { loginId: account.loginId, mobile: account.person.mobile } });
        const unknown = await browser.call('startPasswordReset', { body: { loginId: newLoginId((await ctx.site()).policy), mobile: '010-9999-0000' } });
        const shape = (value: object) => Object.entries(value).map(([key, v]) => `${key}:${typeof v}`).sort();
        assert.deepEqual(shape(unknown), shape(known));
        assert.notEqual(unknown.resetId, known.resetId);
        const ttl = (value: { expiresAt: string }) => Math.round((Date.parse(value.expiresAt) - Date.now()) / 60_000);
        assert.equal(ttl(unknown), ttl(known), 'the same expiry either way');
      },
    },
    {
      name: 'recovery: password reset end to end (RESET_NOT_MATCHED for another person; new password works, old one does not)',
      async run(ctx) {
        const { policy } = await ctx.site();
        const account = await ctx.signUp();
        const browser = ctx.newBrowser();

        // Someone else verifies for this ID with their own number: no match, and no hint why.
        const stranger = ctx.newPerson();
        const foreign = await browser.call('startPasswordReset', { body: { loginId: account.loginId, mobile: stranger.mobile } });
        const strangerToken = await ctx.verify(browser, 'reset-password', stranger, { resetId: foreign.resetId });
        await expectError(browser.call('completePasswordReset', { params: { resetId: foreign.resetId }, body: { verificationToken: strangerToken, newPassword: newPassword(policy) } }), 'RESET_NOT_MATCHED');

        const reset = await browser.call('startPasswordReset', { body: { loginId: account.loginId, mobile: account.person.mobile } });
        const token = await ctx.verify(browser, 'reset-password', account.person, { resetId: reset.resetId });
        const password = newPassword(policy);
        await browser.call('completePasswordReset', { params: { resetId: reset.resetId }, body: { verificationToken: token, newPassword: password } });
        await expectError(browser.call('startVerification', { body: { method: 'mobile', purpose: 'reset-password', resetId: reset.resetId } }), 'RESET_EXPIRED');

        const session = await ctx.newBrowser().call('login', { body: { loginId: account.loginId, password } });
        assert.equal(session.member?.memberId, account.memberId, 'the new password signs in');
        await expectError(ctx.newBrowser().call('login', { body: { loginId: account.loginId, password: account.password } }), 'INVALID_CREDENTIALS');
      },
    },
  ];
}
