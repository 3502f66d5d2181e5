// Operations of the contract for finding an ID and resetting a password, with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { memberTypeSchema } from '../shapes/site.ts';
import { id, isoDateTime } from './fields.ts';

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

export const recoveryOperations = {
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
} as const;
