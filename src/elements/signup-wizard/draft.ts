import type { ConsentAnswer, VerificationPerson } from '../../api/index.ts';
import { isSignupStep, type MemberKind, type MemberNationality, type SignupStep } from './flow.ts';
import type { CompanyPart, StoredDetails } from './signup-values.ts';

// The signup draft in sessionStorage (DESIGN.md decision 4): reload, a provider redirect or a server
// error resume where the user was. It never holds the password, its confirmation or any token: the
// types below have no place for them, and `saveDraft` writes only what they list.

const draftVersion = 1;

export interface SignupDraft {
  step: SignupStep;
  kind: MemberKind | undefined;
  nationality: MemberNationality | undefined;
  /** Answers with the version of the document answered. */
  consents: ConsentAnswer[];
  /** Who was verified (display only: name for the details step, nationality, age); the token is not kept. */
  person: VerificationPerson | undefined;
  details: StoredDetails;
  /** The login ID the API last confirmed free (so the check need not run again). */
  loginIdAvailable: string | undefined;
  company: CompanyPart;
  /** Editing from the review: "next" goes back to it. */
  returnToReview: boolean;
}

/** The storage key of one wizard: per site, and per element (`draft-key`, else its `id`). */
export function draftStorageKey(site: string, elementKey: string | undefined): string {
  return `membership-elements:signup:${site}:${elementKey || 'default'}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be blocked (privacy settings, sandboxed iframes): then the wizard just keeps no draft.
    return undefined;
  }
}

export function saveDraft(key: string, draft: SignupDraft): void {
  const { details, company } = draft;
  const stored = {
    v: draftVersion,
    step: draft.step,
    kind: draft.kind,
    nationality: draft.nationality,
    consents: draft.consents.map(({ documentId, version, agreed }) => ({ documentId, version, agreed })),
    person: draft.person && { name: draft.person.name, birthDate: draft.person.birthDate, gender: draft.person.gender, nationality: draft.person.nationality },
    details: {
      loginId: details.loginId, nameEn: details.nameEn, email: details.email, mobile: details.mobile, phone: details.phone,
      fax: details.fax, department: details.department, position: details.position, address: details.address,
      interestItems: details.interestItems, interestRegions: details.interestRegions,
    } satisfies StoredDetails,
    loginIdAvailable: draft.loginIdAvailable,
    company: { query: company.query, lookup: company.lookup, values: company.values, certificate: company.certificate },
    returnToReview: draft.returnToReview,
  };
  try {
    storage()?.setItem(key, JSON.stringify(stored));
  } catch {
    // Quota or blocked storage: the draft is a convenience, the flow goes on without it.
  }
}

/** The saved draft, or undefined when there is none, it is of another version, or it is damaged. */
export function loadDraft(key: string): SignupDraft | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as Partial<SignupDraft> & { v?: unknown };
    if (data.v !== draftVersion || !isSignupStep(data.step) || typeof data.details !== 'object' || typeof data.company !== 'object') return undefined;
    return {
      step: data.step,
      kind: data.kind === 'individual' || data.kind === 'corporate' ? data.kind : undefined,
      nationality: data.nationality === 'domestic' || data.nationality === 'foreign' ? data.nationality : undefined,
      consents: Array.isArray(data.consents) ? data.consents : [],
      person: data.person,
      details: data.details,
      loginIdAvailable: data.loginIdAvailable,
      company: data.company,
      returnToReview: data.returnToReview === true,
    };
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
