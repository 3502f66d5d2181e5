import type { ServerDeps } from './context.ts';
import { randomId } from './crypto.ts';
import { demoRenamedFormerName, getSandboxPerson, sandboxPersonIds } from './sandbox/people.ts';
import { withLease } from './store/lease.ts';
import type { CompanyRecord, MemberRecord } from './store/types.ts';

/** Password of every seeded demo account (shown on the sandbox inbox page and in README). */
export const demoPassword = 'Demo2026!pw';

/** The seeded demo accounts: login ID → sandbox person and what the account shows off. */
export const demoAccounts = [
  { loginId: 'demomember', personId: sandboxPersonIds.demoMember, memberType: 'individual', note: '개인회원 / individual member' },
  { loginId: 'demomaster', personId: sandboxPersonIds.demoMaster, memberType: 'corporate', note: '누리무역 MASTER / company MASTER' },
  { loginId: 'demoassoc', personId: sandboxPersonIds.demoAssociate, memberType: 'corporate', note: '누리무역 준회원(승인 대기) / associate awaiting approval' },
  { loginId: 'demorenamed', personId: sandboxPersonIds.demoRenamed, memberType: 'individual', note: `개명 전 이름(${demoRenamedFormerName})으로 가입 — 재인증 시 이름 불일치 / account under a former name` },
] as const;

const demoCompany = {
  businessNumber: '1248100998',
  details: {
    businessNumber: '124-81-00998', nameKo: '누리무역 주식회사', nameEn: 'Nuri Trading Co., Ltd.',
    ceoNameKo: '윤태양', ceoNameEn: 'Yoon Taeyang', corporateNumber: '130111-0006246', businessType: '도소매업', industry: '무역',
    companyType: 'corporation', classification: 'small', mainProduct: 'consumer', tradeKind: 'trade', phone: '02-1234-5678',
    email: 'contact@nuri.example', homepage: 'https://nuri.example',
    address: { postcode: '06164', base: '서울특별시 강남구 영동대로 511', detail: '무역센터 10층' },
  },
};

/**
 * Seeds the demo accounts and company once (when the store has none of them); true if it did. Under a
 * store lease: instances starting together on one database seed once, the others find it done.
 */
export function seedDemoData(deps: ServerDeps): Promise<boolean> {
  return withLease(deps.store, 'seed-demo-data', () => seedOnce(deps), { ttlMs: 120_000, waitMs: 120_000 });
}

async function seedOnce(deps: ServerDeps): Promise<boolean> {
  if (await deps.store.findMemberByLoginKey('demomaster')) return false;
  const now = deps.now();
  const passwordHash = await deps.hasher.hash(demoPassword);
  const members = new Map<string, MemberRecord>();
  for (const account of demoAccounts) {
    const person = getSandboxPerson(account.personId);
    const member: MemberRecord = {
      memberId: randomId('mem'), loginId: account.loginId, loginKey: account.loginId, passwordHash,
      memberType: account.memberType,
      name: account.personId === sandboxPersonIds.demoRenamed ? demoRenamedFormerName : person.name,
      nameEn: null, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality,
      email: `${account.loginId}@example.com`, mobile: person.mobile.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3'),
      phone: null, fax: null, department: null, position: null, address: null, interestItems: [], interestRegions: [],
      di: person.di, ci: person.ci, verifiedWith: 'mobile', joinedSiteId: 'trade', joinedAt: now,
    };
    const consents = ['trade-terms', 'trade-privacy'].map((documentId) => ({ memberId: member.memberId, siteId: 'trade', documentId, version: '2026-01-01', agreed: true, answeredAt: now }));
    const created = await deps.store.createMember(member, consents);
    if (created.ok) members.set(account.loginId, member);
  }
  const company: CompanyRecord = { companyId: randomId('cmp'), ...demoCompany, certificateId: null, certificateStatus: 'verified', registeredAt: now };
  const master = members.get('demomaster');
  const associate = members.get('demoassoc');
  if (master) await deps.store.linkCompany(master.memberId, company, now);
  if (associate) await deps.store.linkCompany(associate.memberId, company, now);
  return members.size > 0;
}
