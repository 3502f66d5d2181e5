import type {
  Company,
  CompanyDetails,
  CompanyLinkRequest,
  CompanyMember,
  CompanyRole,
  FieldError,
} from '../src/api/index.ts';
import { checkBusinessNumber, formatBusinessNumber, formatCorporateNumber } from '../src/rules/business-number.ts';
import { companyFormSchema } from '../src/rules/company-form.ts';
import { normalizeDigits } from '../src/rules/digits.ts';
import { normalizeEmail } from '../src/rules/email.ts';
import { fieldErrors } from '../src/rules/form-fields.ts';
import { normalizeHomepage } from '../src/rules/homepage.ts';
import { formatPhoneNumber } from '../src/rules/phone.ts';
import type { MembershipPolicy } from '../src/rules/policy.ts';
import { fail, invalid, iso, type ServerDeps } from './context.ts';
import { randomId } from './crypto.ts';
import type { CompanyLinkRecord, CompanyRecord, MemberRecord } from './store/types.ts';

// The company domain (docs/domain.md, Company link), shared by the company routes and corporate signup.
//
// Decisions:
// - Simultaneous first registrations. `register` of a BRN that is already a member company answers
//   COMPANY_ALREADY_REGISTERED: the UI looked the number up and should have linked. But two first
//   registrants can both see "unknown" and submit at once; the store's atomic `linkCompany` then makes
//   the later one an associate of the earlier one's company. That member did nothing wrong, so a
//   register that finds the company registered less than `simultaneousWindowMs` ago is treated as that
//   race and answered with success as an associate (their typed details and certificate are dropped:
//   the first registrant's company stands). The window is the client's request timeout: a company
//   registered within it may have been registered while this request was already in flight.
// - Certificate status: an uploaded certificate → 'uploaded' (staff review it later → 'verified');
//   none → 'none' and `certificatePending` (the member is told to fax or email it). A BRN the external
//   registry knows is proven to exist by the registry, so it registers without a certificate:
//   'verified', `certificatePending: false`.
// - A MASTER alone may leave: the company stays registered (details, certificate, history) with no
//   members (memberCount 0). The next member who links to it adopts it as MASTER, as the first linker
//   would have (`ensureMaster`); `register` of its BRN still answers COMPANY_ALREADY_REGISTERED (link
//   instead). A MASTER with anyone else linked, pending associates included, must transfer first.
// - A corporate member whose link ends (leave, reject, remove) becomes an individual member again.
// - Field paths of VALIDATION_FAILED are relative to the CompanyLinkRequest (`businessNumber`,
//   `company.nameKo`, …); signup prefixes them with its own `company.`.

/** A register that finds its BRN registered this recently is the simultaneous-first-linkers race. */
export const simultaneousWindowMs = 15_000;

/** What `prepareCompanyLink` decided; `linkMemberToCompany` carries it out. */
export interface CompanyLinkPlan {
  /** The existing company (link) or the company to register (register). */
  candidate: CompanyRecord;
  certificatePending: boolean;
}

/**
 * Every check of a link request that does not depend on the member: BRN and company details,
 * COMPANY_NOT_FOUND, COMPANY_ALREADY_REGISTERED, CERTIFICATE_NOT_FOUND. Signup can run it before
 * creating the member, so a bad company part never leaves a member behind.
 */
export async function prepareCompanyLink(deps: ServerDeps, request: CompanyLinkRequest): Promise<CompanyLinkPlan> {
  const now = deps.now();
  if (request.mode === 'link') {
    const digits = businessNumberDigits(request.businessNumber, 'businessNumber');
    const company = await deps.store.findCompanyByBusinessNumber(digits);
    if (!company) fail('COMPANY_NOT_FOUND', { message: 'No member company has this business registration number: register it.' });
    return { candidate: company, certificatePending: false };
  }

  const fields = checkCompanyDetails(request.company, 'company.');
  if (fields.length > 0) invalid(fields);
  const digits = normalizeDigits(request.company.businessNumber);
  const existing = await deps.store.findCompanyByBusinessNumber(digits);
  if (existing && now - existing.registeredAt >= simultaneousWindowMs) {
    fail('COMPANY_ALREADY_REGISTERED', {
      message: 'This company is already registered: link to it instead.',
      fields: [{ field: 'company.businessNumber', code: 'COMPANY_ALREADY_REGISTERED' }],
    });
  }

  let certificateId: string | null = null;
  if (request.certificateId !== undefined) {
    const certificate = await deps.store.getCertificate(request.certificateId);
    if (!certificate) {
      fail('CERTIFICATE_NOT_FOUND', { message: 'Upload the certificate again.', fields: [{ field: 'certificateId', code: 'CERTIFICATE_NOT_FOUND' }] });
    }
    certificateId = certificate.certificateId;
  }
  const inRegistry = (await deps.registry.find(digits)) !== null;
  const certificateStatus = inRegistry ? 'verified' : certificateId ? 'uploaded' : 'none';
  return {
    candidate: {
      companyId: randomId('co'),
      businessNumber: digits,
      details: normalizeCompanyDetails(request.company),
      certificateId,
      certificateStatus,
      registeredAt: now,
    },
    certificatePending: certificateStatus === 'none',
  };
}

/**
 * Links a member to a company: `link` to a registered BRN (the member becomes associate), or `register`
 * a new one (the member becomes MASTER). Who is MASTER is decided atomically by the store.
 */
export async function linkMemberToCompany(
  deps: ServerDeps,
  member: MemberRecord,
  request: CompanyLinkRequest,
): Promise<{ company: CompanyRecord; link: CompanyLinkRecord; created: boolean; certificatePending: boolean }> {
  if (await deps.store.getLink(member.memberId)) alreadyLinked();
  const plan = await prepareCompanyLink(deps, request);
  const result = await deps.store.linkCompany(member.memberId, plan.candidate, deps.now());
  if (!result.ok) alreadyLinked();
  if (result.created) return { company: result.company, link: result.link, created: true, certificatePending: plan.certificatePending };
  // An existing company (link mode, or the simultaneous-register race): associate, unless nobody holds
  // the MASTER role any more (the last MASTER left alone), then this member adopts the company.
  await ensureMaster(deps, result.company.companyId);
  const link = (await deps.store.getLink(member.memberId)) ?? result.link;
  return { company: result.company, link, created: false, certificatePending: false };
}

function alreadyLinked(): never {
  fail('ALREADY_LINKED', { message: 'You are already linked to a company: leave it first.' });
}

/**
 * A company with members but no MASTER (its last MASTER left alone, then someone linked) gets one:
 * a regular before an associate, then the earliest link, then the smaller member id. The store has no
 * conditional "promote if masterless", so two callers at the same instant could each promote someone;
 * every promoter therefore settles afterwards (of the MASTERs, the first by the same order keeps the
 * role, the others go back to what they were). As each promotion is followed by a settle, exactly one
 * MASTER remains.
 */
export async function ensureMaster(deps: ServerDeps, companyId: string): Promise<void> {
  const links = await deps.store.listLinks(companyId);
  if (links.length === 0 || links.some((link) => link.role === 'master')) return;
  const [heir] = links.sort(succession);
  await deps.store.setRole(companyId, heir!.memberId, 'master');
  const masters = (await deps.store.listLinks(companyId)).filter((link) => link.role === 'master');
  // Compare as they were before promotion: a promoted member is not preferred for being MASTER now.
  const before = new Map(links.map((link) => [link.memberId, link.role]));
  const ranked = masters.map((link) => ({ ...link, role: before.get(link.memberId) ?? 'associate' })).sort(succession);
  for (const extra of ranked.slice(1)) {
    if (extra.role !== 'master') await deps.store.setRole(companyId, extra.memberId, extra.role);
  }
}

const successionRank: Record<CompanyRole, number> = { master: 0, regular: 1, associate: 2 };

function succession(a: CompanyLinkRecord, b: CompanyLinkRecord): number {
  return successionRank[a.role] - successionRank[b.role] || a.linkedAt - b.linkedAt || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

/**
 * Ends a member's link (leave, reject, remove). A corporate member without a company is an individual
 * again; foreign members keep their type.
 */
export async function endCompanyLink(deps: ServerDeps, companyId: string, memberId: string): Promise<boolean> {
  if (!(await deps.store.removeLink(companyId, memberId))) return false;
  const member = await deps.store.getMember(memberId);
  if (member?.memberType === 'corporate') await deps.store.updateMember(memberId, { memberType: 'individual' });
  return true;
}

/** The member's role in their company, or null for a member without one (an individual for `can`). */
export async function memberRole(deps: ServerDeps, memberId: string): Promise<CompanyRole | null> {
  return (await deps.store.getLink(memberId))?.role ?? null;
}

/** The company as the contract shows it. */
export function toCompany(record: CompanyRecord, memberCount: number): Company {
  return {
    ...record.details,
    businessNumber: formatBusinessNumber(record.businessNumber),
    companyId: record.companyId,
    certificate: record.certificateStatus,
    memberCount,
    registeredAt: iso(record.registeredAt),
  };
}

/** A member of a company as the MASTER's screens show them. */
export function toCompanyMember(link: CompanyLinkRecord, member: MemberRecord): CompanyMember {
  return {
    memberId: member.memberId,
    name: member.name,
    loginId: member.loginId,
    role: link.role,
    department: member.department,
    position: member.position,
    linkedAt: iso(link.linkedAt),
  };
}

/** Members of a company: pending associates first, then the MASTER, then regulars; each by link time. */
export async function listCompanyMembers(deps: ServerDeps, companyId: string): Promise<CompanyMember[]> {
  const order: Record<CompanyRole, number> = { associate: 0, master: 1, regular: 2 };
  const links = (await deps.store.listLinks(companyId)).sort((a, b) => order[a.role] - order[b.role] || a.linkedAt - b.linkedAt);
  const members: CompanyMember[] = [];
  for (const link of links) {
    const member = await deps.store.getMember(link.memberId);
    if (member) members.push(toCompanyMember(link, member));
  }
  return members;
}

/** Digits of a BRN, or VALIDATION_FAILED at `field` with the rule code (BRN_CHECKSUM, BRN_LENGTH, …). */
export function businessNumberDigits(value: string, field: string): string {
  const code = checkBusinessNumber(value);
  if (code !== null) invalid([{ field, code }], 'The business registration number is not valid.');
  return normalizeDigits(value);
}

/**
 * Rule errors of company details (the rules module's company form schema: names, CEO names, phone,
 * address, BRN and corporate number check digits, …), at `prefix` + field.
 * `only`: report just these top-level fields (a partial update).
 */
export function checkCompanyDetails(details: unknown, prefix = '', only?: ReadonlySet<string>, policy?: MembershipPolicy): FieldError[] {
  return fieldErrors(companyFormSchema(policy).safeParse(details))
    .filter((error) => !only || only.has(error.field.split('.')[0] ?? ''))
    .map((error) => ({ field: `${prefix}${error.field}`, code: error.code }));
}

/** Required strings of the contract's company details: kept even when blank. */
const requiredTextKeys: ReadonlySet<string> = new Set(['businessNumber', 'nameKo', 'nameEn', 'ceoNameKo', 'ceoNameEn', 'phone']);

/** Stored form of valid details: trimmed, blanks dropped, numbers formatted, email and homepage normalized. */
export function normalizeCompanyDetails(details: CompanyDetails): CompanyDetails {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      out[key] = value;
      continue;
    }
    const trimmed = value.trim();
    if (trimmed !== '' || requiredTextKeys.has(key)) out[key] = trimmed;
  }
  const result = out as unknown as CompanyDetails;
  result.businessNumber = formatBusinessNumber(details.businessNumber);
  if (result.corporateNumber !== undefined) result.corporateNumber = formatCorporateNumber(result.corporateNumber);
  result.phone = formatPhoneNumber(result.phone);
  if (result.fax !== undefined) result.fax = formatPhoneNumber(result.fax);
  if (result.email !== undefined) result.email = normalizeEmail(result.email);
  if (result.homepage !== undefined) result.homepage = normalizeHomepage(result.homepage);
  result.address = normalizeAddress(details.address);
  return result;
}

function normalizeAddress(address: CompanyDetails['address']): CompanyDetails['address'] {
  const out: CompanyDetails['address'] = { postcode: normalizeDigits(address.postcode), base: address.base.trim(), detail: address.detail.trim() };
  for (const key of ['extra', 'jibun', 'english'] as const) {
    const value = address[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}
