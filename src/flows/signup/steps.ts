import type { MemberType } from '../../api/schemas.ts';
import type { FieldProblem } from '../form-model.ts';

// The shape of the signup flow, as pure functions: which steps a member type goes through, which answers
// the type step offers (where an API answer sends the user: submit-route.ts). SignupFlow carries these out.

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

/** The member types offered: the site's (the standard three until its settings arrive), narrowed by the element's `member-types`. */
export function narrowMemberTypes(site: readonly MemberType[], memberTypes: string | undefined): MemberType[] {
  const wanted = memberTypes?.split(',').map((type) => type.trim()).filter(Boolean);
  return wanted?.length ? site.filter((type) => wanted.includes(type)) : [...site];
}
