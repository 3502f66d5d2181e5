
/**
 * Every error code the membership API may answer with. Elements map each code to a message in
 * `src/i18n`; backends must not invent others (the contract test kit checks this).
 */
export const apiErrorCodes = [
  // request shape and field rules
  'VALIDATION_FAILED',
  // site and configuration
  'SITE_UNKNOWN',
  'METHOD_NOT_AVAILABLE',
  // accounts and signup
  'LOGIN_ID_TAKEN',
  'ALREADY_MEMBER',
  'UNDER_AGE',
  'TERMS_REQUIRED',
  'TERMS_OUTDATED',
  'MEMBER_TYPE_NOT_ALLOWED',
  // identity verification
  'VERIFICATION_NOT_FOUND',
  'VERIFICATION_EXPIRED',
  'VERIFICATION_INVALID',
  'VERIFICATION_PURPOSE_MISMATCH',
  'CAPTCHA_MISMATCH',
  'IDENTITY_MISMATCH',
  'CODE_MISMATCH',
  'CODE_EXPIRED',
  'ATTEMPTS_EXCEEDED',
  'RESEND_TOO_SOON',
  'PROVIDER_REFUSED',
  // sessions and profile
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CSRF_INVALID',
  'REVERIFICATION_REQUIRED',
  'NAME_MISMATCH',
  // account recovery
  'RESET_NOT_MATCHED',
  'RESET_EXPIRED',
  // companies
  'COMPANY_NOT_FOUND',
  'COMPANY_ALREADY_REGISTERED',
  'ALREADY_LINKED',
  'NOT_LINKED',
  'FORBIDDEN_ROLE',
  'MASTER_MUST_TRANSFER',
  'MEMBER_NOT_IN_COMPANY',
  'CERTIFICATE_INVALID_TYPE',
  'CERTIFICATE_TOO_LARGE',
  'CERTIFICATE_NOT_FOUND',
  // protocol
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** Codes the client produces itself when no contract answer could be read. */
export const clientErrorCodes = ['NETWORK_ERROR', 'TIMEOUT', 'INVALID_RESPONSE', 'ABORTED'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];

export type MembershipErrorCode = ApiErrorCode | ClientErrorCode;

/** The three ways out of a name mismatch on re-verification (docs/domain.md, Profile edit), in display order. */
export const nameMismatchGuidance = ['OWNER_CHANGE', 'LEGAL_NAME_CHANGE', 'ORIGINAL_METHOD'] as const;
export type NameMismatchGuidance = (typeof nameMismatchGuidance)[number];

// The schemas of an error body (and ApiErrorBody) live in error-schema.ts: the client loads them with its first request.

/** One field's problem in an error body (error-schema.ts has its schema). */
export interface FieldError {
  /** Dotted path of the field in the request body, e.g. `details.address.postcode`. */
  field: string;
  /** A rule code from `membership-elements/rules` (e.g. `LOGIN_ID_TOO_SHORT`) or an API code. */
  code: string;
}

/** HTTP status each code is answered with. */
export const errorStatus: Record<ApiErrorCode, number> = {
  VALIDATION_FAILED: 422,
  SITE_UNKNOWN: 400,
  METHOD_NOT_AVAILABLE: 400,
  LOGIN_ID_TAKEN: 409,
  ALREADY_MEMBER: 409,
  UNDER_AGE: 422,
  TERMS_REQUIRED: 422,
  TERMS_OUTDATED: 409,
  MEMBER_TYPE_NOT_ALLOWED: 422,
  VERIFICATION_NOT_FOUND: 404,
  VERIFICATION_EXPIRED: 410,
  VERIFICATION_INVALID: 422,
  VERIFICATION_PURPOSE_MISMATCH: 422,
  CAPTCHA_MISMATCH: 422,
  IDENTITY_MISMATCH: 422,
  CODE_MISMATCH: 422,
  CODE_EXPIRED: 410,
  // Not 429: no wait makes the same request succeed; a new code or verification is needed.
  ATTEMPTS_EXCEEDED: 422,
  RESEND_TOO_SOON: 429,
  PROVIDER_REFUSED: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_INVALID: 403,
  REVERIFICATION_REQUIRED: 403,
  NAME_MISMATCH: 409,
  RESET_NOT_MATCHED: 422,
  RESET_EXPIRED: 410,
  COMPANY_NOT_FOUND: 404,
  COMPANY_ALREADY_REGISTERED: 409,
  ALREADY_LINKED: 409,
  NOT_LINKED: 409,
  FORBIDDEN_ROLE: 403,
  MASTER_MUST_TRANSFER: 409,
  MEMBER_NOT_IN_COMPANY: 404,
  CERTIFICATE_INVALID_TYPE: 415,
  CERTIFICATE_TOO_LARGE: 413,
  CERTIFICATE_NOT_FOUND: 404,
  NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** Codes after which the same request may succeed later without any change by the user. */
const retryableCodes: ReadonlySet<MembershipErrorCode> = new Set<MembershipErrorCode>([
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'NETWORK_ERROR',
  'TIMEOUT',
]);

export interface MembershipErrorInit {
  code: MembershipErrorCode;
  message?: string;
  status?: number;
  fields?: FieldError[];
  retryAfterSeconds?: number;
  guidance?: NameMismatchGuidance[];
  attemptsLeft?: number;
  operationId?: string;
  cause?: unknown;
}

/**
 * The one error type every client call rejects with: an API answer, a network loss, a timeout or a
 * body that broke the contract. Never carries a password or token.
 */
export class MembershipError extends Error {
  override readonly name = 'MembershipError';
  readonly code: MembershipErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly fields: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly guidance: readonly NameMismatchGuidance[];
  readonly attemptsLeft: number | undefined;
  readonly operationId: string | undefined;

  constructor(init: MembershipErrorInit) {
    super(init.message ?? init.code, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.guidance = init.guidance ?? [];
    this.attemptsLeft = init.attemptsLeft;
    this.operationId = init.operationId;
  }

  /** True when trying the same request again later may succeed without the user changing anything. */
  get retryable(): boolean {
    return retryableCodes.has(this.code);
  }

  /** The error for one field (dotted path), if the API named it. */
  fieldError(field: string): FieldError | undefined {
    return this.fields.find((entry) => entry.field === field);
  }
}

export function isMembershipError(value: unknown): value is MembershipError {
  return value instanceof MembershipError;
}
