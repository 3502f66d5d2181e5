// Wire shapes of companies and of a member's link to one.
import * as z from 'zod/mini';
import { addressSchema, companyRoleSchema } from './people.ts';
import { isoDateTime, optionalText, text } from './text.ts';

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
