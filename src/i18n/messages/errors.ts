/**
 * What the user reads for every API and client error code (`error.<CODE>`), the generic fallback
 * (`error.UNKNOWN`, a core word in common.ko.ts: said for any code whose words are not loaded) and the three ways out of a name mismatch (`guidance.<WAY>`, docs/domain.md "Profile edit with re-verification").
 * KRDS: short, plain, and saying what to do next.
 *
 * Placeholders the caller fills (`translate`/`messageForCode` params); every other key takes none:
 * - `error.UNDER_AGE`        {minAge}   policy.minAge (the API does not send it)
 * - `error.CODE_MISMATCH`    {attempts} error.attemptsLeft
 * - `error.RESEND_TOO_SOON`  {seconds}  error.retryAfterSeconds
 * - `error.RATE_LIMITED`     {seconds}  error.retryAfterSeconds
 * `retryAfterSeconds` and `attemptsLeft` are optional in the contract: when the error has none, show
 * the same key with `.plain` (`error.CODE_MISMATCH.plain`, `error.RESEND_TOO_SOON.plain`,
 * `error.RATE_LIMITED.plain`), which says the same without the number. `errorMessageParams` lists the
 * placeholders for code (the i18n tests keep it in step with the texts).
 */
import type { MembershipErrorCode, NameMismatchGuidance } from '../../api/errors.ts';
import type { common } from './common.ko.ts';
import type { errors } from './errors.ko.ts';

export type ErrorMessageKey = keyof typeof errors;

/** The placeholders of each `error.*` key that has any (the header comment says where each comes from). */
export const errorMessageParams = {
  'error.UNDER_AGE': ['minAge'],
  'error.CODE_MISMATCH': ['attempts'],
  'error.RESEND_TOO_SOON': ['seconds'],
  'error.RATE_LIMITED': ['seconds'],
} as const satisfies Partial<Record<ErrorMessageKey, readonly string[]>>;

// Completeness: a code without a message (or a guidance without text) is a compile error.
type Complete<T extends Record<`error.${MembershipErrorCode | 'UNKNOWN'}` | `guidance.${NameMismatchGuidance}`, string>> = T;
export type ErrorCatalogue = Complete<typeof errors & Pick<typeof common, 'error.UNKNOWN'>>;
