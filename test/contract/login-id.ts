// Login ID availability (중복확인).
import assert from 'node:assert/strict';
import { newLoginId, type Scenario } from './kit.ts';

export function loginIdScenarios(): Scenario[] {
  return [
    {
      name: 'login-id: a new ID is available',
      async run(ctx) {
        const loginId = newLoginId((await ctx.site()).policy);
        const answer = await ctx.newBrowser().call('checkLoginIdAvailability', { params: { loginId } });
        assert.deepEqual(answer, { loginId, available: true, errors: [] });
      },
    },
    {
      name: 'login-id: a taken ID is unavailable in any letter case',
      async run(ctx) {
        const { loginId } = await ctx.member();
        const browser = ctx.newBrowser();
        for (const variant of [loginId, loginId.toUpperCase(), loginId[0]!.toUpperCase() + loginId.slice(1)]) {
          const answer = await browser.call('checkLoginIdAvailability', { params: { loginId: variant } });
          assert.equal(answer.available, false, `${variant} is taken (as ${loginId})`);
          assert.deepEqual(answer.errors, [], `${variant} breaks no rule, it is only taken`);
        }
      },
    },
    {
      name: 'login-id: an ID against the site policy is unavailable with its rule codes',
      async run(ctx) {
        const { policy } = await ctx.site();
        const browser = ctx.newBrowser();
        const short = await browser.call('checkLoginIdAvailability', { params: { loginId: '1ab' } });
        assert.equal(short.available, false);
        if (policy.loginId.mustStartWithLetter) assert.ok(short.errors.includes('LOGIN_ID_FIRST_CHAR'), `1ab: ${short.errors.join(', ')}`);
        if (policy.loginId.minLength > 3) assert.ok(short.errors.includes('LOGIN_ID_TOO_SHORT'), `1ab: ${short.errors.join(', ')}`);
        const chars = await browser.call('checkLoginIdAvailability', { params: { loginId: 'kit_user!x' } });
        assert.equal(chars.available, false);
        assert.ok(chars.errors.includes('LOGIN_ID_CHARS'), `kit_user!x: ${chars.errors.join(', ')}`);
        const long = await browser.call('checkLoginIdAvailability', { params: { loginId: `k${'a'.repeat(policy.loginId.maxLength)}` } });
        assert.equal(long.available, false);
        assert.ok(long.errors.includes('LOGIN_ID_TOO_LONG'), `too long: ${long.errors.join(', ')}`);
      },
    },
  ];
}
