import type { MembershipErrorCode } from '../../api/errors.ts';
import type { Gender, Nationality, VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { IdentityOperation } from '../../flows/identity/events.ts';

export interface IdentityVerifiedDetail {
  /** Opaque and single-use: hand it to the API call this verification is for (signup, reset, …). */
  verificationToken: string;
  /** `mobile`, `ipin`, … */
  method: string;
  purpose: VerificationPurpose;
  /** Display-safe facts the API confirmed; never CI/DI, never the mobile number. */
  person: { name: string; birthDate: string; gender: Gender; nationality: Nationality };
  /** When the token stops being accepted (ISO date-time). */
  expiresAt: string;
}

/**
 * The person was verified. The one event of the library that carries a token (docs/architecture.md, "Decisions that shape the code"):
 * handing it over is this element's job. Built field by field, so nothing else of the answer leaks.
 */
export class IdentityVerifiedEvent extends CustomEvent<IdentityVerifiedDetail> {
  static readonly type = 'identity-verified';

  constructor(result: VerificationResult) {
    const { person } = result;
    super(IdentityVerifiedEvent.type, {
      bubbles: true,
      composed: true,
      detail: {
        verificationToken: result.verificationToken,
        method: result.method,
        purpose: result.purpose,
        person: { name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality },
        expiresAt: result.expiresAt,
      },
    });
  }
}

export interface IdentityVerifyErrorDetail {
  code: MembershipErrorCode;
  /** The method in use when it happened (`mobile`, `ipin`, …), if one was chosen. */
  method: string | undefined;
  /** What the element was doing. */
  operation: IdentityOperation;
  retryable: boolean;
}

/**
 * Something went wrong and the user was told what to do next — for hosts that log. Carries codes
 * only: no typed values, ids or tokens.
 */
export class IdentityVerifyErrorEvent extends CustomEvent<IdentityVerifyErrorDetail> {
  static readonly type = 'identity-verify-error';

  constructor(detail: IdentityVerifyErrorDetail) {
    super(IdentityVerifyErrorEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'identity-verified': IdentityVerifiedEvent;
    'identity-verify-error': IdentityVerifyErrorEvent;
  }
}
