import type { MemberSummary, Profile } from '../src/api/index.ts';
import { iso, type ServerDeps } from './context.ts';
import { formatPhoneNumber } from '../src/rules/phone.ts';
import type { MemberRecord } from './store/types.ts';

/** The member as the contract shows them: never CI/DI, never the password hash. */
export async function memberSummary(deps: ServerDeps, member: MemberRecord): Promise<MemberSummary> {
  const link = await deps.store.getLink(member.memberId);
  const company = link ? await deps.store.getCompany(link.companyId) : null;
  return {
    memberId: member.memberId,
    loginId: member.loginId,
    name: member.name,
    memberType: member.memberType,
    companyRole: link?.role ?? null,
    company: company ? { companyId: company.companyId, nameKo: company.details.nameKo, nameEn: company.details.nameEn } : null,
  };
}

export async function memberProfile(deps: ServerDeps, member: MemberRecord): Promise<Profile> {
  const summary = await memberSummary(deps, member);
  const consents = await deps.store.listConsents(member.memberId);
  return {
    ...summary,
    nameEn: member.nameEn,
    birthDate: member.birthDate,
    email: member.email,
    mobile: member.mobile,
    phone: member.phone,
    fax: member.fax,
    department: member.department,
    position: member.position,
    address: member.address,
    interestItems: member.interestItems,
    interestRegions: member.interestRegions,
    joinedAt: iso(member.joinedAt),
    consents: consents.map((c) => ({ documentId: c.documentId, version: c.version, agreed: c.agreed, answeredAt: iso(c.answeredAt) })),
  };
}

/** Empty strings from forms are stored as "not given". */
export const blankToNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value.trim());

/** A phone number as stored: formatted, or null when not given. */
export function phoneOrNull(value: string | null | undefined): string | null {
  const trimmed = blankToNull(value);
  return trimmed === null ? null : formatPhoneNumber(trimmed);
}
