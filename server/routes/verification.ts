import type { Hono } from 'hono';
import { operations, type MobileCodeStatus } from '../../src/api/index.ts';
import { verificationMethods, type ServerConfig } from '../config.ts';
import { fail, iso, type ServerDeps } from '../context.ts';
import { hmacSha256, randomDigits, randomId, randomToken, safeEqual } from '../crypto.ts';
import type { IdentityProvider } from '../identity.ts';
import { mount } from '../http.ts';
import { captchaWav } from '../sandbox/captcha-audio.ts';
import { captchaMatches, captchaSvg, newCaptchaText } from '../sandbox/captcha.ts';
import { LeaseTimeout, withLease } from '../store/lease.ts';
import type { VerificationRecord, VerifiedPerson } from '../store/types.ts';
import { issueVerificationToken } from '../verification-tokens.ts';

// Identity verification (docs/domain.md, Identity verification): mobile OTP against the sandbox carrier, and provider
// methods (the sandbox i-PIN page) whose opaque result id is exchanged here for the token.
//
// Codes for the odd cases (the contract leaves them open):
// - an id of another site, or of the other kind (a provider id on a mobile operation) → VERIFICATION_NOT_FOUND;
// - resend / confirm before any code was requested → VERIFICATION_NOT_FOUND ("no code for this verification");
// - anything on a verification that already produced its token → VERIFICATION_INVALID, except a repeat of
//   the confirm (same right code, code still valid) or of the exchange (same result id) while no token of it
//   was used: the same result with a new token, the earlier one voided (the first answer may have been lost);
// - the 5th wrong code answers ATTEMPTS_EXCEEDED (1st–4th: CODE_MISMATCH with attemptsLeft), and so does
//   every later confirm until a resend brings a new code with fresh attempts;
// - extendMobileCode gives the code a full period again while it is still valid (after expiry: resend);
//   past the verification's longest life (30 minutes from its start) it answers ATTEMPTS_EXCEEDED;
// - the security text is single-use: every requestMobileCode answer (success or error) replaces it, so
//   the widget loads a new captcha image after each try.

/** Whole verification, from start to token. */
export const verificationTtlMs = 10 * 60 * 1000;
/** One SMS code. */
export const codeTtlMs = 180 * 1000;
/** "More time" (extendMobileCode) never keeps a verification going past this, counted from its start. */
export const verificationMaxLifetimeMs = 30 * 60 * 1000;
export const resendCooldownMs = 30 * 1000;
/** Wrong codes allowed per code sent. */
export const maxCodeAttempts = 5;
/** SMS per verification, first one included. */
export const maxSends = 5;
/** Failed i-PIN logins per verification on the sandbox provider page. */
export const maxProviderLoginAttempts = 5;

export function verificationRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.startVerification, async ({ body, site, siteId, session, c }) => {
    const method = verificationMethods(deps.identity, site.config.verificationMethodIds).find((m) => m.id === body.method);
    if (!method) fail('METHOD_NOT_AVAILABLE', { message: `Verification method "${body.method}" is not offered on this site.` });

    let sessionHash: string | null = null;
    if (body.purpose === 'reverify') {
      if (!session) fail('UNAUTHENTICATED', { message: 'Re-verification needs a signed-in session.' });
      sessionHash = session.record.sessionHash;
    }
    let resetId: string | null = null;
    if (body.purpose === 'reset-password') {
      const reset = body.resetId ? await deps.store.getPasswordReset(body.resetId) : null;
      if (!reset || reset.siteId !== siteId || reset.usedAt !== null || reset.expiresAt <= deps.now()) {
        fail('RESET_EXPIRED', { message: 'A password-reset verification needs the resetId of an unexpired reset: start the reset again.' });
      }
      resetId = reset.resetId;
    }

    const now = deps.now();
    const base = {
      verificationId: randomId('vrf'),
      siteId,
      method: method.id,
      purpose: body.purpose,
      createdAt: now,
      expiresAt: now + verificationTtlMs,
      sessionHash,
      resetId,
      claimed: null,
      codeHash: null,
      codeExpiresAt: null,
      codeAttempts: 0,
      resends: 0,
      lastSentAt: null,
      person: null,
      providerResultId: null,
      done: false,
    } satisfies Omit<VerificationRecord, 'mode' | 'captchaAnswer'>;

    if (method.kind === 'otp') {
      await deps.store.putVerification({ ...base, mode: 'otp', captchaAnswer: newCaptchaText() });
      return { kind: 'otp' as const, verificationId: base.verificationId, method: 'mobile' as const, purpose: body.purpose, expiresAt: iso(base.expiresAt) };
    }

    const mode = body.mode ?? 'popup';
    if (!method.modes.includes(mode)) fail('METHOD_NOT_AVAILABLE', { message: `"${method.id}" does not offer ${mode} mode.` });
    if (mode === 'redirect' && !body.returnUrl) {
      fail('VALIDATION_FAILED', { message: 'Redirect mode needs returnUrl.', fields: [{ field: 'returnUrl', code: 'REQUIRED' }] });
    }
    if (body.returnUrl && !isAllowedReturnUrl(deps.config, body.returnUrl)) {
      fail('VALIDATION_FAILED', { message: 'returnUrl must be on an allowed site origin.', fields: [{ field: 'returnUrl', code: 'INVALID' }] });
    }
    const page = deps.identity!.pageMethods().find((m) => m.id === method.id)!;
    const providerUrl = new URL(page.pageUrl);
    providerUrl.searchParams.set('verification', base.verificationId);
    providerUrl.searchParams.set('mode', mode);
    if (mode === 'redirect') {
      providerUrl.searchParams.set('return', body.returnUrl!);
    } else {
      // The origin the popup posts its result to: the page that opened it.
      const requestOrigin = c.req.header('origin');
      const opener = body.returnUrl
        ? new URL(body.returnUrl).origin
        : requestOrigin && isAllowedOrigin(deps.config, requestOrigin)
          ? requestOrigin
          : new URL(deps.config.origin).origin;
      providerUrl.searchParams.set('opener', opener);
    }
    await deps.store.putVerification({ ...base, mode, captchaAnswer: null });
    return {
      kind: 'provider' as const,
      verificationId: base.verificationId,
      method: method.id,
      purpose: body.purpose,
      providerUrl: providerUrl.href,
      origin: method.origin,
      expiresAt: iso(base.expiresAt),
    };
  });

  mount(app, deps, operations.getCaptchaImage, async ({ params, siteId }) =>
    withVerificationLock(deps, params.verificationId, async () => {
      const record = await loadVerification(deps, params.verificationId, siteId, 'otp');
      const text = freshCaptcha(record.captchaAnswer);
      await deps.store.putVerification({ ...record, captchaAnswer: text });
      return new Response(captchaSvg(text), {
        headers: {
          'content-type': 'image/svg+xml',
          'cache-control': 'no-store',
          'content-security-policy': "default-src 'none'",
          'x-content-type-options': 'nosniff',
        },
      });
    }),
  );

  // Reads the current text aloud without replacing it, so the image on screen and the audio agree.
  mount(app, deps, operations.getCaptchaAudio, async ({ params, query, siteId }) => {
    const record = await loadVerification(deps, params.verificationId, siteId, 'otp');
    if (record.done || !record.captchaAnswer) fail('VERIFICATION_INVALID', { message: 'This verification is finished: start a new one.' });
    const audio = await captchaWav(record.captchaAnswer, query.lang ?? 'ko');
    return new Response(audio, {
      headers: { 'content-type': 'audio/wav', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  });

  mount(app, deps, operations.requestMobileCode, async ({ params, body, siteId }) =>
    withVerificationLock(deps, params.verificationId, async () => {
      const record = await loadVerification(deps, params.verificationId, siteId, 'otp');
      if (record.done) fail('VERIFICATION_INVALID', { message: 'This verification is finished: start a new one.' });
      if (record.codeHash !== null && record.resends + 1 >= maxSends) {
        fail('ATTEMPTS_EXCEEDED', { message: 'No more codes can be sent for this verification: start a new one.' });
      }

      // The security text is single-use: whatever happens next, the next try needs a new one.
      const captchaOk = captchaMatches(record.captchaAnswer, body.captchaAnswer);
      const next: VerificationRecord = { ...record, captchaAnswer: freshCaptcha(record.captchaAnswer) };
      if (!captchaOk) {
        await deps.store.putVerification(next);
        fail('CAPTCHA_MISMATCH', { message: 'The security text does not match: a new image was made.' });
      }
      const { carrier, name, birthDate, gender, nationality } = body;
      const claim = { carrier, name, birthDate, gender, nationality, mobile: body.mobile.replace(/\D/g, '') };
      const check = await identity(deps).checkMobileClaim(claim);
      if (!check.ok) {
        await deps.store.putVerification(next);
        fail(check.code, { message: check.message });
      }
      const { person } = check;
      const sent = await sendCode(deps, {
        ...next,
        claimed: { name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality, mobile: person.mobile ?? claim.mobile, carrier: person.carrier ?? claim.carrier },
        // Kept server side until the code is confirmed; only then does it back a token.
        person,
        resends: record.codeHash === null ? 0 : record.resends + 1,
      });
      return codeStatus(sent);
    }),
  );

  mount(app, deps, operations.resendMobileCode, async ({ params, siteId }) =>
    withVerificationLock(deps, params.verificationId, async () => {
      const record = await loadVerification(deps, params.verificationId, siteId, 'otp');
      if (record.done) fail('VERIFICATION_INVALID', { message: 'This verification is finished: start a new one.' });
      if (record.codeHash === null || record.claimed === null || record.lastSentAt === null) {
        fail('VERIFICATION_NOT_FOUND', { message: 'No code was requested for this verification yet.' });
      }
      if (record.resends + 1 >= maxSends) fail('ATTEMPTS_EXCEEDED', { message: 'No more codes can be sent for this verification: start a new one.' });
      const wait = record.lastSentAt + resendCooldownMs - deps.now();
      if (wait > 0) fail('RESEND_TOO_SOON', { retryAfterSeconds: Math.ceil(wait / 1000), message: 'Wait before asking for another code.' });
      return codeStatus(await sendCode(deps, { ...record, resends: record.resends + 1 }));
    }),
  );

  // WCAG 2.2.1: the person may ask for more time; the code is the same, so nothing new is sent.
  mount(app, deps, operations.extendMobileCode, async ({ params, siteId }) =>
    withVerificationLock(deps, params.verificationId, async () => {
      const record = await loadVerification(deps, params.verificationId, siteId, 'otp');
      if (record.done) fail('VERIFICATION_INVALID', { message: 'This verification is finished: start a new one.' });
      if (record.codeHash === null || record.claimed === null || record.codeExpiresAt === null || record.lastSentAt === null) {
        fail('VERIFICATION_NOT_FOUND', { message: 'No code was requested for this verification yet.' });
      }
      const now = deps.now();
      if (record.codeExpiresAt <= now) fail('CODE_EXPIRED', { message: 'The code expired: ask for a new one.' });
      const codeExpiresAt = Math.min(now + codeTtlMs, record.createdAt + verificationMaxLifetimeMs);
      if (codeExpiresAt <= record.codeExpiresAt) {
        fail('ATTEMPTS_EXCEEDED', { message: 'This verification cannot be given more time: enter the code, or start again.' });
      }
      const extended: VerificationRecord = { ...record, codeExpiresAt, expiresAt: Math.max(record.expiresAt, codeExpiresAt) };
      await deps.store.putVerification(extended);
      return codeStatus(extended);
    }),
  );

  mount(app, deps, operations.confirmMobileCode, async ({ params, body, siteId }) =>
    withVerificationLock(deps, params.verificationId, async () => {
      const record = await loadVerification(deps, params.verificationId, siteId, 'otp');
      const given = body.code.replace(/\s+/g, '');
      if (record.done) return confirmAgain(deps, record, given);
      if (record.codeHash === null || record.claimed === null || record.codeExpiresAt === null) {
        fail('VERIFICATION_NOT_FOUND', { message: 'No code was requested for this verification yet.' });
      }
      if (record.codeAttempts >= maxCodeAttempts) {
        fail('ATTEMPTS_EXCEEDED', { attemptsLeft: 0, message: 'Too many wrong codes: ask for a new code.' });
      }
      if (record.codeExpiresAt <= deps.now()) fail('CODE_EXPIRED', { message: 'The code expired: ask for a new one.' });

      if (!safeEqual(await codeHash(deps, record.verificationId, given), record.codeHash)) {
        const attempts = record.codeAttempts + 1;
        await deps.store.putVerification({ ...record, codeAttempts: attempts });
        const attemptsLeft = Math.max(0, maxCodeAttempts - attempts);
        if (attemptsLeft === 0) fail('ATTEMPTS_EXCEEDED', { attemptsLeft, message: 'Too many wrong codes: ask for a new code.' });
        fail('CODE_MISMATCH', { attemptsLeft, message: 'The code is wrong.' });
      }

      const verified = record.person;
      if (!verified) fail('VERIFICATION_INVALID', { message: 'The provider gave no person for this verification.' });
      // The code's hash stays: the same right code again (the answer was lost) gets the same result (confirmAgain).
      const finished: VerificationRecord = { ...record, done: true, person: verified, captchaAnswer: null };
      await deps.store.putVerification(finished);
      return issueVerificationToken(deps, finished, verified);
    }),
  );

  mount(app, deps, operations.exchangeProviderResult, async ({ params, body, siteId }) =>
    withVerificationLock(deps, params.verificationId, async () => {
      const record = await loadVerification(deps, params.verificationId, siteId, 'provider');
      if (record.providerResultId === null || record.person === null || !safeEqual(record.providerResultId, body.resultId)) {
        fail('VERIFICATION_INVALID', { message: 'The result id does not belong to this verification.' });
      }
      // Exchanged once only: a browser whose answer was lost repeats its request with the same
      // Idempotency-Key and gets the first answer again (http.ts); anyone else, even with the result id, gets nothing.
      if (record.done) fail('VERIFICATION_INVALID', { message: 'This provider result was already exchanged.' });
      const finished: VerificationRecord = { ...record, done: true };
      await deps.store.putVerification(finished);
      return issueVerificationToken(deps, finished, record.person);
    }),
  );
}

/**
 * A confirm of a verification that already gave its token: the person's first answer was lost (a
 * timeout, a cancel, a closed connection) and they press 확인 again. The same right code, while it is
 * valid and no token of this verification was used, answers the same result with a new token (the
 * first is voided, so one token at most is ever usable). Anything else stays VERIFICATION_INVALID, and
 * wrong codes count against the same attempts as before (no guessing a finished verification's code).
 */
async function confirmAgain(deps: ServerDeps, record: VerificationRecord, given: string) {
  const finished = (): never => fail('VERIFICATION_INVALID', { message: 'This verification already gave its token.' });
  if (record.person === null || record.codeHash === null || record.codeExpiresAt === null || record.codeExpiresAt <= deps.now()) finished();
  if (record.codeAttempts >= maxCodeAttempts) finished();
  if (!safeEqual(await codeHash(deps, record.verificationId, given), record.codeHash!)) {
    await deps.store.putVerification({ ...record, codeAttempts: record.codeAttempts + 1 });
    finished();
  }
  if (!(await deps.store.voidUnusedVerificationTokens(record.verificationId))) finished();
  return issueVerificationToken(deps, record, record.person!);
}

// ---------------------------------------------------------------- helpers (shared with the sandbox pages)

/**
 * The verification `verificationId` of site `siteId` and the given kind, else VERIFICATION_NOT_FOUND;
 * VERIFICATION_EXPIRED once its 10 minutes are over.
 */
export async function loadVerification(deps: ServerDeps, verificationId: string, siteId: string | null, kind: 'otp' | 'provider'): Promise<VerificationRecord> {
  const record = await deps.store.getVerification(verificationId);
  const isOtp = record?.mode === 'otp';
  if (!record || (siteId !== null && record.siteId !== siteId) || isOtp !== (kind === 'otp')) {
    fail('VERIFICATION_NOT_FOUND', { message: 'No such verification on this site.' });
  }
  if (record.expiresAt <= deps.now()) fail('VERIFICATION_EXPIRED', { message: 'This verification expired: start a new one.' });
  return record;
}

/** The origins results may be delivered to: this server and the allowed sibling sites. */
export function isAllowedOrigin(config: ServerConfig, origin: string): boolean {
  const own = new URL(config.origin).origin;
  return origin === own || config.allowedOrigins.includes(origin);
}

/** An absolute http(s) URL on an allowed origin. */
export function isAllowedReturnUrl(config: ServerConfig, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && isAllowedOrigin(config, parsed.origin);
}

/** A new security text, never equal to the previous one. */
export function freshCaptcha(previous: string | null): string {
  let text = newCaptchaText();
  while (text === previous) text = newCaptchaText();
  return text;
}

const locks = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Runs `task` alone for one verification: check-then-write sequences (one token per verification,
 * attempt counters) cannot interleave. Callers in this process queue here; across processes sharing
 * the database the store's lease holds it.
 */
export async function withVerificationLock<T>(deps: ServerDeps, verificationId: string, task: () => Promise<T>): Promise<T> {
  let held = locks.get(deps.store);
  if (!held) {
    held = new Map();
    locks.set(deps.store, held);
  }
  const previous = held.get(verificationId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  held.set(verificationId, tail);
  await previous;
  try {
    return await withLease(deps.store, `verification:${verificationId}`, task).catch((error: unknown) => {
      if (error instanceof LeaseTimeout) fail('SERVICE_UNAVAILABLE', { retryAfterSeconds: 1, message: 'This verification is busy; try again.' });
      throw error;
    });
  } finally {
    release();
    if (held.get(verificationId) === tail) held.delete(verificationId);
  }
}

/** Keyed: six digits are a million guesses, which an unkeyed hash would let a database thief try offline. */
export function codeHash(deps: ServerDeps, verificationId: string, code: string): Promise<string> {
  return hmacSha256(deps.config.secret!, `sms-code:${verificationId}:${code}`);
}

function identity(deps: ServerDeps): IdentityProvider {
  if (!deps.identity) fail('METHOD_NOT_AVAILABLE', { message: 'No identity provider is configured.' });
  return deps.identity;
}

/**
 * For a provider's page flow (its callback on this server): records the person the provider verified and
 * returns the one-time result id the browser then exchanges for the token (exchangeProviderResult).
 */
export async function completeProviderVerification(deps: ServerDeps, record: VerificationRecord, person: VerifiedPerson): Promise<string> {
  const resultId = randomToken(24);
  await deps.store.putVerification({ ...record, providerResultId: resultId, person, captchaAnswer: null });
  return resultId;
}

/** Makes a new code (the previous one stops working), stores only its hash, and "sends" it to the sandbox outbox. */
async function sendCode(deps: ServerDeps, record: VerificationRecord): Promise<VerificationRecord> {
  const claimed = record.claimed!;
  const code = randomDigits(6);
  const now = deps.now();
  const updated: VerificationRecord = {
    ...record,
    codeHash: await codeHash(deps, record.verificationId, code),
    codeExpiresAt: now + codeTtlMs,
    codeAttempts: 0,
    lastSentAt: now,
  };
  await deps.store.putVerification(updated);
  await identity(deps).sendCode(claimed.mobile, code);
  return updated;
}

function codeStatus(record: VerificationRecord): MobileCodeStatus {
  return {
    maskedMobile: maskMobile(record.claimed!.mobile),
    expiresAt: iso(record.codeExpiresAt!),
    resendAvailableAt: iso(record.lastSentAt! + resendCooldownMs),
    attemptsLeft: Math.max(0, maxCodeAttempts - record.codeAttempts),
    resendsLeft: Math.max(0, maxSends - 1 - record.resends),
  };
}

/** `01012345678` → `010-****-5678`; `0111234567` → `011-***-4567`. */
export function maskMobile(digits: string): string {
  const head = digits.slice(0, 3);
  const tail = digits.slice(-4);
  return `${head}-${'*'.repeat(Math.max(0, digits.length - 7))}-${tail}`;
}
