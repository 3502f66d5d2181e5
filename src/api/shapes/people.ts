// Wire shapes of people: identity verification, member details, summaries and profiles.
import * as z from 'zod/mini';
import { carriers, companyRoles, genders, nationalities, verificationPurposes } from './lists.ts';
import { memberTypeSchema } from './site.ts';
import { isoDate, isoDateTime, optionalText, text } from './text.ts';

export const companyRoleSchema = z.enum(companyRoles);
export type CompanyRole = z.infer<typeof companyRoleSchema>;

export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

export const nationalitySchema = z.enum(nationalities);
export type Nationality = z.infer<typeof nationalitySchema>;

export const carrierSchema = z.enum(carriers);
export type Carrier = z.infer<typeof carrierSchema>;

export const verificationPurposeSchema = z.enum(verificationPurposes);
export type VerificationPurpose = z.infer<typeof verificationPurposeSchema>;

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
