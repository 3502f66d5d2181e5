import assert from 'node:assert/strict';
import type {
  CertificateRecord,
  CompanyRecord,
  ConsentRecord,
  IdempotencyRecord,
  MemberRecord,
  MembershipStore,
  PasswordResetRecord,
  SandboxMessage,
  SessionRecord,
  VerificationRecord,
  VerificationTokenRecord,
  VerifiedPerson,
} from './types.ts';

// Records for the store tests: each call makes a new, distinct one (ids from a shared serial).
let serial = 0;
export const T0 = 1_767_225_600_000;

export function member(overrides: Partial<MemberRecord> = {}): MemberRecord {
  const n = ++serial;
  return {
    memberId: `mem-${n}`, loginId: `user${n}`, loginKey: `user${n}`, passwordHash: `scrypt$salt$hash${n}`,
    memberType: 'individual', name: '홍길동', nameEn: 'Hong Gildong', birthDate: '1990-01-02', gender: 'male',
    nationality: 'domestic', email: `user${n}@example.kr`, mobile: '01012345678', phone: '0212345678', fax: null,
    department: '수출팀', position: null,
    address: { postcode: '06164', base: '서울특별시 강남구 영동대로 513', detail: '1층', english: '513 Yeongdong-daero' },
    interestItems: [{ nameKo: '반도체', nameEn: 'Semiconductors', productCode: '8542' }], interestRegions: ['US', 'VN'],
    di: `di-${n}`, ci: `ci-${n}`, verifiedWith: 'mobile', joinedSiteId: 'kotra', joinedAt: T0 + n,
    ...overrides,
  };
}

export const consent = (memberId: string, overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  memberId, siteId: 'kotra', documentId: 'terms', version: '2025-01', agreed: true, answeredAt: T0, ...overrides,
});

export function company(overrides: Partial<CompanyRecord> = {}): CompanyRecord {
  const n = ++serial;
  return {
    companyId: `co-${n}`, businessNumber: '1208147521',
    details: {
      businessNumber: '120-81-47521', nameKo: '한빛정밀 주식회사', nameEn: 'Hanbit Precision Co., Ltd.', ceoNameKo: '김한빛',
      ceoNameEn: 'Kim Hanbit', corporateNumber: '110111-0062432', innoBiz: true, venture: false, phone: '031-123-4567',
      address: { postcode: '16677', base: '경기도 수원시 영통구 광교로 107', detail: '3층' },
    },
    certificateId: null, certificateStatus: 'none', registeredAt: T0 + n,
    ...overrides,
  };
}

export const session = (memberId: string, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  sessionHash: `sess-${++serial}`, memberId, csrfToken: `csrf-${serial}`, createdAt: T0, expiresAt: T0 + 3_600_000,
  reverifiedAt: null, ...overrides,
});

export const person = (overrides: Partial<VerifiedPerson> = {}): VerifiedPerson => ({
  name: '홍길동', birthDate: '1990-01-02', gender: 'male', nationality: 'domestic', mobile: '01012345678', carrier: 'SKT',
  ci: 'ci-x', di: 'di-x', ...overrides,
});

export const verification = (overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  verificationId: `ver-${++serial}`, siteId: 'kotra', method: 'mobile', purpose: 'signup', mode: 'otp', createdAt: T0,
  expiresAt: T0 + 600_000, sessionHash: null, resetId: null, captchaAnswer: 'x7k2',
  claimed: { name: '홍길동', birthDate: '1990-01-02', gender: 'male', nationality: 'domestic', mobile: '01012345678', carrier: 'SKT' },
  codeHash: 'code-hash', codeExpiresAt: T0 + 180_000, codeAttempts: 0, resends: 0, lastSentAt: T0, person: null,
  providerResultId: null, done: false, ...overrides,
});

export const token = (overrides: Partial<VerificationTokenRecord> = {}): VerificationTokenRecord => ({
  tokenHash: `tok-${++serial}`, verificationId: 'ver-1', siteId: 'kotra', purpose: 'signup', method: 'mobile',
  person: person(), issuedAt: T0, expiresAt: T0 + 600_000, usedAt: null, ...overrides,
});

export const certificate = (data: Uint8Array, overrides: Partial<CertificateRecord> = {}): CertificateRecord => ({
  certificateId: `cert-${++serial}`, fileName: '사업자등록증.pdf', contentType: 'application/pdf', bytes: data.byteLength, data,
  createdAt: T0, ...overrides,
});

export const reset = (overrides: Partial<PasswordResetRecord> = {}): PasswordResetRecord => ({
  resetId: `reset-${++serial}`, siteId: 'kotra', loginKey: 'user1', mobile: '01012345678', createdAt: T0,
  expiresAt: T0 + 600_000, usedAt: null, ...overrides,
});

export const idempotency = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  scope: 'kotra:createMember:key-1', requestHash: 'req-1', status: 0, body: '', createdAt: T0, ...overrides,
});

export const message = (n: number): SandboxMessage => ({ messageId: `msg-${n}`, mobile: '01012345678', text: `인증번호 ${n}`, sentAt: T0 + n });

export const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** Two members, the first one MASTER of a new company: the starting point of the role tests. */
export async function companyWithMaster(store: MembershipStore) {
  const master = member();
  const other = member();
  await store.createMember(master, []);
  await store.createMember(other, []);
  const linked = await store.linkCompany(master.memberId, company(), T0);
  assert.ok(linked.ok);
  return { master, other, company: linked.company };
}
