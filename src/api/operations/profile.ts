// Operations of the contract for the member profile, with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { addressSchema, interestItemSchema, profileSchema } from '../shapes/people.ts';
import { id, isoDateTime, consentAnswerSchema } from './fields.ts';

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

export const profileOperations = {
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
} as const;
