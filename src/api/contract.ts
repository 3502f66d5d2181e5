import * as z from 'zod/mini';
import { defineOperation } from './operation.ts';
import {
  carrierSchema,
  companyDetailsSchema,
  companyLinkRequestSchema,
  companyMemberSchema,
  companySchema,
  genderSchema,
  memberDetailsSchema,
  memberSummarySchema,
  memberTypeSchema,
  companyMembershipSchema,
  nationalitySchema,
  profileSchema,
  siteConfigSchema,
  termsDocumentSchema,
  termsNoticeSchema,
  verificationPurposeSchema,
  verificationResultSchema,
  addressSchema,
  interestItemSchema,
} from './schemas.ts';

const id = z.string().check(z.minLength(1), z.maxLength(100));
const isoDateTime = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------- request / response shapes

export const termsListSchema = z.object({
  documents: z.array(termsDocumentSchema),
  /** Statements shown under the documents, in order (no answer asked). */
  notices: z.optional(z.array(termsNoticeSchema)),
});

export const loginIdAvailabilitySchema = z.object({
  loginId: z.string(),
  available: z.boolean(),
  /** Rule codes when the ID breaks the site's ID policy (then `available` is false). */
  errors: z.array(z.string()),
});

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

export const consentAnswerSchema = z.object({
  documentId: id,
  version: z.string().check(z.maxLength(40)),
  agreed: z.boolean(),
});
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>;

export const signupRequestSchema = z.object({
  memberType: memberTypeSchema,
  verificationToken: z.string().check(z.maxLength(200)),
  /** Sites that ask for a fresh verification at submit: a second, newer token of the same person. */
  submitVerificationToken: z.optional(z.string().check(z.maxLength(200))),
  consents: z.array(consentAnswerSchema).check(z.maxLength(30)),
  details: memberDetailsSchema,
  /** Corporate members only. */
  company: z.optional(companyLinkRequestSchema),
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const signupResultSchema = z.object({
  member: memberSummarySchema,
  /** Corporate: whether the certificate still has to be sent (unknown company, none uploaded). */
  certificatePending: z.boolean(),
});
export type SignupResult = z.infer<typeof signupResultSchema>;

export const loginRequestSchema = z.object({
  loginId: z.string().check(z.maxLength(40)),
  password: z.string().check(z.maxLength(128)),
});

export const sessionSchema = z.object({
  member: z.nullable(memberSummarySchema),
  /** Send back as `X-CSRF-Token` on state-changing calls; null when signed out. Never put it in
   *  events, storage or URLs. */
  csrfToken: z.nullable(z.string()),
});
export type Session = z.infer<typeof sessionSchema>;

export const reverificationSchema = z.object({ verifiedAt: isoDateTime, editableUntil: isoDateTime });

export const profileChangesSchema = z.object({
  nameEn: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  email: z.optional(z.string().check(z.maxLength(254))),
  mobile: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
  phone: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
  fax: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
  department: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  position: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  address: z.optional(z.nullable(addressSchema)),
  interestItems: z.optional(z.array(interestItemSchema).check(z.maxLength(20))),
  interestRegions: z.optional(z.array(z.string().check(z.length(2))).check(z.maxLength(50))),
  newPassword: z.optional(z.string().check(z.maxLength(128))),
  /** Optional consents (e.g. marketing) may be changed at any time. */
  consents: z.optional(z.array(consentAnswerSchema).check(z.maxLength(30))),
});
export type ProfileChanges = z.infer<typeof profileChangesSchema>;

export const foundAccountsSchema = z.object({
  /** Empty when no account matches: the answer has the same shape either way. */
  accounts: z.array(
    z.object({ maskedLoginId: z.string(), memberType: memberTypeSchema, joinedAt: isoDateTime }),
  ),
});
export type FoundAccounts = z.infer<typeof foundAccountsSchema>;

export const passwordResetStartSchema = z.object({
  loginId: z.string().check(z.maxLength(40)),
  mobile: z.string().check(z.maxLength(20)),
});

export const passwordResetSchema = z.object({
  /** Issued whether or not the ID exists (no account enumeration). */
  resetId: z.string(),
  expiresAt: isoDateTime,
});

export const passwordResetCompleteSchema = z.object({
  verificationToken: z.string().check(z.maxLength(200)),
  newPassword: z.string().check(z.maxLength(128)),
});

export const companyLookupSchema = z.discriminatedUnion('status', [
  /** Already a member company: link to it (first linker was MASTER; you become associate). */
  z.object({
    status: z.literal('registered'),
    company: z.pick(companySchema, { companyId: true, businessNumber: true, nameKo: true, nameEn: true, ceoNameKo: true, address: true }),
  }),
  /** Known to the external business registry: the form comes prefilled; you become MASTER. */
  z.object({ status: z.literal('registry'), prefill: z.partial(companyDetailsSchema) }),
  /** Unknown: type the details and attach the registration certificate; you become MASTER. */
  z.object({ status: z.literal('unknown'), businessNumber: z.string() }),
]);
export type CompanyLookup = z.infer<typeof companyLookupSchema>;

export const certificateSchema = z.object({
  certificateId: z.string(),
  fileName: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  bytes: z.number().check(z.int(), z.positive()),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const myCompanySchema = z.object({ membership: z.nullable(companyMembershipSchema) });

export const companyChangesSchema = z.partial(z.omit(companyDetailsSchema, { businessNumber: true }));
export type CompanyChanges = z.infer<typeof companyChangesSchema>;

const companyParams = z.object({ companyId: id });
const companyMemberParams = z.object({ companyId: id, memberId: id });
const verificationParams = z.object({ verificationId: id });

// ---------------------------------------------------------------- operations

export const operations = {
  getSiteConfig: defineOperation({
    id: 'getSiteConfig', method: 'GET', path: '/site', tag: 'site',
    summary: 'Configuration of the calling site: member types, verification methods, policies, options.',
    response: siteConfigSchema,
  }),
  listTerms: defineOperation({
    id: 'listTerms', method: 'GET', path: '/terms', tag: 'site',
    summary: 'Current terms documents of the calling site for a purpose, required ones first.',
    query: z.object({ purpose: z.enum(['signup', 'company']) }),
    response: termsListSchema,
  }),
  checkLoginIdAvailability: defineOperation({
    id: 'checkLoginIdAvailability', method: 'GET', path: '/login-ids/{loginId}/availability', tag: 'signup',
    summary: 'Whether a login ID is free (case-insensitive) and allowed by the site policy (중복확인).',
    params: z.object({ loginId: z.string().check(z.maxLength(40)) }),
    response: loginIdAvailabilitySchema,
    rateLimited: true,
    errors: ['RATE_LIMITED'],
  }),
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
    errors: ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'PROVIDER_REFUSED'],
  }),
  checkSignupVerification: defineOperation({
    id: 'checkSignupVerification', method: 'POST', path: '/members/signup-check', tag: 'signup',
    summary: 'Right after a signup verification: whether this person already has an account, and the verified mobile number to prefill. Does not use the token up.',
    body: z.object({ verificationToken: z.string().check(z.maxLength(200)) }),
    response: z.object({
      /** One person, one account: when true the signup cannot go on (login or find account instead). */
      existingAccount: z.boolean(),
      /** The mobile number just verified (mobile method only), for the details form. */
      mobile: z.optional(z.string()),
    }),
    // Not rate-limited: it answers only for a live signup token, which is itself rate-limited to obtain.
    errors: ['VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH'],
  }),
  createMember: defineOperation({
    id: 'createMember', method: 'POST', path: '/members', tag: 'signup',
    summary: 'Sign up: verified person + consents + details (+ company for corporate members).',
    body: signupRequestSchema,
    response: signupResultSchema,
    created: true, idempotent: true,
    errors: ['LOGIN_ID_TAKEN', 'ALREADY_MEMBER', 'UNDER_AGE', 'TERMS_REQUIRED', 'TERMS_OUTDATED', 'MEMBER_TYPE_NOT_ALLOWED',
      'VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH', 'IDENTITY_MISMATCH',
      'COMPANY_NOT_FOUND', 'COMPANY_ALREADY_REGISTERED', 'CERTIFICATE_NOT_FOUND'],
  }),
  login: defineOperation({
    id: 'login', method: 'POST', path: '/session', tag: 'session',
    summary: 'Sign in with ID and password; sets an HttpOnly session cookie.',
    body: loginRequestSchema,
    response: sessionSchema,
    rateLimited: true,
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
  }),
  getSession: defineOperation({
    id: 'getSession', method: 'GET', path: '/session', tag: 'session',
    summary: 'The signed-in member (or null) and the CSRF token for this session.',
    response: sessionSchema,
  }),
  logout: defineOperation({
    id: 'logout', method: 'DELETE', path: '/session', tag: 'session',
    summary: 'Sign out; clears the session cookie.',
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID'],
  }),
  reverify: defineOperation({
    id: 'reverify', method: 'POST', path: '/me/reverification', tag: 'profile',
    summary: 'Prove identity again before editing the profile; the verified name must match the account.',
    body: z.object({ verificationToken: z.string().check(z.maxLength(200)) }),
    response: reverificationSchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH', 'NAME_MISMATCH', 'IDENTITY_MISMATCH'],
  }),
  getProfile: defineOperation({
    id: 'getProfile', method: 'GET', path: '/me', tag: 'profile',
    summary: 'The signed-in member profile.',
    response: profileSchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED'],
  }),
  updateProfile: defineOperation({
    id: 'updateProfile', method: 'PATCH', path: '/me', tag: 'profile',
    summary: 'Edit the profile within 10 minutes of a matching re-verification.',
    body: profileChangesSchema,
    response: profileSchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'REVERIFICATION_REQUIRED', 'TERMS_REQUIRED', 'TERMS_OUTDATED'],
  }),
  findLoginIds: defineOperation({
    id: 'findLoginIds', method: 'POST', path: '/account-recovery/login-ids', tag: 'recovery',
    summary: 'Find ID: the masked login IDs and join dates of the verified person.',
    body: z.object({ verificationToken: z.string().check(z.maxLength(200)) }),
    response: foundAccountsSchema,
    // Not rate-limited: it answers only for a live signup token, which is itself rate-limited to obtain.
    errors: ['VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH'],
  }),
  startPasswordReset: defineOperation({
    id: 'startPasswordReset', method: 'POST', path: '/account-recovery/password-resets', tag: 'recovery',
    summary: 'Begin a password reset for an ID and mobile number; the same answer whether or not they exist.',
    body: passwordResetStartSchema,
    response: passwordResetSchema,
    created: true, idempotent: true, rateLimited: true,
    errors: ['RATE_LIMITED'],
  }),
  completePasswordReset: defineOperation({
    id: 'completePasswordReset', method: 'POST', path: '/account-recovery/password-resets/{resetId}/complete', tag: 'recovery',
    summary: 'Set a new password with a verification of the account holder on the given mobile.',
    params: z.object({ resetId: id }),
    body: passwordResetCompleteSchema,
    rateLimited: true,
    errors: ['RESET_NOT_MATCHED', 'RESET_EXPIRED', 'VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH', 'RATE_LIMITED'],
  }),
  lookupCompany: defineOperation({
    id: 'lookupCompany', method: 'GET', path: '/companies/lookup', tag: 'company',
    summary: 'Look a business registration number up: registered member company, registry prefill, or unknown.',
    query: z.object({ businessNumber: z.string().check(z.maxLength(20)) }),
    response: companyLookupSchema,
    rateLimited: true,
    errors: ['RATE_LIMITED'],
  }),
  uploadCertificate: defineOperation({
    id: 'uploadCertificate', method: 'POST', path: '/certificates', tag: 'company',
    summary: 'Upload a business registration certificate (PDF, JPEG or PNG, checked by content); needs a session or the signup verification token in X-Verification-Token.',
    multipart: true,
    response: certificateSchema,
    created: true, idempotent: true, rateLimited: true,
    errors: ['CERTIFICATE_INVALID_TYPE', 'CERTIFICATE_TOO_LARGE', 'RATE_LIMITED', 'UNAUTHENTICATED', 'VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH'],
  }),
  getMyCompany: defineOperation({
    id: 'getMyCompany', method: 'GET', path: '/me/company', tag: 'company',
    summary: 'The company the signed-in member is linked to, with their role, or null.',
    response: myCompanySchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED'],
  }),
  linkCompany: defineOperation({
    id: 'linkCompany', method: 'POST', path: '/me/company', tag: 'company',
    summary: 'Link the signed-in member to a company: first linker of a BRN becomes MASTER, later ones associate.',
    body: companyLinkRequestSchema,
    response: companyMembershipSchema,
    auth: 'session', created: true, idempotent: true,
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'ALREADY_LINKED', 'COMPANY_NOT_FOUND', 'COMPANY_ALREADY_REGISTERED', 'CERTIFICATE_NOT_FOUND'],
  }),
  leaveCompany: defineOperation({
    id: 'leaveCompany', method: 'DELETE', path: '/me/company', tag: 'company',
    summary: 'End the signed-in member link to their company (a MASTER with other members must transfer first).',
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'NOT_LINKED', 'MASTER_MUST_TRANSFER'],
  }),
  updateCompany: defineOperation({
    id: 'updateCompany', method: 'PATCH', path: '/companies/{companyId}', tag: 'company',
    summary: 'Edit company details (MASTER and regular members).',
    params: companyParams,
    body: companyChangesSchema,
    response: companySchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE'],
  }),
  listCompanyMembers: defineOperation({
    id: 'listCompanyMembers', method: 'GET', path: '/companies/{companyId}/members', tag: 'company',
    summary: 'Members of a company with their roles, pending associates first (MASTER only).',
    params: companyParams,
    response: z.object({ members: z.array(companyMemberSchema) }),
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE'],
  }),
  approveCompanyMember: defineOperation({
    id: 'approveCompanyMember', method: 'POST', path: '/companies/{companyId}/members/{memberId}/approval', tag: 'company',
    summary: 'Approve a pending associate: they become a regular member (MASTER only).',
    params: companyMemberParams,
    response: companyMemberSchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
  rejectCompanyMember: defineOperation({
    id: 'rejectCompanyMember', method: 'POST', path: '/companies/{companyId}/members/{memberId}/rejection', tag: 'company',
    summary: 'Reject a pending associate: their link ends (MASTER only).',
    params: companyMemberParams,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
  removeCompanyMember: defineOperation({
    id: 'removeCompanyMember', method: 'DELETE', path: '/companies/{companyId}/members/{memberId}', tag: 'company',
    summary: 'End another member link to the company (MASTER only).',
    params: companyMemberParams,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
  transferMaster: defineOperation({
    id: 'transferMaster', method: 'POST', path: '/companies/{companyId}/master-transfer', tag: 'company',
    summary: 'Hand the MASTER role to a regular member; the caller becomes regular (MASTER only).',
    params: companyParams,
    body: z.object({ memberId: id }),
    response: z.object({ members: z.array(companyMemberSchema) }),
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
} as const;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

