import type { ConsentAnswer, VerificationPerson } from '../../api/index.ts';
import { storedCompanyLookup } from './stored-lookup.ts';
import { isSignupStep, type MemberKind, type MemberNationality, type SignupStep } from './steps.ts';
import { emptyCompany, emptyCompanyPart, emptyDetails, storedDetails, type CompanyPart, type StoredDetails } from './values.ts';

// The signup draft (sessionStorage in the browser): reload, a provider redirect or a server error
// resume where the user was. It never holds the password, its confirmation or any token: the types
// below have no place for them, and `saveDraft` writes only what they list.

const draftVersion = 1;

export type DraftPerson = Pick<VerificationPerson, 'name' | 'nationality'>;

export interface SignupDraft {
  step: SignupStep;
  kind: MemberKind | undefined;
  nationality: MemberNationality | undefined;
  /** Answers with the version of the document answered. */
  consents: ConsentAnswer[];
  /** Who was verified, as far as the screens need it (name, nationality); no birth date, no token. */
  person: DraftPerson | undefined;
  details: StoredDetails;
  /** The login ID the API last confirmed free (so the check need not run again). */
  loginIdAvailable: string | undefined;
  company: CompanyPart;
  /** Editing from the review: "next" goes back to it. */
  returnToReview: boolean;
}

export { draftStorageKey } from './draft-key.ts';

/** Where drafts are kept: sessionStorage in the browser, a Map in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's sessionStorage, or undefined where storage is blocked (privacy settings, sandboxed iframes). */
export function sessionDraftStorage(): DraftStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function saveDraft(storage: DraftStorage | undefined, key: string, draft: SignupDraft): void {
  const { details, company } = draft;
  const stored = {
    v: draftVersion,
    step: draft.step,
    kind: draft.kind,
    nationality: draft.nationality,
    consents: draft.consents.map(({ documentId, version, agreed }) => ({ documentId, version, agreed })),
    person: draft.person && { name: draft.person.name, nationality: draft.person.nationality },
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
    storage?.setItem(key, JSON.stringify(stored));
  } catch {
    // Quota or blocked storage: the draft is a convenience, the flow goes on without it.
  }
}

/** The saved draft, or undefined when there is none, it is of another version, or it is damaged. */
export function loadDraft(storage: DraftStorage | undefined, key: string): SignupDraft | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(key);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as Partial<SignupDraft> & { v?: unknown };
    if (data.v !== draftVersion || !isSignupStep(data.step) || typeof data.details !== 'object' || typeof data.company !== 'object') return undefined;
    const company = data.company ?? emptyCompanyPart();
    const person = data.person;
    return {
      step: data.step,
      kind: data.kind === 'individual' || data.kind === 'corporate' ? data.kind : undefined,
      nationality: data.nationality === 'domestic' || data.nationality === 'foreign' ? data.nationality : undefined,
      consents: Array.isArray(data.consents) ? data.consents : [],
      person: typeof person?.name === 'string' && (person.nationality === 'domestic' || person.nationality === 'foreign') ? { name: person.name, nationality: person.nationality } : undefined,
      details: { ...storedDetails(emptyDetails()), ...onlyKnown(data.details, storedDetails(emptyDetails())) },
      loginIdAvailable: typeof data.loginIdAvailable === 'string' ? data.loginIdAvailable : undefined,
      company: {
        query: typeof company.query === 'string' ? company.query : '',
        lookup: storedCompanyLookup(company.lookup),
        values: { ...emptyCompany(), ...onlyKnown(company.values, emptyCompany()) },
        certificate: typeof company.certificate?.certificateId === 'string' && typeof company.certificate.fileName === 'string' ? company.certificate : undefined,
      },
      returnToReview: data.returnToReview === true,
    };
  } catch {
    return undefined;
  }
}

/** The entries of `value` whose key `shape` has and whose type matches it (a damaged or older draft). */
function onlyKnown<T extends object>(value: unknown, shape: T): Partial<T> {
  if (typeof value !== 'object' || value === null) return {};
  const known: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!(key in shape)) continue;
    const expected = (shape as Record<string, unknown>)[key];
    const fits = expected === undefined ? typeof entry === 'boolean' || (typeof entry === 'object' && entry !== null) : Array.isArray(expected) ? Array.isArray(entry) : typeof entry === typeof expected;
    if (fits) known[key] = entry;
  }
  return known as Partial<T>;
}

export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
