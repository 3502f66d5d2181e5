// Operations of the contract for identity verification (mobile OTP, providers), with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { carrierSchema, genderSchema, nationalitySchema, verificationPurposeSchema, verificationResultSchema } from '../shapes/people.ts';
import { id, isoDateTime } from './fields.ts';

export const startVerificationRequestSchema = z.object({
  /** `mobile` or a provider id from the site config (`ipin`, …). */
  method: id,
  purpose: verificationPurposeSchema,
  /** Provider methods: popup (default) or full-page redirect (mobile browsers, in-app browsers). */
  mode: z.optional(z.enum(['popup', 'redirect'])),
  /** Redirect mode: the page the provider returns to, on an allowed site origin. */
  returnUrl: z.optional(z.url()),
  /** reset-password: the reset this verification proves. */
  resetId: z.optional(id),
});

export const verificationStartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('otp'),
    verificationId: z.string(),
    method: z.literal('mobile'),
    purpose: verificationPurposeSchema,
    expiresAt: isoDateTime,
  }),
  z.object({
    kind: z.literal('provider'),
    verificationId: z.string(),
    method: z.string(),
    purpose: verificationPurposeSchema,
    /** Page to open in the popup or redirect to. */
    providerUrl: z.url(),
    /** The only origin whose `postMessage` the element accepts. */
    origin: z.url(),
    expiresAt: isoDateTime,
  }),
]);
export type VerificationStart = z.infer<typeof verificationStartSchema>;

export const mobileCodeRequestSchema = z.object({
  carrier: carrierSchema,
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  /** `YYYY-MM-DD`. */
  birthDate: z.iso.date(),
  gender: genderSchema,
  nationality: nationalitySchema,
  mobile: z.string().check(z.maxLength(20)),
  captchaAnswer: z.string().check(z.maxLength(20)),
  /** The provider's own terms (개인정보 이용, 고유식별정보 처리, 통신사 이용약관, 서비스 이용약관). */
  providerTermsAgreed: z.literal(true),
});
export type MobileCodeRequest = z.infer<typeof mobileCodeRequestSchema>;

export const mobileCodeStatusSchema = z.object({
  /** e.g. `010-****-5678`. */
  maskedMobile: z.string(),
  expiresAt: isoDateTime,
  resendAvailableAt: isoDateTime,
  attemptsLeft: z.number().check(z.int(), z.nonnegative()),
  resendsLeft: z.number().check(z.int(), z.nonnegative()),
});
export type MobileCodeStatus = z.infer<typeof mobileCodeStatusSchema>;

const verificationParams = z.object({ verificationId: id });

export const verificationOperations = {
  startVerification: defineOperation({
    id: 'startVerification', method: 'POST', path: '/verifications', tag: 'verification',
    summary: 'Start an identity verification by mobile OTP or an external provider (popup/redirect).',
    body: startVerificationRequestSchema,
    response: verificationStartSchema,
    created: true, idempotent: true, rateLimited: true,
    errors: ['METHOD_NOT_AVAILABLE', 'UNAUTHENTICATED', 'RESET_EXPIRED', 'RATE_LIMITED'],
  }),
  getCaptchaImage: defineOperation({
    id: 'getCaptchaImage', method: 'GET', path: '/verifications/{verificationId}/captcha', tag: 'verification',
    summary: 'A new security-text image (SVG) for a mobile verification; each call replaces the text.',
    params: verificationParams,
    image: true,
    rateLimited: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'RATE_LIMITED'],
  }),
  getCaptchaAudio: defineOperation({
    id: 'getCaptchaAudio', method: 'GET', path: '/verifications/{verificationId}/captcha/audio', tag: 'verification',
    summary: 'The current security text spoken digit by digit (WAV), the audio alternative of the image; it does not replace the text.',
    params: verificationParams,
    query: z.object({ lang: z.optional(z.enum(['ko', 'en'])) }),
    audio: true,
    rateLimited: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'RATE_LIMITED'],
  }),
  requestMobileCode: defineOperation({
    id: 'requestMobileCode', method: 'POST', path: '/verifications/{verificationId}/mobile-code', tag: 'verification',
    summary: 'Check the security text and the person details with the carrier, then send a 6-digit code by SMS.',
    params: verificationParams,
    body: mobileCodeRequestSchema,
    response: mobileCodeStatusSchema,
    rateLimited: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'CAPTCHA_MISMATCH', 'IDENTITY_MISMATCH', 'PROVIDER_REFUSED', 'ATTEMPTS_EXCEEDED', 'RATE_LIMITED'],
  }),
  resendMobileCode: defineOperation({
    id: 'resendMobileCode', method: 'POST', path: '/verifications/{verificationId}/mobile-code/resend', tag: 'verification',
    summary: 'Send a new code to the same number after the cooldown; the previous code stops working.',
    params: verificationParams,
    response: mobileCodeStatusSchema,
    rateLimited: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'RESEND_TOO_SOON', 'ATTEMPTS_EXCEEDED', 'RATE_LIMITED'],
  }),
  extendMobileCode: defineOperation({
    id: 'extendMobileCode', method: 'POST', path: '/verifications/{verificationId}/mobile-code/extend', tag: 'verification',
    summary: 'More time for the code already sent (WCAG 2.2.1): the same code stays valid for a full period again, within the verification\'s longest life. Before the code expires only.',
    params: verificationParams,
    response: mobileCodeStatusSchema,
    rateLimited: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'CODE_EXPIRED', 'ATTEMPTS_EXCEEDED', 'RATE_LIMITED'],
  }),
  confirmMobileCode: defineOperation({
    id: 'confirmMobileCode', method: 'POST', path: '/verifications/{verificationId}/mobile-code/confirm', tag: 'verification',
    summary: 'Check the 6-digit code; on success issue the single-use verification token.',
    params: verificationParams,
    body: z.object({ code: z.string().check(z.maxLength(10)) }),
    response: verificationResultSchema,
    rateLimited: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'CODE_MISMATCH', 'CODE_EXPIRED', 'ATTEMPTS_EXCEEDED', 'RATE_LIMITED'],
  }),
  exchangeProviderResult: defineOperation({
    id: 'exchangeProviderResult', method: 'POST', path: '/verifications/{verificationId}/provider-result', tag: 'verification',
    summary: 'Exchange the opaque result id the provider page returned for the verification token.',
    params: verificationParams,
    body: z.object({ resultId: z.string().check(z.maxLength(200)) }),
    response: verificationResultSchema,
    // Exchanged once: a retry after a lost answer repeats the request with its key and gets that answer again.
    idempotent: true,
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'PROVIDER_REFUSED'],
  }),
} as const;
