import * as z from 'zod/mini';

// Wire shapes only. Field rules that depend on a site's policy (ID length, password kinds, check
// digits) live in `membership-elements/rules`; the server applies them and answers per-field codes.

const text = (max: number) => z.string().check(z.maxLength(max));
const optionalText = (max: number) => z.optional(text(max));
const isoDateTime = z.iso.datetime({ offset: true });
/** `YYYY-MM-DD`. */
const isoDate = z.iso.date();

export const localizedTextSchema = z.object({ ko: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const memberTypes = ['individual', 'corporate', 'foreign'] as const;
export const memberTypeSchema = z.enum(memberTypes);
export type MemberType = z.infer<typeof memberTypeSchema>;

export const companyRoles = ['master', 'regular', 'associate'] as const;
export const companyRoleSchema = z.enum(companyRoles);
export type CompanyRole = z.infer<typeof companyRoleSchema>;

export const genders = ['male', 'female'] as const;
export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

export const nationalities = ['domestic', 'foreign'] as const;
export const nationalitySchema = z.enum(nationalities);
export type Nationality = z.infer<typeof nationalitySchema>;

export const carriers = ['SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'] as const;
export const carrierSchema = z.enum(carriers);
export type Carrier = z.infer<typeof carrierSchema>;

export const verificationPurposes = ['signup', 'find-id', 'reset-password', 'reverify'] as const;
export const verificationPurposeSchema = z.enum(verificationPurposes);
export type VerificationPurpose = z.infer<typeof verificationPurposeSchema>;

// ---------------------------------------------------------------- site and terms

export const termsCategories = ['terms', 'privacy', 'marketing', 'third-party', 'other'] as const;

export const termsDocumentSchema = z.object({
  documentId: z.string(),
  version: z.string(),
  title: localizedTextSchema,
  category: z.enum(termsCategories),
  required: z.boolean(),
  /** `agree`: one checkbox; `agree-disagree`: an explicit agree / do-not-agree choice. */
  answer: z.enum(['agree', 'agree-disagree']),
  /** Plain text (never HTML); paragraphs separated by blank lines. */
  body: localizedTextSchema,
  /** Privacy items (개인정보 보호법): purpose, items collected, retention, right to refuse. */
  summary: z.optional(
    z.object({
      purpose: localizedTextSchema,
      /** Required items (all items when `optionalItems` is absent). */
      items: localizedTextSchema,
      /** Items asked for but optional, listed apart from the required ones. */
      optionalItems: z.optional(localizedTextSchema),
      /** Who receives the data (category `third-party`, §17 ②); `purpose`, `items` and `retention` are then the recipient's. */
      recipient: z.optional(localizedTextSchema),
      retention: localizedTextSchema,
      refusal: localizedTextSchema,
    }),
  ),
  effectiveFrom: isoDate,
});
export type TermsDocument = z.infer<typeof termsDocumentSchema>;

/** A statement shown under the consents that asks for no answer (e.g. that nothing goes to third parties beyond them). */
export const termsNoticeSchema = z.object({ noticeId: z.string(), text: localizedTextSchema });
export type TermsNotice = z.infer<typeof termsNoticeSchema>;

/** A site's help desk: every message that sends people elsewhere (certificate by fax or e-mail, error help, the done screen) uses it. */
export const siteContactsSchema = z.object({
  /** Call centre, e.g. 고객안내센터 1600-7119 with the note 연결 후 1번. */
  phone: z.optional(z.object({ name: localizedTextSchema, number: z.string(), note: z.optional(localizedTextSchema) })),
  email: z.optional(z.string()),
  fax: z.optional(z.string()),
  /** Opening hours as people read them, e.g. 평일 09:00~18:00. */
  hours: z.optional(localizedTextSchema),
});
export type SiteContacts = z.infer<typeof siteContactsSchema>;

export const verificationMethodSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.literal('mobile'), kind: z.literal('otp'), label: localizedTextSchema }),
  z.object({
    /** e.g. `ipin`, `pass`, `kakao`. */
    id: z.string(),
    kind: z.literal('provider'),
    label: localizedTextSchema,
    /** Origin the provider page posts its result from; the element accepts messages only from it. */
    origin: z.url(),
    modes: z.array(z.enum(['popup', 'redirect'])),
  }),
]);
export type VerificationMethod = z.infer<typeof verificationMethodSchema>;

export const selectOptionSchema = z.object({ value: z.string(), label: localizedTextSchema });
export type SelectOption = z.infer<typeof selectOptionSchema>;

const count = z.number().check(z.int(), z.nonnegative());
const charKindSchema = z.enum(['letter', 'digit', 'special']);

export const membershipPolicySchema = z.object({
  loginId: z.object({ minLength: count, maxLength: count, mustStartWithLetter: z.boolean() }),
  password: z.object({
    minLength: count,
    maxLength: count,
    requiredKinds: z.array(charKindSchema),
    alternatives: z.optional(z.array(z.object({ minLength: count, minKinds: count }))),
    forbidLoginId: z.boolean(),
    maxRepeat: z.optional(count),
  }),
  minAge: count,
  emailDomains: z.array(z.string()),
  maskLoginIds: z.boolean(),
  required: z.object({ phone: z.boolean(), mobile: z.boolean(), address: z.boolean(), nameEn: z.boolean(), companyYesNo: z.optional(z.boolean()) }),
  interests: z.object({ maxItems: count, maxRegions: count }),
});

export const siteConfigSchema = z.object({
  siteId: z.string(),
  name: localizedTextSchema,
  /** Sites sharing this unified membership (shown in the terms). */
  siblingSites: z.array(z.object({ siteId: z.string(), name: localizedTextSchema, url: z.url() })),
  memberTypes: z.array(memberTypeSchema),
  verificationMethods: z.array(verificationMethodSchema),
  /** Whether signup asks for a fresh verification at submit (Animal Protection flow). */
  reverifyAtSignupSubmit: z.boolean(),
  /** The field rules in force (a `MembershipPolicy` of `membership-elements/rules`), so the
   *  browser checks and shows exactly what the server applies. */
  policy: membershipPolicySchema,
  companyOptions: z.object({
    companyType: z.array(selectOptionSchema),
    classification: z.array(selectOptionSchema),
    mainProduct: z.array(selectOptionSchema),
    tradeKind: z.array(selectOptionSchema),
  }),
  certificate: z.object({
    maxBytes: z.number().check(z.int()),
    contentTypes: z.array(z.string()),
    /** Where to send the certificate when not uploading it (the reference server takes them from `contacts`). */
    fax: z.optional(z.string()),
    email: z.optional(z.string()),
  }),
  contacts: z.optional(siteContactsSchema),
  /** The site's address search (the `searchAddresses` contract): the elements show a search box and
   *  result list when the page sets no adapter of its own. `endpoint` is relative to the API base. */
  addressSearch: z.optional(z.object({ endpoint: z.string().check(z.minLength(1)) })),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

// ---------------------------------------------------------------- identity verification

export const verificationPersonSchema = z.object({
  name: z.string(),
  birthDate: isoDate,
  gender: genderSchema,
  nationality: nationalitySchema,
});
export type VerificationPerson = z.infer<typeof verificationPersonSchema>;

/** What a verification proves, display-safe: never CI/DI. */
export const verificationResultSchema = z.object({
  /** Opaque, single-use; only the server can check it. */
  verificationToken: z.string().check(z.minLength(16)),
  purpose: verificationPurposeSchema,
  method: z.string(),
  person: verificationPersonSchema,
  expiresAt: isoDateTime,
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

// ---------------------------------------------------------------- members

export const addressSchema = z.object({
  postcode: text(10),
  base: text(200),
  detail: text(200),
  extra: optionalText(200),
  jibun: optionalText(200),
  english: optionalText(300),
});
export type Address = z.infer<typeof addressSchema>;

export const interestItemSchema = z.object({
  nameKo: text(100),
  nameEn: text(100),
  productCode: text(20),
});
export type InterestItem = z.infer<typeof interestItemSchema>;

/** Member details a person types at signup; name, birth date and gender come from verification. */
export const memberDetailsSchema = z.object({
  loginId: text(40),
  password: text(128),
  nameEn: optionalText(100),
  email: text(254),
  mobile: optionalText(20),
  phone: optionalText(20),
  fax: optionalText(20),
  department: optionalText(100),
  position: optionalText(100),
  address: z.optional(addressSchema),
  interestItems: z.optional(z.array(interestItemSchema).check(z.maxLength(20))),
  /** ISO 3166-1 alpha-2 country codes. */
  interestRegions: z.optional(z.array(z.string().check(z.length(2))).check(z.maxLength(50))),
});
export type MemberDetails = z.infer<typeof memberDetailsSchema>;

export const companySummarySchema = z.object({ companyId: z.string(), nameKo: z.string(), nameEn: z.optional(z.string()) });

export const memberSummarySchema = z.object({
  memberId: z.string(),
  loginId: z.string(),
  name: z.string(),
  memberType: memberTypeSchema,
  companyRole: z.nullable(companyRoleSchema),
  company: z.nullable(companySummarySchema),
});
export type MemberSummary = z.infer<typeof memberSummarySchema>;

export const consentRecordSchema = z.object({
  documentId: z.string(),
  version: z.string(),
  agreed: z.boolean(),
  answeredAt: isoDateTime,
});

export const profileSchema = z.object({
  memberId: z.string(),
  loginId: z.string(),
  memberType: memberTypeSchema,
  name: z.string(),
  nameEn: z.nullable(z.string()),
  birthDate: isoDate,
  email: z.string(),
  mobile: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  fax: z.nullable(z.string()),
  department: z.nullable(z.string()),
  position: z.nullable(z.string()),
  address: z.nullable(addressSchema),
  interestItems: z.array(interestItemSchema),
  interestRegions: z.array(z.string()),
  joinedAt: isoDateTime,
  consents: z.array(consentRecordSchema),
  companyRole: z.nullable(companyRoleSchema),
  company: z.nullable(companySummarySchema),
});
export type Profile = z.infer<typeof profileSchema>;

// ---------------------------------------------------------------- companies

export const companyDetailsSchema = z.object({
  businessNumber: text(20),
  nameKo: text(100),
  nameEn: optionalText(200),
  ceoNameKo: text(100),
  ceoNameEn: optionalText(200),
  corporateNumber: optionalText(20),
  tradeBusinessNumber: optionalText(20),
  businessType: optionalText(100),
  industry: optionalText(100),
  companyType: optionalText(50),
  innoBiz: z.optional(z.boolean()),
  venture: z.optional(z.boolean()),
  classification: optionalText(50),
  foreignInvested: z.optional(z.boolean()),
  mainProduct: optionalText(50),
  tradeKind: optionalText(50),
  phone: text(20),
  fax: optionalText(20),
  email: optionalText(254),
  homepage: optionalText(300),
  address: addressSchema,
});
export type CompanyDetails = z.infer<typeof companyDetailsSchema>;

export const companySchema = z.extend(companyDetailsSchema, {
  companyId: z.string(),
  certificate: z.enum(['none', 'uploaded', 'verified']),
  memberCount: z.number().check(z.int(), z.nonnegative()),
  registeredAt: isoDateTime,
});
export type Company = z.infer<typeof companySchema>;

/** How a member joins a company: link to a known BRN, or register a new company. */
export const companyLinkRequestSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('link'), businessNumber: text(20) }),
  z.object({
    mode: z.literal('register'),
    company: companyDetailsSchema,
    /** From uploadCertificate; without it the member is told to send the certificate by fax/email. */
    certificateId: z.optional(z.string()),
  }),
]);
export type CompanyLinkRequest = z.infer<typeof companyLinkRequestSchema>;

export const companyMemberSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  loginId: z.string(),
  role: companyRoleSchema,
  department: z.nullable(z.string()),
  position: z.nullable(z.string()),
  linkedAt: isoDateTime,
});
export type CompanyMember = z.infer<typeof companyMemberSchema>;

export const companyMembershipSchema = z.object({
  company: companySchema,
  role: companyRoleSchema,
  linkedAt: isoDateTime,
});
export type CompanyMembership = z.infer<typeof companyMembershipSchema>;
