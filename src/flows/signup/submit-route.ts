import type { MembershipError } from '../../api/errors.ts';
import type { FieldProblem } from '../form-model.ts';

// Where an API answer to the submit sends the user: a pure function, loaded with the submit (submit.ts).

/** Where a failed signup sends the user. */
export type SubmitErrorRoute =
  /** Field errors on a step's form (paths relative to that form). */
  | { kind: 'fields'; step: 'details' | 'company'; fields: FieldProblem[] }
  /** Company part refused as a whole (company gone, registered meanwhile, certificate lost). */
  | { kind: 'company' }
  /** Verify again (token expired or used), then come back to the review. */
  | { kind: 'reverify' }
  /** Read and answer the terms again. */
  | { kind: 'terms' }
  /** The chosen member type is not possible (site or nationality). */
  | { kind: 'type' }
  | { kind: 'screen'; step: 'under-age' | 'already-member' }
  /** Stay on the review with a message (network, server, rate limit, anything unknown). */
  | { kind: 'alert' };

const reverifyCodes = new Set(['VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'VERIFICATION_NOT_FOUND', 'VERIFICATION_PURPOSE_MISMATCH', 'IDENTITY_MISMATCH']);
const companyCodes = new Set(['COMPANY_NOT_FOUND', 'COMPANY_ALREADY_REGISTERED', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_INVALID_TYPE', 'CERTIFICATE_TOO_LARGE']);

/** The route for a createMember failure (see the contract's error list of createMember). */
export function routeSubmitError(error: Pick<MembershipError, 'code' | 'fields'>): SubmitErrorRoute {
  const { code } = error;
  if (code === 'UNDER_AGE') return { kind: 'screen', step: 'under-age' };
  if (code === 'ALREADY_MEMBER') return { kind: 'screen', step: 'already-member' };
  if (code === 'TERMS_OUTDATED' || code === 'TERMS_REQUIRED') return { kind: 'terms' };
  if (code === 'MEMBER_TYPE_NOT_ALLOWED') return { kind: 'type' };
  if (reverifyCodes.has(code)) return { kind: 'reverify' };
  if (code === 'LOGIN_ID_TAKEN') return { kind: 'fields', step: 'details', fields: [{ field: 'loginId', code }] };
  // The company part as a whole: gone, registered meanwhile, or its certificate lost: search again.
  if (companyCodes.has(code)) return { kind: 'company' };
  if (code === 'VALIDATION_FAILED') {
    const first = error.fields[0];
    if (first?.field === 'memberType') return { kind: 'type' };
    if (first?.field.startsWith('consents')) return { kind: 'terms' };
    if (first && /^(submitVerificationToken|verificationToken)$/.test(first.field)) return { kind: 'reverify' };
    const details = relativeFields(error.fields, 'details.');
    if (first?.field.startsWith('details.')) return { kind: 'fields', step: 'details', fields: details };
    const company = relativeFields(error.fields, 'company.company.');
    if (first?.field.startsWith('company.company.')) return { kind: 'fields', step: 'company', fields: company };
    if (first?.field.startsWith('company')) return { kind: 'company' };
  }
  return { kind: 'alert' };
}

function relativeFields(fields: readonly { field: string; code: string }[], prefix: string): FieldProblem[] {
  return fields.filter((entry) => entry.field.startsWith(prefix)).map((entry) => ({ field: entry.field.slice(prefix.length), code: entry.code }));
}
