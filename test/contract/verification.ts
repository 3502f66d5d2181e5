// Identity verification: the mobile OTP flow through the sandbox carrier, and a provider result.
import assert from 'node:assert/strict';
import { MembershipError } from '../../src/api/index.ts';
import { expectError, type ContractContext, type Scenario, type TestPerson } from './kit.ts';
import type { Browser } from './kit.ts';

/** Starts a mobile verification and sends the code; answers the ids and the code the sandbox SMS carries. */
async function sentCode(ctx: ContractContext, browser: Browser, person: TestPerson) {
  const start = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'find-id' } });
  assert.equal(start.kind, 'otp');
  const { verificationId } = start;
  const status = await browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, await ctx.captchaAnswer(verificationId)) });
  const code = await ctx.latestCode(person.mobile);
  assert.ok(code, `a sandbox SMS reached ${person.mobile}`);
  return { verificationId, status, code };
}

/** A 6-digit code that is not `code`. */
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

export function verificationScenarios(): Scenario[] {
  return [
    {
      name: 'verification: extendMobileCode gives the code already sent more time (WCAG 2.2.1), sends no new code, and the code still works',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const { verificationId, status, code } = await sentCode(ctx, browser, person);
        const extended = await browser.call('extendMobileCode', { params: { verificationId } });
        assert.ok(Date.parse(extended.expiresAt) >= Date.parse(status.expiresAt), `later or equal: ${extended.expiresAt} vs ${status.expiresAt}`);
        assert.equal(extended.resendsLeft, status.resendsLeft, 'no resend was used');
        assert.equal(extended.maskedMobile, status.maskedMobile);
        assert.equal(await ctx.latestCode(person.mobile), code, 'no new SMS: the same code');
        const result = await browser.call('confirmMobileCode', { params: { verificationId }, body: { code } });
        assert.equal(result.method, 'mobile');
        await expectError(browser.call('extendMobileCode', { params: { verificationId } }), 'VERIFICATION_INVALID');
      },
    },
    {
      name: 'verification: the mobile flow (captcha image, code, CODE_MISMATCH with attemptsLeft) gives a single-use token; a repeated confirm voids the first',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const start = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'find-id' } });
        assert.equal(start.kind, 'otp');
        assert.equal(start.purpose, 'find-id');
        assert.ok(Date.parse(start.expiresAt) > Date.now() - 60_000, 'the verification expires in the future');
        const { verificationId } = start;
        const image = await browser.call('getCaptchaImage', { params: { verificationId } });
        assert.ok(image.size > 0, 'the captcha image has content');
        assert.match(image.type, /^image\//, 'the captcha answer is an image');

        const status = await browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, await ctx.captchaAnswer(verificationId)) });
        const last4 = person.mobile.slice(-4);
        assert.ok(status.maskedMobile.endsWith(last4), `maskedMobile ${status.maskedMobile} shows the last digits`);
        assert.ok(!status.maskedMobile.replace(/\D/g, '').includes(person.mobile.replace(/\D/g, '')), 'maskedMobile hides the number');
        assert.ok(status.attemptsLeft > 1, 'more than one attempt to type the code');
        assert.ok(Date.parse(status.resendAvailableAt) <= Date.parse(status.expiresAt), 'a resend is possible before the code expires');

        const code = await ctx.latestCode(person.mobile);
        assert.ok(code, `a sandbox SMS reached ${person.mobile}`);
        const wrong = await expectError(browser.call('confirmMobileCode', { params: { verificationId }, body: { code: otherCode(code) } }), 'CODE_MISMATCH');
        assert.equal(wrong.attemptsLeft, status.attemptsLeft - 1, 'CODE_MISMATCH tells how many attempts are left');

        const result = await browser.call('confirmMobileCode', { params: { verificationId }, body: { code } });
        assert.equal(result.method, 'mobile');
        assert.equal(result.purpose, 'find-id');
        assert.deepEqual(result.person, { name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality });

        // The verification is finished: no new code. The same confirm again (its answer was lost) answers
        // the same result with a new token and voids the first, so one token at most is ever usable.
        await expectError(browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, 'x') }), 'VERIFICATION_INVALID');
        const again = await browser.call('confirmMobileCode', { params: { verificationId }, body: { code } });
        assert.deepEqual(again.person, result.person, 'a repeated confirm answers the same person');
        await expectError(browser.call('findLoginIds', { body: { verificationToken: result.verificationToken } }), 'VERIFICATION_INVALID');

        // The token is single-use, and once it is used no repeat of the confirm gives another.
        const found = await browser.call('findLoginIds', { body: { verificationToken: again.verificationToken } });
        assert.deepEqual(found, { accounts: [] }, 'a fresh person has no accounts');
        await expectError(browser.call('findLoginIds', { body: { verificationToken: again.verificationToken } }), 'VERIFICATION_INVALID');
        await expectError(browser.call('confirmMobileCode', { params: { verificationId }, body: { code } }), 'VERIFICATION_INVALID');
      },
    },
    {
      name: 'verification: the security text has an audio alternative that reads the current text without replacing it',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const { verificationId } = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
        await browser.call('getCaptchaImage', { params: { verificationId } });
        const shown = await ctx.captchaAnswer(verificationId);
        for (const lang of ['ko', 'en'] as const) {
          const audio = await browser.call('getCaptchaAudio', { params: { verificationId }, query: { lang } });
          assert.match(audio.type, /^audio\//, `the ${lang} answer is audio`);
          const bytes = new Uint8Array(await audio.arrayBuffer());
          assert.ok(bytes.length > 1000, `the ${lang} audio has content`);
          if (audio.type === 'audio/wav') assert.equal(String.fromCharCode(...bytes.subarray(0, 4), ...bytes.subarray(8, 12)), 'RIFFWAVE', 'a RIFF/WAVE file');
        }
        assert.equal(await ctx.captchaAnswer(verificationId), shown, 'listening keeps the text the image shows');
        await browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, shown) });
        await expectError(browser.call('getCaptchaAudio', { params: { verificationId: `${verificationId}-none` }, query: {} }), 'VERIFICATION_NOT_FOUND');
      },
    },
    {
      name: 'verification: a wrong security text is CAPTCHA_MISMATCH; details the carrier does not know are IDENTITY_MISMATCH',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const { verificationId } = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
        const answer = await ctx.captchaAnswer(verificationId);
        await expectError(browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, `${answer}9`) }), 'CAPTCHA_MISMATCH');
        // A name that is not a generated test person's, on a test number: unknown to the carrier.
        const stranger = { ...person, name: '김철수' };
        await expectError(browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(stranger, await ctx.captchaAnswer(verificationId)) }), 'IDENTITY_MISMATCH');
        // The same verification still works with the right details.
        await browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, await ctx.captchaAnswer(verificationId)) });
      },
    },
    {
      name: 'verification: wrong codes count attemptsLeft down to ATTEMPTS_EXCEEDED; then even the right code is refused',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const { verificationId, status, code } = await sentCode(ctx, browser, ctx.newPerson());
        const confirm = (value: string) => browser.call('confirmMobileCode', { params: { verificationId }, body: { code: value } });
        for (let left = status.attemptsLeft - 1; left > 0; left -= 1) {
          const error = await expectError(confirm(otherCode(code)), 'CODE_MISMATCH');
          assert.equal(error.attemptsLeft, left);
        }
        await expectError(confirm(otherCode(code)), 'ATTEMPTS_EXCEEDED');
        await expectError(confirm(code), 'ATTEMPTS_EXCEEDED');
      },
    },
    {
      name: 'verification: METHOD_NOT_AVAILABLE, reverify signed out UNAUTHENTICATED, reset-password without a live reset RESET_EXPIRED',
      async run(ctx) {
        const browser = ctx.newBrowser();
        await expectError(browser.call('startVerification', { body: { method: 'carrier-pigeon', purpose: 'signup' } }), 'METHOD_NOT_AVAILABLE');
        await expectError(browser.call('startVerification', { body: { method: 'mobile', purpose: 'reverify' } }), 'UNAUTHENTICATED');
        await expectError(browser.call('startVerification', { body: { method: 'mobile', purpose: 'reset-password' } }), 'RESET_EXPIRED');
        await expectError(browser.call('startVerification', { body: { method: 'mobile', purpose: 'reset-password', resetId: 'rst_no_such_reset' } }), 'RESET_EXPIRED');
      },
    },
    {
      name: 'verification: a provider result gives a token once (the same request again replays it; any other is refused); a wrong result id is VERIFICATION_INVALID',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const provider = (await ctx.site()).verificationMethods.find((m) => m.kind === 'provider');
        if (!provider) {
          // No provider method on this site: the operation must still answer within the contract.
          const { verificationId } = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'find-id' } });
          const error = await browser.call('exchangeProviderResult', { params: { verificationId }, body: { resultId: 'no-such-result' } }).then(
            () => assert.fail('a mobile verification has no provider result'),
            (failure: unknown) => failure,
          );
          assert.ok(error instanceof MembershipError && (error.code === 'VERIFICATION_NOT_FOUND' || error.code === 'VERIFICATION_INVALID'), String(error));
          return;
        }
        const start = await browser.call('startVerification', { body: { method: provider.id, purpose: 'find-id', mode: 'popup' } });
        assert.equal(start.kind, 'provider');
        if (start.kind !== 'provider') return;
        const { verificationId } = start;
        await expectError(browser.call('exchangeProviderResult', { params: { verificationId }, body: { resultId: 'not-the-result-id' } }), 'VERIFICATION_INVALID');

        const resultId = await sandboxProviderLogin(ctx, start.providerUrl, verificationId);
        const idempotencyKey = crypto.randomUUID();
        const first = await browser.call('exchangeProviderResult', { params: { verificationId }, body: { resultId } }, { idempotencyKey });
        // The same request again (its answer was lost): the first answer again, the same token.
        const result = await browser.call('exchangeProviderResult', { params: { verificationId }, body: { resultId } }, { idempotencyKey });
        assert.equal(result.purpose, 'find-id');
        assert.equal(result.method, provider.id);
        assert.deepEqual(result, first);
        // Another request with the result id (another browser, a replay): exchanged once only.
        await expectError(browser.call('exchangeProviderResult', { params: { verificationId }, body: { resultId } }), 'VERIFICATION_INVALID');
        await browser.call('findLoginIds', { body: { verificationToken: result.verificationToken } });
      },
    },
  ];
}

/**
 * Signs in on the sandbox provider page (`/sandbox/<method>`) as a sandbox i-PIN person listed in
 * `/sandbox/inbox.json`, with the captcha from the automation hook; answers the popup's result id.
 */
async function sandboxProviderLogin(ctx: ContractContext, providerUrl: string, verificationId: string): Promise<string> {
  const url = new URL(providerUrl);
  assert.ok(url.pathname.startsWith('/sandbox/'), `the kit can only drive sandbox provider pages (got ${providerUrl})`);
  const page = await fetch(new URL(url.pathname + url.search, ctx.origin));
  const html = await page.text();
  assert.equal(page.status, 200, `sandbox provider page: HTTP ${page.status}`);
  const inbox = (await (await fetch(new URL('/sandbox/inbox.json', ctx.origin))).json()) as { people?: { ipinId?: string; ipinPassword?: string; corporatePhone?: boolean }[] };
  const person = (inbox.people ?? []).find((p) => p.ipinId && p.ipinPassword);
  assert.ok(person, 'the sandbox lists a person with an i-PIN login');
  const form = new URLSearchParams({
    ...hiddenInputs(html),
    ipinId: person.ipinId!,
    password: person.ipinPassword!,
    captcha: await ctx.captchaAnswer(verificationId),
    action: 'login',
  });
  const answer = await fetch(new URL(url.pathname, ctx.origin), { method: 'POST', body: form, redirect: 'manual' });
  const text = await answer.text();
  const resultId = /data-result-id="([^"]+)"/.exec(text)?.[1];
  assert.ok(resultId, `the sandbox provider page gave no result id (HTTP ${answer.status})`);
  return resultId;
}

/** Values of the hidden inputs of an HTML page. */
function hiddenInputs(page: string): Record<string, string> {
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[match[1]!] = decode(match[2]!);
  return fields;
}
