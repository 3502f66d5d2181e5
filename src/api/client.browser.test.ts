// Browser tests of MembershipClient: real fetch in Chromium, answers from MSW's service worker.
// Every test checks what the server saw (request count, method, headers, URL, body), not only the
// outcome the client reported.
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { MembershipClient, type MembershipClientOptions } from './client.ts';
import type { SignupRequest } from './contract.ts';
import { MembershipError } from './errors.ts';
import type { MemberSummary, SiteConfig } from './schemas.ts';
import { deferred, waitFor } from '../../test/browser/fixture.ts';
import { captureTimeouts, type CapturedTimeouts } from '../../test/support/clock.ts';
import type { Deferred } from '../../test/support/wait.ts';

// Mocha globals provided by @web/test-runner (no @types/mocha in this project).

// ---------------------------------------------------------------- tiny assertions

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}
function equal<T>(actual: T, expected: T, message: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`Assertion failed: ${message}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`);
  }
}
function deepEqual(actual: unknown, expected: unknown, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`Assertion failed: ${message}\n  expected: ${e}\n  actual:   ${a}`);
}
/** Awaits a promise that must reject with a MembershipError, and returns the error. */
async function rejection(promise: Promise<unknown>): Promise<MembershipError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    assert(error instanceof MembershipError, `rejects with a MembershipError, got ${String(error)}`);
    return error;
  }
  throw new Error(`Assertion failed: expected a rejection, resolved with ${JSON.stringify(value)}`);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------- server side

const apiBase = `${location.origin}/api/v1/`;
const url = (path: string) => `${apiBase}${path}`;

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
}
/** Requests that reached a test handler, in order. */
let seen: Seen[] = [];
/** Requests under the API base no handler of the test answered. */
let unhandled: string[] = [];

function record(request: Request): Seen {
  const entry = { method: request.method, url: new URL(request.url), headers: new Headers(request.headers) };
  seen.push(entry);
  return entry;
}

const worker = setupWorker(
  // Fallback: any API request a test did not expect is recorded and fails that test in afterEach.
  http.all(`${apiBase}*`, ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
    return new HttpResponse('unexpected request', { status: 418 });
  }),
);

const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

// ---------------------------------------------------------------- fixtures

const siteConfig: SiteConfig = {
  siteId: 'kotra',
  name: { ko: '대한무역투자진흥공사', en: 'KOTRA' },
  siblingSites: [{ siteId: 'buykorea', name: { ko: '바이코리아', en: 'buyKOREA' }, url: 'https://buykorea.example.kr/' }],
  memberTypes: ['individual', 'corporate', 'foreign'],
  verificationMethods: [
    { id: 'mobile', kind: 'otp', label: { ko: '휴대폰 인증', en: 'Mobile phone' } },
    { id: 'ipin', kind: 'provider', label: { ko: '아이핀', en: 'i-PIN' }, origin: 'https://ipin.example.kr', modes: ['popup', 'redirect'] },
  ],
  reverifyAtSignupSubmit: false,
  policy: {
    loginId: { minLength: 6, maxLength: 20, mustStartWithLetter: true },
    password: {
      minLength: 9, maxLength: 20, requiredKinds: ['letter', 'digit', 'special'],
      alternatives: [{ minLength: 10, minKinds: 2 }], forbidLoginId: true, maxRepeat: 3,
    },
    minAge: 14,
    emailDomains: ['naver.com', 'gmail.com'],
    maskLoginIds: true,
    required: { phone: false, mobile: true, address: true, nameEn: false },
    interests: { maxItems: 20, maxRegions: 50 },
  },
  companyOptions: {
    companyType: [{ value: 'large', label: { ko: '대기업', en: 'Large enterprise' } }],
    classification: [{ value: 'maker', label: { ko: '제조', en: 'Manufacturer' } }],
    mainProduct: [],
    tradeKind: [{ value: 'export', label: { ko: '수출', en: 'Export' } }],
  },
  certificate: { maxBytes: 5_242_880, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'], fax: '02-3460-7777' },
};

const member: MemberSummary = {
  memberId: 'm-1', loginId: 'hong123', name: '홍길동', memberType: 'individual', companyRole: null, company: null,
};

const signup: SignupRequest = {
  memberType: 'individual',
  verificationToken: 'vt-0123456789abcdef',
  consents: [{ documentId: 'terms', version: '2026-01', agreed: true }],
  details: { loginId: 'hong123', password: 'Sup3r$ecret', email: 'hong@example.kr' },
};
const signupResult = { member, certificatePending: false };

const address = { postcode: '06792', base: '서울특별시 서초구 헌릉로 13', detail: '5층' };

const password = 'Pa55-word!SECRET-42';

function newClient(options: Partial<MembershipClientOptions> = {}): MembershipClient {
  return new MembershipClient({ apiBase, siteId: 'kotra', lang: 'en', timeoutMs: 300, retryLimit: 1, ...options });
}

// ---------------------------------------------------------------- tests

/** A server answer that comes only when the test is over (a slow server, with no wall-clock wait). */
const held: Deferred<void>[] = [];
function answerLater(): Promise<void> {
  const answer = deferred();
  held.push(answer);
  return answer.promise;
}

/** A JSON body that sends its first bytes and then nothing more: the headers arrive, the body never ends. */
function stalledBody(): Response {
  const stalled = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"siteId":"kot'));
    },
  });
  return new HttpResponse(stalled, { headers: { 'content-type': 'application/json' } });
}

/**
 * Whether MSW streams an answer's body to the page (it transfers the stream). Where it cannot (WebKit),
 * it sends the whole body at once, so a body that never ends is an answer whose headers never come.
 */
const streamsBodies = (() => {
  try {
    const stream = new ReadableStream({ start: (controller) => controller.close() });
    new MessageChannel().port1.postMessage(stream, [stream]);
    return true;
  } catch {
    return false;
  }
})();

/** The page's fetch, counting the answers whose headers reached the client. */
function countingFetch(): { fetch: typeof globalThis.fetch; answered: Response[] } {
  const answered: Response[] = [];
  return { answered, fetch: (input, init) => globalThis.fetch(input, init).then((response) => (answered.push(response), response)) };
}

/**
 * Runs `test` with the page's timeouts of a second or more under a manual clock: the client's retry
 * waits (and its total budget) then pass only when the test moves the time on. A call that should not
 * wait settles with the clock never moved; one that waits by mistake hangs the test until it fails.
 */
async function withSlowTimersHeld(test: (timers: CapturedTimeouts) => Promise<void>): Promise<void> {
  const timers = captureTimeouts((ms) => ms >= 1000);
  try {
    await test(timers);
  } finally {
    timers.restore();
  }
}

describe('MembershipClient (browser, MSW)', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  // Not awaited: in WebKit MSW's worker never acknowledges the stop after this file's aborted requests (the page goes next anyway).
  after(() => void worker.stop());
  beforeEach(() => {
    worker.resetHandlers();
    seen = [];
    unhandled = [];
  });
  afterEach(() => {
    for (const answer of held.splice(0)) answer.resolve();
    deepEqual(unhandled, [], 'no request the test did not expect reached the API');
  });

  describe('valid responses', () => {
    it('parses and returns a full SiteConfig from getSiteConfig', async () => {
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        return HttpResponse.json(siteConfig);
      }));
      const result = await newClient().call('getSiteConfig', {});
      deepEqual(result, siteConfig, 'the parsed config equals what the server sent');
      equal(seen.length, 1, 'one request');
      equal(seen[0]!.method, 'GET', 'GET');
      equal(seen[0]!.url.pathname, '/api/v1/site', 'path under the API base');
      equal(seen[0]!.headers.get('accept'), 'application/json', 'asks for JSON');
    });

    it('parses every branch of the lookupCompany union', async () => {
      const answers = [
        {
          status: 'registered',
          company: { companyId: 'c-1', businessNumber: '1208200052', nameKo: '한국상사', nameEn: 'Hanguk Trading', ceoNameKo: '김대표', address },
        },
        { status: 'registry', prefill: { businessNumber: '1208200053', nameKo: '새상사' } },
        { status: 'unknown', businessNumber: '1208200054' },
      ];
      let next = 0;
      worker.use(http.get(url('companies/lookup'), ({ request }) => {
        record(request);
        return HttpResponse.json(answers[next++]);
      }));
      const client = newClient();
      for (const answer of answers) {
        const result = await client.call('lookupCompany', { query: { businessNumber: '120-82-00052' } });
        deepEqual(result, answer, `branch ${answer.status} is returned as sent`);
      }
      equal(seen.length, 3, 'one request per call');
    });

    it('resolves a 204 operation (logout) with undefined', async () => {
      worker.use(http.delete(url('session'), ({ request }) => {
        record(request);
        return new HttpResponse(null, { status: 204 });
      }));
      equal(await newClient().call('logout', {}), undefined, 'no value');
      equal(seen.length, 1, 'one request');
      equal(seen[0]!.method, 'DELETE', 'DELETE');
    });
  });

  describe('request shape', () => {
    it('sends X-Site-Id and Accept-Language on GET, POST, PATCH and DELETE', async () => {
      worker.use(
        http.get(url('site'), ({ request }) => (record(request), HttpResponse.json(siteConfig))),
        http.post(url('session'), ({ request }) => (record(request), HttpResponse.json({ member, csrfToken: 'c' }))),
        http.patch(url('me'), ({ request }) => (record(request), HttpResponse.json(errorBody('UNAUTHENTICATED', 'Sign in'), { status: 401 }))),
        http.delete(url('session'), ({ request }) => (record(request), new HttpResponse(null, { status: 204 }))),
      );
      const client = newClient({ siteId: 'kotra-buy', lang: 'ko-KR' });
      await client.call('getSiteConfig', {});
      await client.call('login', { body: { loginId: 'hong123', password } });
      await rejection(client.call('updateProfile', { body: { email: 'new@example.kr' } }));
      await client.call('logout', {});
      deepEqual(seen.map((entry) => entry.method), ['GET', 'POST', 'PATCH', 'DELETE'], 'four requests');
      for (const entry of seen) {
        equal(entry.headers.get('x-site-id'), 'kotra-buy', `X-Site-Id on ${entry.method}`);
        equal(entry.headers.get('accept-language'), 'ko-KR', `Accept-Language on ${entry.method}`);
      }
    });

    it('sends X-Site-Id and Accept-Language on every retry attempt too', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.error())));
      await rejection(newClient({ siteId: 'kotra', lang: 'en', retryLimit: 1 }).call('getSiteConfig', {}));
      equal(seen.length, 2, 'two attempts');
      for (const entry of seen) {
        equal(entry.headers.get('x-site-id'), 'kotra', 'X-Site-Id');
        equal(entry.headers.get('accept-language'), 'en', 'Accept-Language');
      }
    });

    it('URL-encodes path parameters', async () => {
      worker.use(http.get(url('login-ids/:loginId/availability'), ({ request, params }) => {
        record(request);
        return HttpResponse.json({ loginId: String(params.loginId), available: true, errors: [] });
      }));
      await newClient().call('checkLoginIdAvailability', { params: { loginId: 'a b/c?d#e&홍' } });
      equal(seen.length, 1, 'one request, to the availability endpoint');
      equal(seen[0]!.url.pathname, '/api/v1/login-ids/a%20b%2Fc%3Fd%23e%26%ED%99%8D/availability', 'each reserved character encoded');
      equal(seen[0]!.url.search, '', 'nothing leaked into the query');
    });

    it('sends query parameters', async () => {
      worker.use(
        http.get(url('terms'), ({ request }) => (record(request), HttpResponse.json({ documents: [] }))),
        http.get(url('companies/lookup'), ({ request }) => (record(request), HttpResponse.json({ status: 'unknown', businessNumber: '1' }))),
      );
      const client = newClient();
      await client.call('listTerms', { query: { purpose: 'company' } });
      await client.call('lookupCompany', { query: { businessNumber: '120-82 00052&x=1' } });
      equal(seen[0]!.url.searchParams.get('purpose'), 'company', 'listTerms purpose');
      equal(seen[1]!.url.searchParams.get('businessNumber'), '120-82 00052&x=1', 'lookupCompany businessNumber, encoded');
      equal(seen[1]!.url.searchParams.get('x'), null, 'no injected parameter');
    });

    it('sends the JSON body it validated', async () => {
      let body: unknown;
      worker.use(http.post(url('members'), async ({ request }) => {
        record(request);
        body = await request.json();
        return HttpResponse.json(signupResult, { status: 201 });
      }));
      await newClient().call('createMember', { body: signup });
      deepEqual(body, signup, 'body as given');
      assert(seen[0]!.headers.get('content-type')?.startsWith('application/json'), 'JSON content type');
    });
  });

  describe('contract error bodies', () => {
    it('409 LOGIN_ID_TAKEN keeps code, status, message and fields', async () => {
      const fields = [{ field: 'details.loginId', code: 'LOGIN_ID_TAKEN' }];
      worker.use(http.post(url('members'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('LOGIN_ID_TAKEN', 'Login ID is taken', { fields }), { status: 409 });
      }));
      const error = await rejection(newClient().call('createMember', { body: signup }));
      equal(error.code, 'LOGIN_ID_TAKEN', 'code');
      equal(error.status, 409, 'status');
      equal(error.message, 'Login ID is taken', 'developer message');
      deepEqual(error.fields, fields, 'fields');
      equal(error.fieldError('details.loginId')?.code, 'LOGIN_ID_TAKEN', 'fieldError()');
      equal(error.operationId, 'createMember', 'operation id');
      equal(error.retryable, false, 'not retryable');
      equal(seen.length, 1, 'a 409 is not retried');
    });

    it('409 NAME_MISMATCH keeps the guidance in order', async () => {
      const guidance = ['OWNER_CHANGE', 'LEGAL_NAME_CHANGE', 'ORIGINAL_METHOD'];
      worker.use(http.post(url('me/reverification'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('NAME_MISMATCH', 'Names differ', { guidance }), { status: 409 });
      }));
      const error = await rejection(newClient().call('reverify', { body: { verificationToken: 'vt-0123456789abcdef' } }));
      equal(error.code, 'NAME_MISMATCH', 'code');
      equal(error.status, 409, 'status');
      deepEqual(error.guidance, guidance, 'guidance');
      equal(seen.length, 1, 'one request');
    });

    it('422 CODE_MISMATCH keeps attemptsLeft', async () => {
      worker.use(http.post(url('verifications/:id/mobile-code/confirm'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('CODE_MISMATCH', 'Wrong code', { attemptsLeft: 2 }), { status: 422 });
      }));
      const error = await rejection(newClient().call('confirmMobileCode', { params: { verificationId: 'v-1' }, body: { code: '123456' } }));
      equal(error.code, 'CODE_MISMATCH', 'code');
      equal(error.status, 422, 'status');
      equal(error.attemptsLeft, 2, 'attempts left');
      equal(seen.length, 1, 'one request');
      equal(seen[0]!.url.pathname, '/api/v1/verifications/v-1/mobile-code/confirm', 'path');
    });

    it('keeps attemptsLeft 0 (a falsy number)', async () => {
      worker.use(http.post(url('session'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('INVALID_CREDENTIALS', 'No', { attemptsLeft: 0 }), { status: 401 });
      }));
      const error = await rejection(newClient().call('login', { body: { loginId: 'hong123', password } }));
      equal(error.code, 'INVALID_CREDENTIALS', 'code');
      equal(error.status, 401, 'status');
      equal(error.attemptsLeft, 0, 'attempts left 0');
    });

    it('reads a contract body sent as application/problem+json', async () => {
      worker.use(http.post(url('me/reverification'), ({ request }) => {
        record(request);
        return new HttpResponse(JSON.stringify(errorBody('VERIFICATION_EXPIRED', 'Expired')), {
          status: 410, headers: { 'content-type': 'application/problem+json' },
        });
      }));
      const error = await rejection(newClient().call('reverify', { body: { verificationToken: 'vt-0123456789abcdef' } }));
      equal(error.code, 'VERIFICATION_EXPIRED', 'code');
      equal(error.status, 410, 'status');
    });
  });

  describe('responses that break the contract', () => {
    it('a 200 body that is not JSON → INVALID_RESPONSE', async () => {
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        return HttpResponse.html('<!doctype html><title>Welcome</title>');
      }));
      const error = await rejection(newClient().call('getSiteConfig', {}));
      equal(error.code, 'INVALID_RESPONSE', 'code');
      equal(error.status, 200, 'status of the answer');
      equal(error.retryable, false, 'not retryable');
      equal(seen.length, 1, 'not retried');
    });

    it('a JSON body with a missing field → INVALID_RESPONSE', async () => {
      const { siteId: _, ...withoutSiteId } = siteConfig;
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.json(withoutSiteId))));
      const error = await rejection(newClient().call('getSiteConfig', {}));
      equal(error.code, 'INVALID_RESPONSE', 'code');
      equal(error.operationId, 'getSiteConfig', 'operation');
      equal(seen.length, 1, 'one request');
    });

    it('a JSON body with a value outside an enum → INVALID_RESPONSE', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.json({ ...siteConfig, memberTypes: ['individual', 'alien'] }))));
      const error = await rejection(newClient().call('getSiteConfig', {}));
      equal(error.code, 'INVALID_RESPONSE', 'code');
      equal(seen.length, 1, 'one request');
    });

    it('an error status whose JSON body is not a contract error is classified by status', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.json({ error: { code: 'TEAPOT', message: 'x' } }, { status: 500 }))));
      const error = await rejection(newClient().call('getSiteConfig', {}));
      equal(error.code, 'INTERNAL_ERROR', 'unknown code is not passed through');
      equal(error.status, 500, 'status');
    });
  });

  describe('network loss', () => {
    it('retries a GET (1 + retryLimit requests), then NETWORK_ERROR with status 0, retryable', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.error())));
      const error = await rejection(newClient({ retryLimit: 2 }).call('getSiteConfig', {}));
      equal(error.code, 'NETWORK_ERROR', 'code');
      equal(error.status, 0, 'no status');
      equal(error.retryable, true, 'retryable');
      equal(seen.length, 3, '1 + retryLimit requests');
    });

    it('makes exactly one request when retryLimit is 0', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.error())));
      const error = await rejection(newClient({ retryLimit: 0 }).call('getSiteConfig', {}));
      equal(error.code, 'NETWORK_ERROR', 'code');
      equal(seen.length, 1, 'one request');
    });

    it('tries a non-idempotent POST (login) exactly once', async () => {
      worker.use(http.post(url('session'), ({ request }) => (record(request), HttpResponse.error())));
      const error = await rejection(newClient({ retryLimit: 2 }).call('login', { body: { loginId: 'hong123', password } }));
      equal(error.code, 'NETWORK_ERROR', 'code');
      equal(error.status, 0, 'no status');
      equal(seen.length, 1, 'one request');
    });

    it('tries PATCH and DELETE exactly once', async () => {
      worker.use(
        http.patch(url('me'), ({ request }) => (record(request), HttpResponse.error())),
        http.delete(url('me/company'), ({ request }) => (record(request), HttpResponse.error())),
      );
      const client = newClient({ retryLimit: 2 });
      equal((await rejection(client.call('updateProfile', { body: { email: 'a@b.kr' } }))).code, 'NETWORK_ERROR', 'PATCH');
      equal((await rejection(client.call('leaveCompany', {}))).code, 'NETWORK_ERROR', 'DELETE');
      deepEqual(seen.map((entry) => entry.method), ['PATCH', 'DELETE'], 'one request each');
    });

    it('retries an idempotent POST (createMember) with the same Idempotency-Key', async () => {
      worker.use(http.post(url('members'), ({ request }) => (record(request), HttpResponse.error())));
      const error = await rejection(newClient({ retryLimit: 2 }).call('createMember', { body: signup }));
      equal(error.code, 'NETWORK_ERROR', 'code');
      equal(seen.length, 3, '1 + retryLimit requests');
      const keys = new Set(seen.map((entry) => entry.headers.get('idempotency-key')));
      equal(keys.size, 1, 'one key for every attempt');
    });
  });

  describe('timeouts', () => {
    it('a GET answered later than timeoutMs → TIMEOUT after 1 + retryLimit attempts', async () => {
      worker.use(http.get(url('site'), async ({ request }) => {
        record(request);
        await answerLater(); // only its own timeout can end the call
        return HttpResponse.json(siteConfig);
      }));
      const error = await rejection(newClient({ timeoutMs: 200, retryLimit: 1 }).call('getSiteConfig', {}));
      equal(error.code, 'TIMEOUT', 'code');
      equal(error.status, 0, 'no status');
      equal(error.retryable, true, 'retryable');
      equal(seen.length, 2, 'retried once');
    });

    it('totalTimeoutMs bounds the whole call: a hung GET is not tried 1 + retryLimit times', async () => {
      worker.use(http.get(url('site'), async ({ request }) => {
        record(request);
        await answerLater();
        return HttpResponse.json(siteConfig);
      }));
      const error = await rejection(newClient({ timeoutMs: 300, retryLimit: 5, totalTimeoutMs: 500 }).call('getSiteConfig', {}));
      equal(error.code, 'TIMEOUT', 'code');
      equal(error.retryable, true, 'retryable');
      assert(seen.length <= 2, `gave up within the total budget after ${seen.length} attempts, not 6`);
    });

    it('a non-idempotent POST that times out is not retried', async () => {
      worker.use(http.post(url('session'), async ({ request }) => {
        record(request);
        await answerLater();
        return HttpResponse.json({ member, csrfToken: 'c' });
      }));
      const error = await rejection(newClient({ timeoutMs: 200, retryLimit: 2 }).call('login', { body: { loginId: 'hong123', password } }));
      equal(error.code, 'TIMEOUT', 'code');
      equal(seen.length, 1, 'one request');
    });
    it('a body that stalls after the headers → TIMEOUT, not a hang', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), stalledBody())));
      const { fetch, answered } = countingFetch();
      // Without the per-try timeout covering the body, this call would never settle (the test fails on its own timeout).
      const error = await rejection(newClient({ timeoutMs: 300, retryLimit: 0, fetch }).call('getSiteConfig', {}));
      equal(error.code, 'TIMEOUT', 'code');
      if (streamsBodies) equal(answered.length, 1, 'the headers had arrived: the body is what timed out');
      equal(seen.length, 1, 'one request');
    });

  });

  describe('Retry-After', () => {
    it('503 with Retry-After: 1 on a GET waits that second (on a manual clock), retries and resolves', async () => {
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        if (seen.length === 1) {
          return HttpResponse.json(errorBody('SERVICE_UNAVAILABLE', 'Maintenance'), { status: 503, headers: { 'retry-after': '1' } });
        }
        return HttpResponse.json(siteConfig);
      }));
      const retryWait = captureTimeouts((ms) => ms === 1000);
      try {
        const pending = newClient({ retryLimit: 2 }).call('getSiteConfig', {});
        await waitFor(() => retryWait.pending === 1, 'the client waits 1000 ms, as Retry-After says');
        equal(seen.length, 1, 'no second request while it waits');
        retryWait.advance(1000);
        deepEqual(await pending, siteConfig, 'resolves with the second answer');
        equal(seen.length, 2, 'two requests');
      } finally {
        retryWait.restore();
      }
    });

    it('503 with a Retry-After longer than maxRetryAfterMs is not waited for', async () => {
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('SERVICE_UNAVAILABLE', 'Maintenance'), { status: 503, headers: { 'retry-after': '10' } });
      }));
      await withSlowTimersHeld(async () => {
        const error = await rejection(newClient({ retryLimit: 2, maxRetryAfterMs: 5000 }).call('getSiteConfig', {}));
        equal(error.code, 'SERVICE_UNAVAILABLE', 'code');
        equal(error.status, 503, 'status');
        equal(error.retryAfterSeconds, 10, 'retryAfterSeconds from the header');
        equal(seen.length, 1, 'one request');
      });
    });

    it('503 with a Retry-After HTTP date far ahead is not waited for either', async () => {
      const later = new Date(Date.now() + 120_000).toUTCString();
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('SERVICE_UNAVAILABLE', 'Maintenance'), { status: 503, headers: { 'retry-after': later } });
      }));
      // Not even maxRetryAfterMs is waited: the call settles with the manual clock never moved.
      await withSlowTimersHeld(async () => {
        const error = await rejection(newClient({ retryLimit: 2, maxRetryAfterMs: 1000 }).call('getSiteConfig', {}));
        equal(error.code, 'SERVICE_UNAVAILABLE', 'code');
        assert(error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 100 && error.retryAfterSeconds <= 120, `retryAfterSeconds from the date (${error.retryAfterSeconds})`);
        equal(seen.length, 1, 'one request');
      });
    });

    it('429 with Retry-After: 60 and a RATE_LIMITED body rejects at once', async () => {
      worker.use(http.get(url('login-ids/:loginId/availability'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('RATE_LIMITED', 'Slow down', { retryAfterSeconds: 60 }), { status: 429, headers: { 'retry-after': '60' } });
      }));
      await withSlowTimersHeld(async () => {
        const error = await rejection(newClient({ retryLimit: 2 }).call('checkLoginIdAvailability', { params: { loginId: 'hong123' } }));
        equal(error.code, 'RATE_LIMITED', 'code');
        equal(error.status, 429, 'status');
        equal(error.retryAfterSeconds, 60, 'retryAfterSeconds');
        equal(error.retryable, true, 'retryable later');
        equal(seen.length, 1, 'one request');
      });
    });

    it('429 whose body alone says retryAfterSeconds 60 is not retried either', async () => {
      worker.use(http.get(url('companies/lookup'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('RATE_LIMITED', 'Slow down', { retryAfterSeconds: 60 }), { status: 429 });
      }));
      const error = await rejection(newClient({ retryLimit: 2 }).call('lookupCompany', { query: { businessNumber: '1208200052' } }));
      equal(error.code, 'RATE_LIMITED', 'code');
      equal(error.retryAfterSeconds, 60, 'from the body');
      equal(seen.length, 1, 'one request');
    });

    it('takes retryAfterSeconds from the header when the body has none', async () => {
      worker.use(http.post(url('session'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('RATE_LIMITED', 'Slow down'), { status: 429, headers: { 'retry-after': '30' } });
      }));
      const error = await rejection(newClient().call('login', { body: { loginId: 'hong123', password } }));
      equal(error.code, 'RATE_LIMITED', 'code');
      equal(error.retryAfterSeconds, 30, 'from Retry-After');
      equal(seen.length, 1, 'one request');
    });
  });

  describe('answers that are not from the contract', () => {
    it('a 502 HTML page → SERVICE_UNAVAILABLE (GET retried)', async () => {
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        return HttpResponse.html('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 });
      }));
      const error = await rejection(newClient({ retryLimit: 1 }).call('getSiteConfig', {}));
      equal(error.code, 'SERVICE_UNAVAILABLE', 'code');
      equal(error.status, 502, 'status');
      equal(error.retryable, true, 'retryable');
      equal(seen.length, 2, 'GET retried once');
    });

    it('a 500 without a body → INTERNAL_ERROR, not retried', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), new HttpResponse(null, { status: 500 }))));
      const error = await rejection(newClient({ retryLimit: 2 }).call('getSiteConfig', {}));
      equal(error.code, 'INTERNAL_ERROR', 'code');
      equal(error.status, 500, 'status');
      equal(seen.length, 1, 'one request');
    });

    it('a 502 on login is tried once', async () => {
      worker.use(http.post(url('session'), ({ request }) => (record(request), HttpResponse.text('Bad Gateway', { status: 502 }))));
      const error = await rejection(newClient({ retryLimit: 2 }).call('login', { body: { loginId: 'hong123', password } }));
      equal(error.code, 'SERVICE_UNAVAILABLE', 'code');
      equal(seen.length, 1, 'one request');
    });
  });

  describe('idempotency', () => {
    it('createMember sends a UUID Idempotency-Key, the same one on the retry after a 503', async () => {
      worker.use(http.post(url('members'), ({ request }) => {
        record(request);
        if (seen.length === 1) {
          return HttpResponse.json(errorBody('SERVICE_UNAVAILABLE', 'Busy'), { status: 503, headers: { 'retry-after': '0' } });
        }
        return HttpResponse.json(signupResult, { status: 201 });
      }));
      const result = await newClient({ retryLimit: 2 }).call('createMember', { body: signup });
      deepEqual(result, signupResult, 'resolves with the retry answer');
      equal(seen.length, 2, 'two attempts');
      const [first, second] = seen.map((entry) => entry.headers.get('idempotency-key'));
      assert(first && uuidPattern.test(first), `a UUID key (${first})`);
      equal(second, first, 'the retry carries the same key');
    });

    it('sends the given idempotencyKey', async () => {
      worker.use(http.post(url('members'), ({ request }) => (record(request), HttpResponse.json(signupResult, { status: 201 }))));
      await newClient().call('createMember', { body: signup }, { idempotencyKey: 'k1' });
      equal(seen[0]!.headers.get('idempotency-key'), 'k1', 'caller key');
    });

    it('two separate calls without the option get different keys', async () => {
      worker.use(http.post(url('members'), ({ request }) => (record(request), HttpResponse.json(signupResult, { status: 201 }))));
      const client = newClient();
      await client.call('createMember', { body: signup });
      await client.call('createMember', { body: signup });
      const keys = seen.map((entry) => entry.headers.get('idempotency-key'));
      assert(keys.every((key) => key && uuidPattern.test(key)), 'both UUIDs');
      assert(keys[0] !== keys[1], 'different keys');
    });

    it('a non-idempotent POST (login) sends no Idempotency-Key', async () => {
      worker.use(http.post(url('session'), ({ request }) => (record(request), HttpResponse.json({ member, csrfToken: 'c' }))));
      await newClient().call('login', { body: { loginId: 'hong123', password } });
      equal(seen[0]!.headers.has('idempotency-key'), false, 'no key');
    });
  });

  describe('CSRF token', () => {
    it('is sent on state changes after login, never on GETs, and no longer after logout', async () => {
      worker.use(
        http.post(url('session'), ({ request }) => (record(request), HttpResponse.json({ member, csrfToken: 'csrf-1' }))),
        http.get(url('me/company'), ({ request }) => (record(request), HttpResponse.json({ membership: null }))),
        http.post(url('me/reverification'), ({ request }) => (
          record(request), HttpResponse.json({ verifiedAt: '2026-11-22T10:00:00+09:00', editableUntil: '2026-11-22T10:10:00+09:00' })
        )),
        http.delete(url('session'), ({ request }) => (record(request), new HttpResponse(null, { status: 204 }))),
        http.delete(url('me/company'), ({ request }) => (
          record(request), HttpResponse.json(errorBody('UNAUTHENTICATED', 'Sign in'), { status: 401 })
        )),
      );
      const client = newClient();
      equal(client.hasSession, false, 'no session at first');
      await client.call('login', { body: { loginId: 'hong123', password } });
      equal(client.hasSession, true, 'session after login');
      await client.call('getMyCompany', {});
      await client.call('reverify', { body: { verificationToken: 'vt-0123456789abcdef' } });
      await client.call('logout', {});
      equal(client.hasSession, false, 'no session after logout');
      await rejection(client.call('leaveCompany', {}));
      const csrf = seen.map((entry) => `${entry.method} ${entry.url.pathname} ${entry.headers.get('x-csrf-token')}`);
      deepEqual(csrf, [
        'POST /api/v1/session null',
        'GET /api/v1/me/company null',
        'POST /api/v1/me/reverification csrf-1',
        'DELETE /api/v1/session csrf-1',
        'DELETE /api/v1/me/company null',
      ], 'X-CSRF-Token per request');
    });

    it('is taken from getSession too', async () => {
      worker.use(
        http.get(url('session'), ({ request }) => (record(request), HttpResponse.json({ member, csrfToken: 'csrf-2' }))),
        http.delete(url('session'), ({ request }) => (record(request), new HttpResponse(null, { status: 204 }))),
      );
      const client = newClient();
      await client.call('getSession', {});
      await client.call('logout', {});
      equal(seen[0]!.headers.get('x-csrf-token'), null, 'GET carries none');
      equal(seen[1]!.headers.get('x-csrf-token'), 'csrf-2', 'DELETE carries the token');
    });
  });

  describe('input validation', () => {
    it('createMember without required fields → VALIDATION_FAILED with field paths, no request', async () => {
      const body = { memberType: 'individual', consents: [], details: { loginId: 'hong123', password: 'x' } };
      const error = await rejection(newClient().call('createMember', { body: body as unknown as SignupRequest }));
      equal(error.code, 'VALIDATION_FAILED', 'code');
      equal(error.status, 0, 'no status: nothing was sent');
      equal(error.retryable, false, 'not retryable');
      equal(error.fieldError('verificationToken')?.code, 'REQUIRED', 'verificationToken required');
      equal(error.fieldError('details.email')?.code, 'REQUIRED', 'details.email required');
      equal(seen.length + unhandled.length, 0, 'no request reached the server');
    });

    it('a wrong value (not a missing one) is INVALID; bad params and queries are caught too', async () => {
      const client = newClient();
      const tooLong = await rejection(client.call('login', { body: { loginId: 'x'.repeat(41), password } }));
      equal(tooLong.code, 'VALIDATION_FAILED', 'code');
      deepEqual(tooLong.fields, [{ field: 'loginId', code: 'INVALID' }], 'loginId invalid');
      const param = await rejection(client.call('confirmMobileCode', { params: { verificationId: '' }, body: { code: '1' } }));
      equal(param.fieldError('verificationId')?.code, 'INVALID', 'empty path parameter');
      const query = await rejection(client.call('listTerms', { query: { purpose: 'nope' as 'signup' } }));
      equal(query.fieldError('purpose')?.code, 'INVALID', 'query enum');
      equal(seen.length + unhandled.length, 0, 'no request reached the server');
    });
  });

  describe('abort', () => {
    it('aborting during the request → ABORTED, one request', async () => {
      worker.use(http.get(url('site'), async ({ request }) => {
        record(request);
        await answerLater(); // only the abort can end the call
        return HttpResponse.json(siteConfig);
      }));
      const controller = new AbortController();
      const pending = newClient({ timeoutMs: 5000, retryLimit: 2 }).call('getSiteConfig', {}, { signal: controller.signal });
      void waitFor(() => seen.length === 1, 'the request reached the server').then(() => controller.abort());
      const error = await rejection(pending);
      equal(error.code, 'ABORTED', 'code');
      equal(error.retryable, false, 'not retryable');
      equal(seen.length, 1, 'not retried');
    });

    it('aborting while the body is read → ABORTED, not INVALID_RESPONSE', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), stalledBody())));
      const { fetch, answered } = countingFetch();
      const controller = new AbortController();
      // No timeout could end the call first: only the abort can (else the test fails on its own timeout).
      const pending = newClient({ timeoutMs: 600_000, totalTimeoutMs: 600_000, fetch }).call('getSiteConfig', {}, { signal: controller.signal });
      void waitFor(() => (streamsBodies ? answered.length === 1 : seen.length === 1), 'the answer is under way (its body never ends)').then(() => controller.abort());
      const error = await rejection(pending);
      equal(error.code, 'ABORTED', 'code');
      equal(seen.length, 1, 'one request');
    });

    it('an already aborted signal → ABORTED without a request', async () => {
      worker.use(http.get(url('site'), ({ request }) => (record(request), HttpResponse.json(siteConfig))));
      const error = await rejection(newClient().call('getSiteConfig', {}, { signal: AbortSignal.abort() }));
      equal(error.code, 'ABORTED', 'code');
      equal(seen.length, 0, 'no request');
    });

    it('aborting with a custom reason is still ABORTED', async () => {
      worker.use(http.get(url('site'), async ({ request }) => {
        record(request);
        await answerLater();
        return HttpResponse.json(siteConfig);
      }));
      const controller = new AbortController();
      const pending = newClient({ timeoutMs: 5000 }).call('getSiteConfig', {}, { signal: controller.signal });
      // Abort once the server has the request (a fixed delay can come before it in a slower engine).
      void waitFor(() => seen.length === 1, 'the request reached the server').then(() => controller.abort(new Error('user left the page')));
      const error = await rejection(pending);
      equal(error.code, 'ABORTED', 'code');
      equal(seen.length, 1, 'one request');
    });

    it('aborting while waiting to retry → ABORTED at once', async () => {
      worker.use(http.get(url('site'), ({ request }) => {
        record(request);
        return HttpResponse.json(errorBody('SERVICE_UNAVAILABLE', 'Busy'), { status: 503, headers: { 'retry-after': '2' } });
      }));
      // The 2-second wait is on a manual clock that never moves: only the abort can end it.
      const retryWait = captureTimeouts((ms) => ms === 2000);
      try {
        const controller = new AbortController();
        const pending = newClient({ retryLimit: 2 }).call('getSiteConfig', {}, { signal: controller.signal });
        await waitFor(() => retryWait.pending === 1, 'the client waits out Retry-After: 2');
        controller.abort();
        const error = await rejection(pending);
        equal(error.code, 'ABORTED', 'code');
        equal(retryWait.pending, 0, 'the wait was called off');
        equal(seen.length, 1, 'no second request');
      } finally {
        retryWait.restore();
      }
    });
  });

  describe('captchaUrl and uploadCertificate', () => {
    it('captchaUrl builds an absolute URL under apiBase with the site and a refresh counter', () => {
      const client = newClient({ siteId: 'kotra' });
      const first = new URL(client.captchaUrl('v 1/x'));
      equal(first.origin, location.origin, 'absolute, same origin as apiBase');
      equal(first.pathname, '/api/v1/verifications/v%201%2Fx/captcha', 'under apiBase, id encoded');
      equal(first.searchParams.get('site'), 'kotra', 'site query param');
      equal(first.searchParams.get('n'), '0', 'refresh counter defaults to 0');
      const again = new URL(client.captchaUrl('v 1/x', 3));
      equal(again.searchParams.get('n'), '3', 'refresh counter');
      assert(again.href !== first.href, 'a refresh changes the URL');
      const relative = new MembershipClient({ apiBase: '/api/v1', siteId: 's' });
      assert(relative.captchaUrl('v').startsWith(`${location.origin}/api/v1/verifications/v/captcha?`), 'a relative apiBase becomes absolute');
    });

    it('getCaptchaImage resolves with the image as a Blob', async () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>AB12</text></svg>';
      worker.use(http.get(url('verifications/:id/captcha'), ({ request }) => {
        record(request);
        return new HttpResponse(svg, { headers: { 'content-type': 'image/svg+xml' } });
      }));
      // Not about timeouts: the default 300 ms per attempt can pass under load (WebKit did) and retry.
      const image: Blob = await newClient({ timeoutMs: 5000 }).call('getCaptchaImage', { params: { verificationId: 'v-1' } });
      assert(image instanceof Blob, 'a Blob');
      equal(image.type, 'image/svg+xml', 'content type');
      equal(await image.text(), svg, 'content');
      equal(seen.length, 1, 'one request');
    });

    it('refuses a dot segment as a path parameter before sending (it would move the request elsewhere)', async () => {
      for (const loginId of ['.', '..']) {
        const error = await rejection(newClient().call('checkLoginIdAvailability', { params: { loginId } }));
        equal(error.code, 'VALIDATION_FAILED', 'code');
        equal(error.fields[0]?.field, 'loginId', 'field');
      }
      equal(seen.length, 0, 'no request');
    });

    it('uploadCertificate sends multipart with a file part and parses the Certificate', async () => {
      let part: FormDataEntryValue | null = null;
      let contentType: string | null = null;
      worker.use(http.post(url('certificates'), async ({ request }) => {
        record(request);
        contentType = request.headers.get('content-type');
        part = (await request.formData()).get('file');
        return HttpResponse.json({ certificateId: 'cert-1', fileName: 'brn.pdf', contentType: 'application/pdf', bytes: 8 }, { status: 201 });
      }));
      const file = new File(['%PDF-1.7'], 'brn.pdf', { type: 'application/pdf' });
      const result = await newClient().uploadCertificate(file);
      deepEqual(result, { certificateId: 'cert-1', fileName: 'brn.pdf', contentType: 'application/pdf', bytes: 8 }, 'parsed certificate');
      equal(seen.length, 1, 'one request');
      assert(String(contentType).startsWith('multipart/form-data; boundary='), `multipart content type (${contentType})`);
      assert(part !== null && typeof part !== 'string', 'a file part named "file"');
      const filePart = part as File;
      equal(filePart.name, 'brn.pdf', 'file name');
      equal(await filePart.text(), '%PDF-1.7', 'file content');
      assert(uuidPattern.test(seen[0]!.headers.get('idempotency-key') ?? ''), 'creating POST carries an Idempotency-Key');
      equal(seen[0]!.headers.get('x-site-id'), 'kotra', 'X-Site-Id');
    });

    it('uploadCertificate retried after a 503 sends the file again with the same key', async () => {
      const sizes: number[] = [];
      worker.use(http.post(url('certificates'), async ({ request }) => {
        record(request);
        const file = (await request.formData()).get('file') as File;
        sizes.push(file.size);
        if (seen.length === 1) return HttpResponse.json(errorBody('SERVICE_UNAVAILABLE', 'Busy'), { status: 503, headers: { 'retry-after': '0' } });
        return HttpResponse.json({ certificateId: 'cert-2', fileName: 'brn.png', contentType: 'image/png', bytes: 4 }, { status: 201 });
      }));
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      const result = await newClient({ retryLimit: 1 }).uploadCertificate(new File([png], 'brn.png', { type: 'image/png' }));
      equal(result.certificateId, 'cert-2', 'parsed');
      deepEqual(sizes, [4, 4], 'the whole file both times');
      equal(seen[0]!.headers.get('idempotency-key'), seen[1]!.headers.get('idempotency-key'), 'same key');
    });
  });

  describe('secrets in errors', () => {
    /** Everything of an error and its cause chain a logger could print. */
    function serialized(error: unknown): string {
      const parts: string[] = [];
      let current: unknown = error;
      for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
        parts.push(String(current));
        if (typeof current === 'object') {
          const enumerable = Object.fromEntries(Object.entries(current));
          try {
            parts.push(JSON.stringify(enumerable));
          } catch {
            parts.push(Object.keys(enumerable).join(','));
          }
          if (current instanceof Error) parts.push(current.message, current.stack ?? '');
        }
        current = (current as { cause?: unknown }).cause;
      }
      return parts.join('\n');
    }

    it('no failing login puts the password in message or cause', async () => {
      const failures: Array<[string, Parameters<typeof http.post>[1]]> = [
        ['401', () => HttpResponse.json(errorBody('INVALID_CREDENTIALS', 'Wrong ID or password', { attemptsLeft: 4 }), { status: 401 })],
        ['network', () => HttpResponse.error()],
        ['timeout', async () => { await answerLater(); return HttpResponse.json({ member, csrfToken: 'c' }); }],
        ['invalid response', () => HttpResponse.json({ member: { ...member, memberType: 'alien' }, csrfToken: 1 })],
        ['not JSON', () => HttpResponse.text('ok')],
        ['500', () => new HttpResponse('Internal Server Error', { status: 500 })],
        ['422', () => HttpResponse.json(errorBody('VALIDATION_FAILED', 'Bad', { fields: [{ field: 'password', code: 'PASSWORD_TOO_SHORT' }] }), { status: 422 })],
      ];
      for (const [name, resolver] of failures) {
        worker.resetHandlers();
        worker.use(http.post(url('session'), async (info) => {
          record(info.request);
          return resolver(info);
        }));
        const error = await rejection(newClient({ timeoutMs: 200 }).call('login', { body: { loginId: 'hong123', password } }));
        const text = serialized(error);
        assert(!text.includes(password), `${name} (${error.code}): no password in ${text.slice(0, 300)}`);
      }
      // Rejected by the client before sending: the password is too long.
      const long = `${password}${'x'.repeat(120)}`;
      const invalid = await rejection(newClient().call('login', { body: { loginId: 'hong123', password: long } }));
      equal(invalid.code, 'VALIDATION_FAILED', 'too long a password is refused before sending');
      assert(!serialized(invalid).includes(password), 'no password in the validation error');
      equal(seen.length, failures.length, 'one request per failing login, none for the invalid one');
    });
  });
});
