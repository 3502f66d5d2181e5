// Operations of the contract for signing up, with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { companyLinkRequestSchema } from '../shapes/companies.ts';
import { memberDetailsSchema, memberSummarySchema } from '../shapes/people.ts';
import { memberTypeSchema } from '../shapes/site.ts';
import { id, consentAnswerSchema } from './fields.ts';

export const loginIdAvailabilitySchema = z.object({
  loginId: z.string(),
  available: z.boolean(),
  /** Rule codes when the ID breaks the site's ID policy (then `available` is false). */
  errors: z.array(z.string()),
});

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

export const signupOperations = {
  checkLoginIdAvailability: defineOperation({
    id: 'checkLoginIdAvailability', method: 'GET', path: '/login-ids/{loginId}/availability', tag: 'signup',
    summary: 'Whether a login ID is free (case-insensitive) and allowed by the site policy (중복확인).',
    params: z.object({ loginId: z.string().check(z.maxLength(40)) }),
    response: loginIdAvailabilitySchema,
    rateLimited: true,
    errors: ['RATE_LIMITED'],
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
} as const;
