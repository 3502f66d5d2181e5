import type { MembershipError } from '../../api/errors.ts';
import type { MemberType } from '../../api/schemas.ts';
import type { FieldProblem } from '../form-model.ts';

// The shape of the signup flow, as pure functions: which steps a member type goes through, and where
// an API answer sends the user. SignupFlow (signup-flow.ts) carries these decisions out.

/** The steps of the flow, in order; `company` only for corporate members. */
export const flowSteps = ['type', 'consent', 'identity', 'details', 'company', 'review', 'done'] as const;
export type FlowStep = (typeof flowSteps)[number];
/** Every screen the wizard shows: the flow steps and the two refusals. */
export type SignupStep = FlowStep | 'under-age' | 'already-member';
export const signupSteps: readonly SignupStep[] = [...flowSteps, 'under-age', 'already-member'];

/** 개인 / 기업. */
export type MemberKind = 'individual' | 'corporate';
/** 내국인 / 외국인. */
export type MemberNationality = 'domestic' | 'foreign';

/**
 * The contract's member type for the answers of the type step: corporate whatever the nationality (a
 * foreign employee joins their company like anyone else); a foreign national is a `foreign` member
 * where the site has that type, else an `individual` one.
 */
export function memberTypeOf(kind: MemberKind, nationality: MemberNationality, offered: readonly MemberType[]): MemberType {
  if (kind === 'corporate') return 'corporate';
  return nationality === 'foreign' && offered.includes('foreign') ? 'foreign' : 'individual';
}

/** The steps shown in the step indicator for a kind of member. */
export function stepsFor(kind: MemberKind | undefined): FlowStep[] {
  return flowSteps.filter((step) => step !== 'company' || kind === 'corporate');
}

export function isSignupStep(value: unknown): value is SignupStep {
  return typeof value === 'string' && (signupSteps as readonly string[]).includes(value);
}

/**
 * Which answers of the type step a site offers, from its member types (and the element's
 * `member-types`). Nationality is asked only where the site has the `foreign` type beside another.
 */
/** The member types a site offers unless its settings say otherwise (the first step's known default). */
export const standardMemberTypes: readonly MemberType[] = ['individual', 'foreign', 'corporate'];

export function offeredAnswers(memberTypes: readonly MemberType[]): { kinds: MemberKind[]; nationalities: MemberNationality[] } {
  const kinds: MemberKind[] = [];
  if (memberTypes.includes('individual') || memberTypes.includes('foreign')) kinds.push('individual');
  if (memberTypes.includes('corporate')) kinds.push('corporate');
  const foreign = memberTypes.includes('foreign');
  const other = memberTypes.includes('individual') || memberTypes.includes('corporate');
  const nationalities: MemberNationality[] = foreign && other ? ['domestic', 'foreign'] : foreign ? ['foreign'] : ['domestic'];
  return { kinds, nationalities };
}

/** The type step's answers (blank until chosen); a question with one possible answer answers itself. */
export function answeredType(
  memberTypes: readonly MemberType[],
  values: { kind: MemberKind | ''; nationality: MemberNationality | '' },
): { kind: MemberKind | ''; nationality: MemberNationality } {
  const offered = offeredAnswers(memberTypes);
  const kind = offered.kinds.length === 1 ? offered.kinds[0]! : values.kind;
  const nationality = offered.nationalities.length === 1 ? offered.nationalities[0]! : values.nationality || 'domestic';
  return { kind, nationality };
}

/** The type step's rule: each question asked must be answered (no default). */
export function typeProblems(memberTypes: readonly MemberType[], values: { kind: string; nationality: string }): FieldProblem[] {
  const offered = offeredAnswers(memberTypes);
  const problems: FieldProblem[] = [];
  if (offered.kinds.length > 1 && !values.kind) problems.push({ field: 'kind', code: 'CHOICE_REQUIRED' });
  if (offered.nationalities.length > 1 && !values.nationality) problems.push({ field: 'nationality', code: 'CHOICE_REQUIRED' });
  return problems;
}

/** Whether the answers make a member type the site takes. */
export function isOffered(memberTypes: readonly MemberType[], kind: MemberKind, nationality: MemberNationality): boolean {
  return memberTypes.includes(memberTypeOf(kind, nationality, memberTypes));
}

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
