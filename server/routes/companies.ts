import type { Context, Hono } from 'hono';
import { can, operations, type Certificate, type CompanyAction, type CompanyMembership } from '../../src/api/index.ts';
import { codePointLength } from '../../src/rules/digits.ts';
import { formatBusinessNumber } from '../../src/rules/business-number.ts';
import {
  businessNumberDigits,
  checkCompanyDetails,
  endCompanyLink,
  ensureMaster,
  linkMemberToCompany,
  listCompanyMembers,
  normalizeCompanyDetails,
  toCompany,
  toCompanyMember,
} from '../companies.ts';
import type { SiteSettings } from '../config.ts';
import { fail, invalid, type ServerDeps } from '../context.ts';
import { randomId } from '../crypto.ts';
import { mount } from '../http.ts';
import type { CertificateRecord, CompanyLinkRecord, CompanyRecord, MemberRecord } from '../store/types.ts';

// Company link (DOMAIN.md §1.5). Who may do what is decided by `can(role, action)` only: the caller's
// role counts in their own company; for any other company the caller is treated as an individual.

/** Room for the multipart boundaries and part headers around the file itself. */
const multipartOverhead = 64 * 1024;

export function companyRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.lookupCompany, async ({ query }) => {
    const digits = businessNumberDigits(query.businessNumber, 'businessNumber');
    const businessNumber = formatBusinessNumber(digits);
    const company = await deps.store.findCompanyByBusinessNumber(digits);
    if (company) {
      const { nameKo, nameEn, ceoNameKo, address } = company.details;
      return { status: 'registered' as const, company: { companyId: company.companyId, businessNumber, nameKo, nameEn, ceoNameKo, address } };
    }
    const prefill = await deps.registry.find(digits);
    if (prefill) return { status: 'registry' as const, prefill: { ...prefill, businessNumber } };
    return { status: 'unknown' as const, businessNumber };
  });

  mount(app, deps, operations.uploadCertificate, async ({ site, c }) => {
    const file = await readCertificateFile(c, site);
    const data = new Uint8Array(await file.arrayBuffer());
    if (data.byteLength > site.config.certificate.maxBytes) tooLarge(site);
    const contentType = sniffContentType(data);
    if (!contentType || !site.config.certificate.contentTypes.includes(contentType)) {
      fail('CERTIFICATE_INVALID_TYPE', { message: 'Send a PDF, JPEG or PNG file.', fields: [{ field: 'file', code: 'CERTIFICATE_INVALID_TYPE' }] });
    }
    const record: CertificateRecord = {
      certificateId: randomId('cert'),
      fileName: sanitizeFileName(file instanceof File ? file.name : ''),
      contentType,
      bytes: data.byteLength,
      data,
      createdAt: deps.now(),
    };
    await deps.store.putCertificate(record);
    const answer: Certificate = { certificateId: record.certificateId, fileName: record.fileName, contentType, bytes: record.bytes };
    return answer;
  });

  mount(app, deps, operations.getMyCompany, async ({ session }) => {
    const link = await deps.store.getLink(session!.member.memberId);
    if (!link) return { membership: null };
    const company = await deps.store.getCompany(link.companyId);
    return { membership: company ? await membership(deps, company, link) : null };
  });

  mount(app, deps, operations.linkCompany, async ({ body, session }) => {
    const member = session!.member;
    const { company, link } = await linkMemberToCompany(deps, member, body);
    // "An individual can convert to corporate later": linking makes an individual a corporate member.
    if (member.memberType === 'individual') await deps.store.updateMember(member.memberId, { memberType: 'corporate' });
    return membership(deps, company, link);
  });

  mount(app, deps, operations.leaveCompany, async ({ session }) => {
    const memberId = session!.member.memberId;
    const link = await deps.store.getLink(memberId);
    if (!link) fail('NOT_LINKED', { message: 'You are not linked to a company.' });
    if (link.role === 'master') {
      const others = (await deps.store.listLinks(link.companyId)).filter((other) => other.memberId !== memberId);
      // Pending associates count too: approve one and transfer, or reject them, before leaving.
      if (others.length > 0) fail('MASTER_MUST_TRANSFER', { message: 'Transfer the MASTER role to a regular member before leaving.' });
    }
    // A MASTER alone leaves too: the company stays registered without members (see server/companies.ts).
    if (!(await endCompanyLink(deps, link.companyId, memberId))) fail('NOT_LINKED', { message: 'You are not linked to a company.' });
    // Someone who linked while the lone MASTER was leaving would be left without a MASTER: they adopt it.
    if (link.role === 'master') await ensureMaster(deps, link.companyId);
  });

  mount(app, deps, operations.updateCompany, async ({ params, body, session }) => {
    const { company } = await authorize(deps, params.companyId, session!.member, 'edit-company');
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const merged = { ...company.details, ...changes, businessNumber: company.details.businessNumber };
    const fields = checkCompanyDetails(merged, '', new Set(Object.keys(changes)));
    if (fields.length > 0) invalid(fields);
    const updated = await deps.store.updateCompany(company.companyId, normalizeCompanyDetails(merged));
    if (!updated) companyNotFound();
    return toCompany(updated, (await deps.store.listLinks(updated.companyId)).length);
  });

  mount(app, deps, operations.listCompanyMembers, async ({ params, session }) => {
    const { company } = await authorize(deps, params.companyId, session!.member, 'approve-members');
    return { members: await listCompanyMembers(deps, company.companyId) };
  });

  mount(app, deps, operations.approveCompanyMember, async ({ params, session }) => {
    const { company } = await authorize(deps, params.companyId, session!.member, 'approve-members');
    const { link, member } = await targetMember(deps, company.companyId, params.memberId, (role) => role === 'associate');
    if (!(await deps.store.setRole(company.companyId, link.memberId, 'regular'))) notInCompany();
    return toCompanyMember({ ...link, role: 'regular' }, member);
  });

  mount(app, deps, operations.rejectCompanyMember, async ({ params, session }) => {
    const { company } = await authorize(deps, params.companyId, session!.member, 'approve-members');
    const { link } = await targetMember(deps, company.companyId, params.memberId, (role) => role === 'associate');
    if (!(await endCompanyLink(deps, company.companyId, link.memberId))) notInCompany();
  });

  mount(app, deps, operations.removeCompanyMember, async ({ params, session }) => {
    const caller = session!.member;
    const { company } = await authorize(deps, params.companyId, caller, 'remove-members');
    const { link } = await targetMember(deps, company.companyId, params.memberId, () => true);
    // Nobody removes the MASTER (the caller themself included): the MASTER leaves or transfers instead.
    if (link.role === 'master' || link.memberId === caller.memberId) {
      fail('FORBIDDEN_ROLE', { message: 'The MASTER cannot be removed: transfer the role or leave the company.' });
    }
    if (!(await endCompanyLink(deps, company.companyId, link.memberId))) notInCompany();
  });

  mount(app, deps, operations.transferMaster, async ({ params, body, session }) => {
    const caller = session!.member;
    const { company } = await authorize(deps, params.companyId, caller, 'transfer-master');
    // Only to a regular member: associates have to be approved first.
    const { link } = await targetMember(deps, company.companyId, body.memberId, (role) => role === 'regular');
    if (!(await deps.store.transferMaster(company.companyId, caller.memberId, link.memberId))) notInCompany();
    return { members: await listCompanyMembers(deps, company.companyId) };
  });
}

/** The company, and the caller's permission for `action` in it (FORBIDDEN_ROLE otherwise). */
async function authorize(deps: ServerDeps, companyId: string, caller: MemberRecord, action: CompanyAction) {
  const company = await deps.store.getCompany(companyId);
  if (!company) companyNotFound();
  const link = await deps.store.getLink(caller.memberId);
  const role = link && link.companyId === company.companyId ? link.role : null;
  if (!can(role, action)) fail('FORBIDDEN_ROLE', { message: 'Your role in this company does not allow this.' });
  return { company };
}

/** The target member's link in this company, when `accept` takes its role; else MEMBER_NOT_IN_COMPANY. */
async function targetMember(deps: ServerDeps, companyId: string, memberId: string, accept: (role: CompanyLinkRecord['role']) => boolean) {
  const link = await deps.store.getLink(memberId);
  const member = link && link.companyId === companyId && accept(link.role) ? await deps.store.getMember(memberId) : null;
  if (!link || !member) notInCompany();
  return { link, member };
}

async function membership(deps: ServerDeps, company: CompanyRecord, link: CompanyLinkRecord): Promise<CompanyMembership> {
  const count = (await deps.store.listLinks(company.companyId)).length;
  // Read the link back: a concurrent settle of a masterless company may have changed the role.
  const current = (await deps.store.getLink(link.memberId)) ?? link;
  return { company: toCompany(company, count), role: current.role, linkedAt: new Date(current.linkedAt).toISOString() };
}

function companyNotFound(): never {
  fail('COMPANY_NOT_FOUND', { message: 'No such company.' });
}

function notInCompany(): never {
  fail('MEMBER_NOT_IN_COMPANY', { message: 'That member is not in this company with a role that allows this.' });
}

function tooLarge(site: SiteSettings): never {
  fail('CERTIFICATE_TOO_LARGE', {
    message: `The certificate may be at most ${site.config.certificate.maxBytes} bytes.`,
    fields: [{ field: 'file', code: 'CERTIFICATE_TOO_LARGE' }],
  });
}

/** The `file` part of the multipart body, reading at most what the size limit allows. */
async function readCertificateFile(c: Context, site: SiteSettings): Promise<Blob> {
  const limit = site.config.certificate.maxBytes + multipartOverhead;
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) tooLarge(site);
  const raw = await readLimited(c.req.raw, limit);
  if (raw === null) tooLarge(site);
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': c.req.header('content-type') ?? '' } }).formData();
  } catch {
    invalid([{ field: 'file', code: 'REQUIRED' }], 'Send the certificate as multipart/form-data with a "file" part.');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') invalid([{ field: 'file', code: 'REQUIRED' }], 'The "file" part is missing.');
  return file;
}

/** The whole body, or null as soon as it grows past `limit` bytes (also without a Content-Length). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  // Firefox's Request has no `body` stream (this server also runs there, under MSW): read it whole.
  if (request.body === undefined) {
    const whole = new Uint8Array(await request.arrayBuffer());
    return whole.byteLength > limit ? null : whole;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const signatures: readonly { type: CertificateRecord['contentType']; magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type by the file's first bytes; the declared type and the file name are not trusted. */
export function sniffContentType(data: Uint8Array): CertificateRecord['contentType'] | null {
  const match = signatures.find(({ magic }) => data.byteLength >= magic.length && magic.every((byte, i) => data[i] === byte));
  return match?.type ?? null;
}

/** Base name only, no control or bidi-override characters, at most 200 characters. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return 'certificate';
  if (codePointLength(clean) <= 200) return clean;
  return Array.from(clean).slice(0, 200).join('');
}
