// Protocol: error bodies, Retry-After on 429, CORS, Idempotency-Key; and the coverage check.
import assert from 'node:assert/strict';
import { operations } from '../../src/api/index.ts';
import { expectError, expectErrorResponse, type ContractContext, type Scenario } from './kit.ts';

export function protocolScenarios(): Scenario[] {
  return [
    {
      name: 'protocol: an unknown route below the API base is 404 NOT_FOUND with the contract error body',
      async run(ctx) {
        const browser = ctx.newBrowser();
        for (const [method, path] of [['GET', 'no-such-operation'], ['GET', 'site/extra'], ['PUT', 'session']] as const) {
          const response = await browser.raw(path, { method, headers: { accept: 'application/json' } });
          await expectErrorResponse(response, 'NOT_FOUND', `${method} ${path}`);
        }
      },
    },
    {
      name: 'protocol: a request without X-Site-Id is 400 SITE_UNKNOWN',
      async run(ctx) {
        const response = await ctx.newBrowser().raw('site', { site: null, headers: { accept: 'application/json' } });
        await expectErrorResponse(response, 'SITE_UNKNOWN', 'GET /site without X-Site-Id');
      },
    },
    {
      name: 'protocol: a body that is not JSON, a missing field, a creating POST without Idempotency-Key are 422 VALIDATION_FAILED',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const json = { 'content-type': 'application/json', accept: 'application/json' };
        const notJson = await browser.raw('session', { method: 'POST', headers: json, body: '{"loginId": ' });
        await expectErrorResponse(notJson, 'VALIDATION_FAILED', 'POST /session with a body that is not JSON');

        const missing = await browser.raw('verifications', { method: 'POST', headers: { ...json, 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ method: 'mobile' }) });
        const missingBody = await expectErrorResponse(missing, 'VALIDATION_FAILED', 'POST /verifications without "purpose"');
        assert.ok(missingBody.fields?.some((f) => f.field === 'purpose'), `fields name the missing "purpose": ${JSON.stringify(missingBody.fields)}`);

        const noKey = await browser.raw('verifications', { method: 'POST', headers: json, body: JSON.stringify({ method: 'mobile', purpose: 'signup' }) });
        await expectErrorResponse(noKey, 'VALIDATION_FAILED', 'POST /verifications without Idempotency-Key');
      },
    },
    {
      name: 'protocol: startVerification and startPasswordReset replay the same Idempotency-Key and refuse another body with IDEMPOTENCY_CONFLICT',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const idempotencyKey = crypto.randomUUID();
        const first = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } }, { idempotencyKey });
        const again = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } }, { idempotencyKey });
        assert.equal(again.verificationId, first.verificationId, 'the retry gets the first verification');
        await expectError(browser.call('startVerification', { body: { method: 'mobile', purpose: 'find-id' } }, { idempotencyKey }), 'IDEMPOTENCY_CONFLICT');

        const resetKey = crypto.randomUUID();
        const body = { loginId: 'kitnobody01', mobile: '010-9999-0000' };
        const reset = await browser.call('startPasswordReset', { body }, { idempotencyKey: resetKey });
        assert.equal((await browser.call('startPasswordReset', { body }, { idempotencyKey: resetKey })).resetId, reset.resetId);
        await expectError(browser.call('startPasswordReset', { body: { ...body, mobile: '010-9999-0001' } }, { idempotencyKey: resetKey }), 'IDEMPOTENCY_CONFLICT');
      },
    },
    {
      name: 'protocol: 429 answers carry Retry-After (RESEND_TOO_SOON right after a code was sent)',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const person = ctx.newPerson();
        const { verificationId } = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
        const status = await browser.call('requestMobileCode', { params: { verificationId }, body: ctx.mobileCodeBody(person, await ctx.captchaAnswer(verificationId)) });
        if (Date.parse(status.resendAvailableAt) <= Date.now()) {
          await browser.call('resendMobileCode', { params: { verificationId } });
          assert.fail('the server allows an immediate resend: RESEND_TOO_SOON could not be provoked');
        }
        const raw = await browser.raw(`verifications/${encodeURIComponent(verificationId)}/mobile-code/resend`, { method: 'POST', headers: { accept: 'application/json' } });
        await expectErrorResponse(raw, 'RESEND_TOO_SOON', 'an immediate resend');
        const retryAfter = raw.headers.get('retry-after');
        assert.ok(retryAfter !== null && /^\d+$/.test(retryAfter.trim()) && Number(retryAfter) > 0, `Retry-After: ${retryAfter}`);
        const error = await expectError(browser.call('resendMobileCode', { params: { verificationId } }), 'RESEND_TOO_SOON');
        assert.ok((error.retryAfterSeconds ?? 0) > 0, 'the client sees how long to wait');
      },
    },
    {
      name: 'protocol: CORS: a preflight from a non-allowed origin gets no Access-Control-Allow-Origin (an allowed sibling origin, when given, is granted with credentials)',
      async run(ctx) {
        const preflight = (origin: string) =>
          ctx.fetch(new URL('session', ctx.baseUrl), {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-site-id,x-csrf-token' },
          });
        const evil = await preflight('https://attacker.example');
        assert.equal(evil.headers.get('access-control-allow-origin'), null, 'no CORS grant for a foreign origin');
        const simple = await ctx.fetch(new URL('site', ctx.baseUrl), { headers: { origin: 'https://attacker.example', 'x-site-id': ctx.siteId } });
        assert.equal(simple.headers.get('access-control-allow-origin'), null, 'no CORS grant on the actual request either');
        if (ctx.allowedOrigin) {
          const allowed = await preflight(ctx.allowedOrigin);
          assert.equal(allowed.headers.get('access-control-allow-origin'), ctx.allowedOrigin, 'the allowed sibling origin is granted');
          assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true', 'with credentials');
          const headers = (allowed.headers.get('access-control-allow-headers') ?? '').toLowerCase();
          for (const header of ['x-site-id', 'x-csrf-token', 'idempotency-key', 'content-type']) assert.ok(headers.includes(header), `allows ${header}: ${headers}`);
        }
      },
    },
  ];
}

/** The last scenario of a full run: every operation of the contract was called at least once. */
export function coverageScenario(): Scenario {
  return {
    name: 'coverage: the kit exercised every operation of the contract',
    async run(ctx: ContractContext) {
      const missing = Object.keys(operations).filter((id) => !ctx.exercised.has(id));
      assert.ok(missing.length === 0, `never exercised: ${missing.join(', ')}`);
    },
  };
}
