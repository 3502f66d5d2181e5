import { carriers, type Carrier, type Gender, type Nationality } from '../../src/api/index.ts';
import { normalizeDigits } from '../../src/rules/digits.ts';
import type { VerifiedPerson } from '../store/types.ts';

// SANDBOX identity provider: the only people it "knows". Every one of them is fictional test data;
// the carrier check of the mobile flow and the i-PIN login both look people up here.
//
// CI and DI are fixed opaque strings per person, so every server instance — Node, the browser under
// MSW, a restarted demo — gives the same person the same keys (real providers derive them by hashing;
// a sandbox needs no secrecy, only stability). Real providers answer one DI per *site* (duplicate-signup key within a site); this membership
// is unified across sibling sites, so the reference server asks for ONE service code for the whole
// membership and every sibling site sees the same DI for a person. Signup's "one account per person"
// check relies on that.

export interface SandboxPerson {
  /** Stable id for seeds and tests (never shown to the API). */
  id: string;
  name: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  gender: Gender;
  nationality: Nationality;
  /** Digits only, e.g. `01012345678`. */
  mobile: string;
  carrier: Carrier;
  /** Login of the sandbox i-PIN page. */
  ipinId: string;
  ipinPassword: string;
  /** The number is registered to a company: the carrier refuses personal verification (PROVIDER_REFUSED). */
  corporatePhone: boolean;
  /** What this person is for (shown on the sandbox inbox page). */
  note: string;
  ci: string;
  di: string;
}

type Seed = Omit<SandboxPerson, 'ci' | 'di' | 'corporatePhone' | 'ipinPassword'> & { corporatePhone?: boolean; ipinPassword?: string };

/** Password of every sandbox i-PIN account unless a person says otherwise. */
export const sandboxIpinPassword = 'sandbox1234!';

/** Ids of the sandbox people, by role, for seeds and tests. */
export const sandboxPersonIds = {
  /** Adults free to sign up in the demo and in tests. */
  hong: 'hong-gildong',
  kim: 'kim-minji',
  lee: 'lee-seojun',
  park: 'park-jihyun',
  /** Foreign national (nationality `foreign`, Latin name). */
  foreigner: 'john-smith',
  /** Born 2014-03-01: under 14 until 2028-03-01 (signup refuses with UNDER_AGE). */
  minor: 'choi-haeun',
  /** Company-owned phone: requestMobileCode answers PROVIDER_REFUSED (i-PIN still works). */
  corporatePhone: 'jung-daehan',
  /** Demo seed: an individual member with an account. */
  demoMember: 'kang-seoyeon',
  /** Demo seed: MASTER of a seeded company. */
  demoMaster: 'yoon-taeyang',
  /** Demo seed: associate waiting for the MASTER's approval. */
  demoAssociate: 'oh-jiwoo',
  /** Demo seed: account kept under a former name (name-mismatch guidance on re-verification). */
  demoRenamed: 'seo-yuna',
} as const;

/** The carrier names of the mobile form's 통신사 list (its ko / en messages), so the inbox and the form agree. */
export const carrierLabels: Record<Carrier, { ko: string; en: string }> = {
  SKT: { ko: 'SKT', en: 'SKT' },
  KT: { ko: 'KT', en: 'KT' },
  LGU: { ko: 'LG U+', en: 'LG U+' },
  SKT_MVNO: { ko: 'SKT 알뜰폰', en: 'SKT MVNO (budget carrier)' },
  KT_MVNO: { ko: 'KT 알뜰폰', en: 'KT MVNO (budget carrier)' },
  LGU_MVNO: { ko: 'LG U+ 알뜰폰', en: 'LG U+ MVNO (budget carrier)' },
};

/** The former name the demo seed may store on `demoRenamed`'s account (she is verified as 서유나). */
export const demoRenamedFormerName = '서윤아';

const seeds: Seed[] = [
  { id: 'hong-gildong', name: '홍길동', birthDate: '1985-04-12', gender: 'male', nationality: 'domestic', mobile: '01012345678', carrier: 'SKT', ipinId: 'hong1985', note: '성인 내국인 / adult, domestic' },
  { id: 'kim-minji', name: '김민지', birthDate: '1992-08-23', gender: 'female', nationality: 'domestic', mobile: '01023456789', carrier: 'KT', ipinId: 'minji92', note: '성인 내국인 / adult, domestic' },
  { id: 'lee-seojun', name: '이서준', birthDate: '1978-11-30', gender: 'male', nationality: 'domestic', mobile: '01034567890', carrier: 'LGU', ipinId: 'seojun78', note: '성인 내국인 / adult, domestic' },
  { id: 'park-jihyun', name: '박지현', birthDate: '2000-02-14', gender: 'female', nationality: 'domestic', mobile: '01045678901', carrier: 'SKT_MVNO', ipinId: 'jihyun00', note: '성인 내국인, 알뜰폰 / adult, domestic, MVNO' },
  { id: 'john-smith', name: 'John Smith', birthDate: '1988-06-05', gender: 'male', nationality: 'foreign', mobile: '01056789012', carrier: 'KT_MVNO', ipinId: 'jsmith88', note: '외국인 / foreign national' },
  { id: 'choi-haeun', name: '최하은', birthDate: '2014-03-01', gender: 'female', nationality: 'domestic', mobile: '01067890123', carrier: 'LGU_MVNO', ipinId: 'haeun14', note: '만 14세 미만 / under 14 (until 2028-03-01)' },
  { id: 'jung-daehan', name: '정대한', birthDate: '1970-05-05', gender: 'male', nationality: 'domestic', mobile: '01078901234', carrier: 'KT', ipinId: 'daehan70', corporatePhone: true, note: '법인 명의 휴대폰: 휴대폰 인증 거절 / company-owned phone: mobile verification refused' },
  { id: 'kang-seoyeon', name: '강서연', birthDate: '1990-01-17', gender: 'female', nationality: 'domestic', mobile: '01089012345', carrier: 'SKT', ipinId: 'seoyeon90', note: '데모: 개인회원 가입됨 / demo: individual member' },
  { id: 'yoon-taeyang', name: '윤태양', birthDate: '1975-09-09', gender: 'male', nationality: 'domestic', mobile: '01090123456', carrier: 'KT', ipinId: 'taeyang75', note: '데모: 기업 MASTER / demo: company MASTER' },
  { id: 'oh-jiwoo', name: '오지우', birthDate: '1995-12-03', gender: 'female', nationality: 'domestic', mobile: '01011223344', carrier: 'LGU', ipinId: 'jiwoo95', note: '데모: 준회원(승인 대기) / demo: associate awaiting approval' },
  { id: 'seo-yuna', name: '서유나', birthDate: '1983-07-21', gender: 'female', nationality: 'domestic', mobile: '01022334455', carrier: 'SKT', ipinId: 'yuna83', note: `데모: 계정 이름 '${demoRenamedFormerName}'(개명 전) / demo: account under former name` },
];

export const sandboxPeople: readonly SandboxPerson[] = seeds.map((seed) => ({
  ...seed,
  corporatePhone: seed.corporatePhone ?? false,
  ipinPassword: seed.ipinPassword ?? sandboxIpinPassword,
  ci: `sbx-ci-${seed.id}`,
  di: `sbx-di-${seed.id}`,
}));

/**
 * Generated test people: any claim with a mobile number in 010-9999-XXXX and a `테스트`/`Test` name is
 * a person of its own (DI from the claimed details), so automated runs such as the contract test kit
 * can sign up fresh people again and again on a long-lived server.
 */
export const generatedPersonMobilePrefix = '0109999';

function generatedPerson(claim: SandboxClaim, mobile: string): SandboxPerson | null {
  const name = claim.name.normalize('NFC').trim();
  if (!mobile.startsWith(generatedPersonMobilePrefix) || mobile.length !== 11 || !/^(테스트|test)/i.test(name)) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(claim.birthDate) || (claim.gender !== 'male' && claim.gender !== 'female')) return null;
  if (claim.nationality !== 'domestic' && claim.nationality !== 'foreign') return null;
  if (!(carriers as readonly string[]).includes(claim.carrier)) return null;
  const key = `${normalizeName(name)}/${claim.birthDate}/${mobile}`;
  return {
    id: `generated:${key}`, name, birthDate: claim.birthDate, gender: claim.gender, nationality: claim.nationality,
    mobile, carrier: claim.carrier as Carrier, ipinId: '', ipinPassword: '', corporatePhone: false,
    note: 'generated test person', ci: `sbx-ci-gen-${key}`, di: `sbx-di-gen-${key}`,
  };
}

export function getSandboxPerson(id: string): SandboxPerson {
  const person = sandboxPeople.find((p) => p.id === id);
  if (!person) throw new Error(`No sandbox person "${id}"`);
  return person;
}

/** What a user claims on the mobile form; matched against the carrier's (sandbox) records. */
export interface SandboxClaim {
  name: string;
  birthDate: string;
  gender: string;
  nationality: string;
  mobile: string;
  carrier: string;
}

/** Names compare after NFC, trimming, collapsing spaces and ignoring Latin case (`JOHN SMITH` = `John Smith`). */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The sandbox person whose carrier record matches every claimed detail, else null. */
export function findSandboxPerson(claim: SandboxClaim): SandboxPerson | null {
  const name = normalizeName(claim.name);
  const mobile = normalizeDigits(claim.mobile);
  return (
    sandboxPeople.find(
      (p) =>
        normalizeName(p.name) === name &&
        p.birthDate === claim.birthDate &&
        p.gender === claim.gender &&
        p.nationality === claim.nationality &&
        p.mobile === mobile &&
        p.carrier === claim.carrier,
    ) ?? generatedPerson(claim, mobile)
  );
}

/** The i-PIN account with this id and password, else null. */
export function findSandboxIpin(ipinId: string, password: string): SandboxPerson | null {
  const id = ipinId.trim().toLowerCase();
  return sandboxPeople.find((p) => p.ipinId.toLowerCase() === id && p.ipinPassword === password) ?? generatedIpinPerson(id, password);
}

/** The syllable of each digit in a generated i-PIN person's name. */
const digitSyllables = '가나다라마바사아자차';

/**
 * Generated i-PIN test people, as for the mobile method: the i-PIN id `test` + a 010-9999-XXXX number
 * with the sandbox password is `테스트` + the last four digits as syllables (0 → 가 … 9 → 차), a woman
 * born 1991-03-15 — the same person (same DI) a mobile verification of that name and number gives.
 */
export function generatedIpinPerson(ipinId: string, password: string): SandboxPerson | null {
  const mobile = /^test(0109999\d{4})$/.exec(ipinId)?.[1];
  if (!mobile || password !== sandboxIpinPassword) return null;
  const name = `테스트${[...mobile.slice(-4)].map((digit) => digitSyllables[Number(digit)]).join('')}`;
  const person = generatedPerson({ name, birthDate: '1991-03-15', gender: 'female', nationality: 'domestic', mobile, carrier: 'KT' }, mobile);
  return person && { ...person, ipinId, ipinPassword: password };
}

/**
 * The provider's answer for this person. Both sandbox methods report the registered mobile and carrier
 * (sandbox i-PIN accounts are registered with the person's phone, as private i-PINs are), so a password
 * reset tied to a mobile number works with either method.
 */
export function toVerifiedPerson(p: SandboxPerson): VerifiedPerson {
  return {
    name: p.name,
    birthDate: p.birthDate,
    gender: p.gender,
    nationality: p.nationality,
    mobile: p.mobile,
    carrier: p.carrier,
    ci: p.ci,
    di: p.di,
  };
}
