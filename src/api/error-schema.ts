// The contract's error body as zod/mini schemas (server, contract tests, and the client once it sends).
import * as z from 'zod/mini';
import { apiErrorCodes, nameMismatchGuidance } from './errors.ts';

export const fieldErrorSchema = z.object({
  /** Dotted path of the field in the request body, e.g. `details.address.postcode`. */
  field: z.string(),
  /** A rule code from `membership-elements/rules` (e.g. `LOGIN_ID_TOO_SHORT`) or an API code. */
  code: z.string(),
});

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    /** Developer-facing English text; the UI shows its own message for the code. */
    message: z.string(),
    fields: z.optional(z.array(fieldErrorSchema)),
    /** Seconds until a retry may succeed (RATE_LIMITED, RESEND_TOO_SOON, SERVICE_UNAVAILABLE). */
    retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
    /** NAME_MISMATCH: the ways out, in order. */
    guidance: z.optional(z.array(z.enum(nameMismatchGuidance))),
    /** Attempts left after CODE_MISMATCH / CAPTCHA_MISMATCH / INVALID_CREDENTIALS. */
    attemptsLeft: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
