import type { MembershipClient, VerificationPurpose, VerificationResult } from '../../src/api/index.ts';
import type { TestServer } from '../testing.ts';
import { getSandboxPerson, type SandboxPerson } from './people.ts';

// Test helpers: a finished verification of a sandbox person, the way a user would do it, for tests
// that need a verification token (signup, find ID, password reset, re-verification).
//
// Rate limits of testServer() apply (per simulated minute: 20 startVerification, 10 requestMobileCode,
// 20 confirmMobileCode): for more verifications in one test, `h.advance(60_000)` between batches or
// pass `config: { rateLimitScale: 100 }` to testServer().

export interface VerifyOptions {
  /** reset-password: the reset this verification proves. */
  resetId?: string;
  /** Mobile: change what is claimed on the form (e.g. to provoke IDENTITY_MISMATCH). */
  claim?: Partial<Pick<SandboxPerson, 'name' | 'birthDate' | 'gender' | 'nationality' | 'mobile' | 'carrier'>>;
}

export interface VerifyByIpinOptions {
  resetId?: string;
  /** Popup (default) or redirect. */
  mode?: 'popup' | 'redirect';
  /** Redirect mode: on `config.origin` or an allowed origin (default: `${config.origin}/return`). */
  returnUrl?: string;
  /** Sign in as this i-PIN account instead (default: the person's own). */
  ipinId?: string;
  password?: string;
}

/** The security text the server expects right now for a verification (read from the store). */
export async function currentCaptcha(h: TestServer, verificationId: string): Promise<string> {
  const record = await h.deps.store.getVerification(verificationId);
  if (!record?.captchaAnswer) throw new Error(`No captcha on verification ${verificationId}`);
  return record.captchaAnswer;
}

/** The code of the newest sandbox SMS to `mobile` (digits), or null. */
export async function latestSandboxCode(h: TestServer, mobile: string): Promise<string | null> {
  const messages = await h.deps.store.listSandboxMessages(200);
  const message = messages.find((m) => m.mobile === mobile.replace(/\D/g, ''));
  return message?.text.match(/\[(\d{6})\]/)?.[1] ?? null;
}

/** The mobile-form body for a sandbox person (with the captcha the server expects). */
export async function mobileCodeBody(h: TestServer, verificationId: string, personId: string, claim: VerifyOptions['claim'] = {}) {
  const person = getSandboxPerson(personId);
  return {
    carrier: claim.carrier ?? person.carrier,
    name: claim.name ?? person.name,
    birthDate: claim.birthDate ?? person.birthDate,
    gender: claim.gender ?? person.gender,
    nationality: claim.nationality ?? person.nationality,
    mobile: claim.mobile ?? person.mobile,
    captchaAnswer: await currentCaptcha(h, verificationId),
    providerTermsAgreed: true as const,
  };
}

/**
 * Verifies sandbox person `personId` by mobile OTP through `client`: startVerification, the captcha
 * from the store, requestMobileCode, the code from the sandbox outbox, confirmMobileCode.
 * For `reverify` the client must be signed in; for `reset-password` pass `resetId`.
 */
export async function verifyByMobile(h: TestServer, client: MembershipClient, personId: string, purpose: VerificationPurpose, opts: VerifyOptions = {}): Promise<VerificationResult> {
  const start = await client.call('startVerification', { body: { method: 'mobile', purpose, ...(opts.resetId ? { resetId: opts.resetId } : {}) } });
  const body = await mobileCodeBody(h, start.verificationId, personId, opts.claim);
  await client.call('requestMobileCode', { params: { verificationId: start.verificationId }, body });
  const code = await latestSandboxCode(h, body.mobile);
  if (!code) throw new Error(`No sandbox SMS to ${body.mobile}`);
  return client.call('confirmMobileCode', { params: { verificationId: start.verificationId }, body: { code } });
}

/** Values of the hidden inputs and the form of an HTML page (decoding the entities hono/html writes). */
export function hiddenInputs(page: string): Record<string, string> {
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[match[1]!] = decode(match[2]!);
  return fields;
}

/**
 * Verifies sandbox person `personId` through the sandbox i-PIN page: startVerification (provider),
 * GET the page, POST the form with the person's i-PIN login and the captcha from the store, take the
 * result id from the popup page (or the redirect Location), exchangeProviderResult.
 */
export async function verifyByIpin(h: TestServer, client: MembershipClient, personId: string, purpose: VerificationPurpose, opts: VerifyByIpinOptions = {}): Promise<VerificationResult> {
  const person = getSandboxPerson(personId);
  const mode = opts.mode ?? 'popup';
  const returnUrl = opts.returnUrl ?? (mode === 'redirect' ? new URL('/return', h.deps.config.origin).href : undefined);
  const start = await client.call('startVerification', {
    body: { method: 'ipin', purpose, mode, ...(returnUrl ? { returnUrl } : {}), ...(opts.resetId ? { resetId: opts.resetId } : {}) },
  });
  if (start.kind !== 'provider') throw new Error('ipin did not start as a provider verification');
  const providerUrl = new URL(start.providerUrl);
  const formPage = await h.request(providerUrl.pathname + providerUrl.search);
  const html = await formPage.text();
  if (formPage.status !== 200) throw new Error(`Sandbox i-PIN page answered ${formPage.status}: ${html}`);

  const form = new URLSearchParams({
    ...hiddenInputs(html),
    ipinId: opts.ipinId ?? person.ipinId,
    password: opts.password ?? person.ipinPassword,
    captcha: await currentCaptcha(h, start.verificationId),
    action: 'login',
  });
  const answer = await h.request('/sandbox/ipin', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  let resultId: string | undefined;
  if (mode === 'redirect') {
    const location = answer.headers.get('location');
    resultId = location ? (new URL(location).searchParams.get('mv_result') ?? undefined) : undefined;
  } else {
    resultId = (await answer.text()).match(/data-result-id="([^"]+)"/)?.[1];
  }
  if (!resultId) throw new Error(`The sandbox i-PIN page gave no result (HTTP ${answer.status})`);
  return client.call('exchangeProviderResult', { params: { verificationId: start.verificationId }, body: { resultId } });
}
