import type { MembershipError } from '../../api/errors.ts';
import type { VerificationResult } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** The API call a failure came from (reported in the `identity-verify-error` event). */
export type IdentityOperation = 'start' | 'request-code' | 'resend-code' | 'extend-code' | 'confirm-code' | 'provider' | 'exchange';

/** What the identity flow tells its element; the element maps the first two to DOM events. */
export type IdentityFlowEvent =
  | { type: 'verified'; result: VerificationResult }
  | { type: 'error'; error: MembershipError; method: string | undefined; operation: IdentityOperation }
  /** For the element's live region only (never a DOM event). */
  | { type: 'announce'; key: MessageKey };

/** Where the element puts focus after the next render (the flow has no DOM). */
export type IdentityFocus = 'heading' | 'choice' | 'captcha' | 'invalid' | 'code' | 'resend';
