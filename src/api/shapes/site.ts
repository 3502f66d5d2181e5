// Wire shapes of the site configuration and its terms: the only shapes the first request of an element
// (getSiteConfig) needs, so they build apart from the others (people.ts, companies.ts).
import * as z from 'zod/mini';
import { memberTypes } from './lists.ts';
import { isoDate } from './text.ts';

export const localizedTextSchema = z.object({ ko: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const memberTypeSchema = z.enum(memberTypes);
export type MemberType = z.infer<typeof memberTypeSchema>;

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
