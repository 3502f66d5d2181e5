// Operations of the contract for companies and their members, with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { companyDetailsSchema, companyLinkRequestSchema, companyMemberSchema, companyMembershipSchema, companySchema } from '../shapes/companies.ts';
import { id } from './fields.ts';

export const companyLookupSchema = z.discriminatedUnion('status', [
  /** Already a member company: link to it (first linker was MASTER; you become associate). */
  z.object({
    status: z.literal('registered'),
    company: z.pick(companySchema, { companyId: true, businessNumber: true, nameKo: true, nameEn: true, ceoNameKo: true, address: true }),
  }),
  /** Known to the external business registry: the form comes prefilled; you become MASTER. */
  z.object({ status: z.literal('registry'), prefill: z.partial(companyDetailsSchema) }),
  /** Unknown: type the details and attach the registration certificate; you become MASTER. */
  z.object({ status: z.literal('unknown'), businessNumber: z.string() }),
]);
export type CompanyLookup = z.infer<typeof companyLookupSchema>;

export const certificateSchema = z.object({
  certificateId: z.string(),
  fileName: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  bytes: z.number().check(z.int(), z.positive()),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const myCompanySchema = z.object({ membership: z.nullable(companyMembershipSchema) });

export const companyChangesSchema = z.partial(z.omit(companyDetailsSchema, { businessNumber: true }));
export type CompanyChanges = z.infer<typeof companyChangesSchema>;

const companyParams = z.object({ companyId: id });
const companyMemberParams = z.object({ companyId: id, memberId: id });

export const companyOperations = {
  lookupCompany: defineOperation({
    id: 'lookupCompany', method: 'GET', path: '/companies/lookup', tag: 'company',
    summary: 'Look a business registration number up: registered member company, registry prefill, or unknown.',
    query: z.object({ businessNumber: z.string().check(z.maxLength(20)) }),
    response: companyLookupSchema,
    rateLimited: true,
    errors: ['RATE_LIMITED'],
  }),
  uploadCertificate: defineOperation({
    id: 'uploadCertificate', method: 'POST', path: '/certificates', tag: 'company',
    summary: 'Upload a business registration certificate (PDF, JPEG or PNG, checked by content); needs a session or the signup verification token in X-Verification-Token.',
    multipart: true,
    response: certificateSchema,
    created: true, idempotent: true, rateLimited: true,
    errors: ['CERTIFICATE_INVALID_TYPE', 'CERTIFICATE_TOO_LARGE', 'RATE_LIMITED', 'UNAUTHENTICATED', 'VERIFICATION_INVALID', 'VERIFICATION_EXPIRED', 'VERIFICATION_PURPOSE_MISMATCH'],
  }),
  getMyCompany: defineOperation({
    id: 'getMyCompany', method: 'GET', path: '/me/company', tag: 'company',
    summary: 'The company the signed-in member is linked to, with their role, or null.',
    response: myCompanySchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED'],
  }),
  linkCompany: defineOperation({
    id: 'linkCompany', method: 'POST', path: '/me/company', tag: 'company',
    summary: 'Link the signed-in member to a company: first linker of a BRN becomes MASTER, later ones associate.',
    body: companyLinkRequestSchema,
    response: companyMembershipSchema,
    auth: 'session', created: true, idempotent: true,
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'ALREADY_LINKED', 'COMPANY_NOT_FOUND', 'COMPANY_ALREADY_REGISTERED', 'CERTIFICATE_NOT_FOUND'],
  }),
  leaveCompany: defineOperation({
    id: 'leaveCompany', method: 'DELETE', path: '/me/company', tag: 'company',
    summary: 'End the signed-in member link to their company (a MASTER with other members must transfer first).',
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'NOT_LINKED', 'MASTER_MUST_TRANSFER'],
  }),
  updateCompany: defineOperation({
    id: 'updateCompany', method: 'PATCH', path: '/companies/{companyId}', tag: 'company',
    summary: 'Edit company details (MASTER and regular members).',
    params: companyParams,
    body: companyChangesSchema,
    response: companySchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE'],
  }),
  listCompanyMembers: defineOperation({
    id: 'listCompanyMembers', method: 'GET', path: '/companies/{companyId}/members', tag: 'company',
    summary: 'Members of a company with their roles, pending associates first (MASTER only).',
    params: companyParams,
    response: z.object({ members: z.array(companyMemberSchema) }),
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE'],
  }),
  approveCompanyMember: defineOperation({
    id: 'approveCompanyMember', method: 'POST', path: '/companies/{companyId}/members/{memberId}/approval', tag: 'company',
    summary: 'Approve a pending associate: they become a regular member (MASTER only).',
    params: companyMemberParams,
    response: companyMemberSchema,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
  rejectCompanyMember: defineOperation({
    id: 'rejectCompanyMember', method: 'POST', path: '/companies/{companyId}/members/{memberId}/rejection', tag: 'company',
    summary: 'Reject a pending associate: their link ends (MASTER only).',
    params: companyMemberParams,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
  removeCompanyMember: defineOperation({
    id: 'removeCompanyMember', method: 'DELETE', path: '/companies/{companyId}/members/{memberId}', tag: 'company',
    summary: 'End another member link to the company (MASTER only).',
    params: companyMemberParams,
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
  transferMaster: defineOperation({
    id: 'transferMaster', method: 'POST', path: '/companies/{companyId}/master-transfer', tag: 'company',
    summary: 'Hand the MASTER role to a regular member; the caller becomes regular (MASTER only).',
    params: companyParams,
    body: z.object({ memberId: id }),
    response: z.object({ members: z.array(companyMemberSchema) }),
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID', 'COMPANY_NOT_FOUND', 'FORBIDDEN_ROLE', 'MEMBER_NOT_IN_COMPANY'],
  }),
} as const;
