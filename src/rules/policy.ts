/**
 * The membership policy: every site-configurable field rule in one object.
 * Rules and form schemas read it; a site starts from `defaultPolicy`, `kotraPolicy` or `animalPolicy` and
 * overrides what differs with `definePolicy`.
 */

/** Character kinds counted by password rules. Letters are ASCII A–Z/a–z; special = printable ASCII punctuation. */
export const charKinds = ['letter', 'digit', 'special'] as const;
export type CharKind = (typeof charKinds)[number];

/** One way to be strong enough: at least `minLength` characters drawn from at least `minKinds` kinds. */
export interface PasswordStrength {
  readonly minLength: number;
  readonly minKinds: number;
}

export interface LoginIdPolicy {
  readonly minLength: number;
  readonly maxLength: number;
  /** First character must be an ASCII letter. Allowed characters are always ASCII letters and digits. */
  readonly mustStartWithLetter: boolean;
}

export interface PasswordPolicy {
  /** Absolute minimum length; with `alternatives`, set it to their smallest `minLength`. */
  readonly minLength: number;
  readonly maxLength: number;
  /** Each of these kinds must appear at least once. */
  readonly requiredKinds: CharKind[];
  /** When non-empty, the password must meet at least one of them ("8+ with 2 kinds OR 10+ with 1"). */
  readonly alternatives?: PasswordStrength[];
  /** The password may not contain the login ID (case-insensitive). */
  readonly forbidLoginId: boolean;
  /** At most this many identical characters in a row; undefined = no limit. */
  readonly maxRepeat?: number;
}

/** Which optional member fields a site makes mandatory at signup. Email is always required. */
export interface RequiredFields {
  readonly phone: boolean;
  readonly mobile: boolean;
  readonly address: boolean;
  /** Foreign members always need the English name; this covers domestic members. */
  readonly nameEn: boolean;
  /** The company's 이노비즈 / 벤처기업 / 외투기업 answers; unset: optional (no neutral state is forced). */
  readonly companyYesNo?: boolean;
}

export interface InterestLimits {
  readonly maxItems: number;
  readonly maxRegions: number;
}

export interface MembershipPolicy {
  readonly loginId: LoginIdPolicy;
  readonly password: PasswordPolicy;
  /** Minimum age in full years (만 나이). */
  readonly minAge: number;
  /** Domains offered in the email domain list; any other domain may still be typed. */
  readonly emailDomains: string[];
  /** Show found login IDs masked (find-account). */
  readonly maskLoginIds: boolean;
  readonly required: RequiredFields;
  readonly interests: InterestLimits;
}

const koreanEmailDomains = [
  'naver.com',
  'daum.net',
  'hanmail.net',
  'kakao.com',
  'nate.com',
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'korea.kr',
];

/** Current Korean guidance: 8+ characters with 2+ kinds, or 10+ with one kind. */
export const defaultPolicy: MembershipPolicy = {
  loginId: { minLength: 6, maxLength: 20, mustStartWithLetter: true },
  password: {
    minLength: 8,
    maxLength: 64,
    requiredKinds: [],
    alternatives: [
      { minLength: 8, minKinds: 2 },
      { minLength: 10, minKinds: 1 },
    ],
    forbidLoginId: true,
  },
  minAge: 14,
  emailDomains: [...koreanEmailDomains],
  maskLoginIds: true,
  // Mobile is required because password reset sends its code there.
  required: { phone: false, mobile: true, address: false, nameEn: false },
  interests: { maxItems: 10, maxRegions: 10 },
};

/** KOTRA's manual: ID 6–20 starting with a letter; password letters + digits + special, 9+. */
export const kotraPolicy: MembershipPolicy = {
  loginId: { minLength: 6, maxLength: 20, mustStartWithLetter: true },
  password: {
    minLength: 9,
    maxLength: 64,
    requiredKinds: ['letter', 'digit', 'special'],
    forbidLoginId: true,
  },
  minAge: 14,
  emailDomains: [...koreanEmailDomains],
  maskLoginIds: true,
  // KOTRA asks for mobile only as "recommended"; phone and address are marked mandatory.
  required: { phone: true, mobile: false, address: true, nameEn: false },
  interests: { maxItems: 10, maxRegions: 10 },
};

/**
 * The animal-protection manual's member form: ID, password, 핸드폰번호 and 주소, so mobile and address
 * are required (email, as everywhere, too); the password rules are the default ones.
 */
export const animalPolicy: MembershipPolicy = {
  ...defaultPolicy,
  required: { phone: false, mobile: true, address: true, nameEn: false },
};

/** Overrides for `definePolicy`: any section may be given in part; arrays replace, never merge. */
export type PolicyOverrides = {
  readonly [K in keyof MembershipPolicy]?: MembershipPolicy[K] extends object
    ? MembershipPolicy[K] extends readonly unknown[]
      ? MembershipPolicy[K]
      : Partial<MembershipPolicy[K]>
    : MembershipPolicy[K];
};

/** A site's policy: `overrides` deep-merged onto `base` (default: `defaultPolicy`). Undefined values are ignored. */
export function definePolicy(overrides: PolicyOverrides, base: MembershipPolicy = defaultPolicy): MembershipPolicy {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isSection(value) && isSection(current) ? { ...current, ...definedEntries(value) } : value;
  }
  return merged as unknown as MembershipPolicy;
}

function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedEntries(section: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(section).filter(([, value]) => value !== undefined));
}
